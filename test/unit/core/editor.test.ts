import { describe, expect, it } from '@jest/globals';
import { completions } from '../../../src/core/editor/completion.js';
import { regionHover } from '../../../src/core/editor/hover.js';
import { placeAt, wordAt } from '../../../src/core/editor/place.js';
import { quickFixes, suggestionsIn } from '../../../src/core/editor/quick-fixes.js';
import { coreContext } from '../../helpers/core.js';

const ctx = coreContext();

describe('where the cursor is', () => {
  const text = '---\ntitle: T\nregions:\n  - Caj\n  - "Cuzko"\nti\n---\nregions: [Puno]\n';

  it('knows the field of a block list item, a line where a field name goes, and the body', () => {
    expect(placeAt(text, 3, 7)).toEqual({ field: 'regions', atKey: false, prefix: 'Caj', prefixStart: 4 });
    expect(placeAt(text, 5, 2)).toEqual({ atKey: true, prefix: 'ti', prefixStart: 0 });
    expect(placeAt(text, 7, 12)).toBeUndefined();
  });

  it('finds the word under the cursor without the dash or the quotes', () => {
    expect(wordAt(text, 3, 5)).toEqual({ word: 'Caj', start: 4, end: 7 });
    expect(wordAt(text, 4, 4)).toEqual({ word: 'Cuzko', start: 5, end: 10 });
    expect(wordAt('regions: [Madre de Dios, Puno]', 0, 12)).toEqual({ word: 'Madre de Dios', start: 10, end: 23 });
  });
});

describe('completion', () => {
  it('offers a region for its alias or its name without accents', () => {
    const offers = (prefix: string) => completions({ field: 'regions', atKey: false, prefix, prefixStart: 0 }, new Set(), ctx).map((o) => o.label);
    expect(offers('cuzc')).toEqual(['Cusco']);
    expect(offers('Junin')).toEqual(['Junín']);
    expect(offers('')).toHaveLength(25);
  });
});

describe('quick fixes', () => {
  it('read the suggestions of a did-you-mean', () => {
    expect(suggestionsIn('Unknown region "Cajamrca"; did you mean "Cajamarca" or "Cajabamba"?')).toEqual(['Cajamarca', 'Cajabamba']);
    expect(suggestionsIn('No suggestion here')).toEqual([]);
  });

  it('turn a --fix fix into one edit of the front matter, preferred', () => {
    const yaml = 'title: T\nregions: Cusco # one\n';
    const fixes = quickFixes(
      { rule: 'field-list', severity: 'warning', message: 'write regions: [Cusco]', fix: { field: 'regions', value: ['Cusco'] } },
      { text: `---\n${yaml}---\n`, yaml, yamlStart: 4 },
    );
    expect(fixes).toEqual([{ title: 'write regions: [Cusco]', preferred: true, edit: { start: 4, end: 4 + yaml.length, text: 'title: T\nregions: [Cusco] # one\n' } }]);
  });
});

describe('hover', () => {
  it('tells a province’s region and an alias’s spelling', () => {
    expect(regionHover('Espinar', ctx.gazetteer)).toMatch(/^\*\*Espinar\*\* — a province of Cusco\n\n\*\*Cusco\*\* — region 08/);
    expect(regionHover('Cuzco', ctx.gazetteer)).toContain('"Cuzco" is written "Cusco" in psg');
    expect(regionHover('Atlantis', ctx.gazetteer)).toBeUndefined();
  });
});
