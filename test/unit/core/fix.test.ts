import { describe, expect, it } from '@jest/globals';
import { decodeArticle } from '../../../src/core/article-file.js';
import { fixArticle } from '../../../src/core/autofix.js';
import { checkArticleFile } from '../../../src/core/check.js';
import { applyFixes } from '../../../src/core/fix.js';
import { flowList as yamlFlowList, scalar as yamlScalar } from '../../../src/core/yaml-text.js';
import { coreContext, fileText } from '../../helpers/core.js';

const ctx = coreContext();

describe('yamlScalar', () => {
  it('writes plain text plainly, and quotes what YAML would read otherwise', () => {
    expect(yamlScalar('Cusco')).toBe('Cusco');
    expect(yamlScalar('Madre de Dios')).toBe('Madre de Dios');
    expect(yamlScalar('Junín')).toBe('Junín');
    for (const text of ['yes', 'No', 'true', 'null', '~', '2019', '-x', 'a: b', 'a #b', '[x]', ' x', 'x ', '', "it's", '*x', '&x', '!x']) {
      const written = yamlScalar(text);
      expect(JSON.parse(written.startsWith('"') ? written : JSON.stringify(written))).toBe(text);
      if (['yes', 'true', '2019', 'a: b', '[x]', '', '-x', '*x'].includes(text)) expect(written).toBe(JSON.stringify(text));
    }
    expect(yamlFlowList(['Cusco', 'yes'])).toBe('[Cusco, "yes"]');
  });
});

describe('applyFixes', () => {
  it('rewrites a flow list or a string in place', () => {
    expect(applyFixes('title: A\nregions: [cuzco]  # c\n', [{ field: 'regions', value: ['Cusco'] }])).toBe('title: A\nregions: [Cusco]  # c\n');
    expect(applyFixes('regions: Puno\ntags: x\n', [{ field: 'regions', value: ['Puno'] }])).toBe('regions: [Puno]\ntags: x\n');
  });

  it('changes a block list item by item, keeping its comments, and adds after the last line', () => {
    const yaml = 'regions:\n  # first\n  - cuzco  # the city\n  - Puno # x\ntitle: A\n';
    expect(applyFixes(yaml, [{ field: 'regions', value: ['Cusco', 'Puno', 'Cajamarca'] }])).toBe(
      'regions:\n  # first\n  - Cusco  # the city\n  - Puno # x\n  - Cajamarca\ntitle: A\n',
    );
  });

  it('rewrites a block list whole when items go away', () => {
    expect(applyFixes('regions:\n- cuzco\n- Cusco\n', [{ field: 'regions', value: ['Cusco'] }])).toBe('regions:\n- Cusco\n');
  });

  it('fills an empty field and adds a missing one at the end', () => {
    expect(applyFixes('regions:\ntitle: A\n', [{ field: 'regions', value: ['Cusco'] }])).toBe('regions: [Cusco]\ntitle: A\n');
    expect(applyFixes('title: A\n', [{ field: 'regions', value: ['Cusco'] }])).toBe('title: A\nregions: [Cusco]\n');
    expect(applyFixes('title: A', [{ field: 'regions', value: ['Cusco'] }])).toBe('title: A\nregions: [Cusco]\n');
  });

  it('keeps CRLF line ends', () => {
    expect(applyFixes('regions:\r\n  - cuzco\r\ntitle: A\r\n', [{ field: 'regions', value: ['Cusco', 'Puno'] }])).toBe(
      'regions:\r\n  - Cusco\r\n  - Puno\r\ntitle: A\r\n',
    );
    expect(applyFixes('title: A\r\n', [{ field: 'tags', value: ['x'] }])).toBe('title: A\r\ntags: [x]\r\n');
  });

  it('takes the first fix of a field and applies fixes of several fields', () => {
    const yaml = 'regions: cuzco\ntags: mining\n';
    expect(applyFixes(yaml, [{ field: 'regions', value: ['cuzco'] }, { field: 'regions', value: ['Cusco'] }, { field: 'tags', value: ['mining'] }])).toBe(
      'regions: [cuzco]\ntags: [mining]\n',
    );
  });
});

describe('fixArticle', () => {
  const fix = (text: string) => {
    const file = decodeArticle('2019/2019-03-18-a.md', Buffer.from(text), ctx);
    return fixArticle(file, checkArticleFile(file, ctx), ctx);
  };

  it('applies fixes pass after pass, and changes only the front matter', () => {
    const body = '\nBody with regions: cuzco in it.\n---\nregions: cuzco\n';
    const text = fileText('title: A\ntype: news\ndate: 2019-03-18\nsummary: S.\nregions: cuzco\nplaces: Espinar, Hualgayoc', body);
    const result = fix(text);
    expect(result.text).toBe(fileText('title: A\ntype: news\ndate: 2019-03-18\nsummary: S.\nregions: [Cusco, Cajamarca]\nplaces: [Espinar, Hualgayoc]', body));
    expect(result.problems).toEqual([]);
    expect(result.fixed).toBe(4);
  });

  it('has nothing to do the second time', () => {
    const first = fix(fileText('title: A\ntype: news\ndate: 2019-03-18\nsummary: S.\nregions:\n  - cuzco\n  - Junin'));
    expect(first.text).toContain('  - Cusco\n  - Junín\n');
    expect(fix(first.text!)).toEqual({ fixed: 0, problems: [] });
  });

  it('leaves a file with nothing fixable alone', () => {
    const text = fileText('title: A\ntype: news\ndate: 2019-03-18\nsummary: S.\nregions: [Cuzko]');
    const result = fix(text);
    expect(result.text).toBeUndefined();
    expect(result.fixed).toBe(0);
    expect(result.problems.map((p) => p.rule)).toEqual(['region-unknown']);
  });

  it('turns a string into a list even when its region is unknown', () => {
    const result = fix(fileText('title: A\ntype: news\ndate: 2019-03-18\nsummary: S.\nregions: Cuzko'));
    expect(result.text).toContain('regions: [Cuzko]\n');
    expect(result.problems.map((p) => p.rule)).toEqual(['region-unknown']);
  });

  it('keeps values YAML would misread quoted', () => {
    const result = fix(fileText('title: A\ntype: news\ndate: 2019-03-18\nsummary: S.\ntags: "yes"'));
    expect(result.text).toContain('tags: ["yes"]\n');
  });
});
