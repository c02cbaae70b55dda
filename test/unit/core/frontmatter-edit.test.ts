import { describe, expect, it } from '@jest/globals';
import { FrontMatterEditError, removeField, setField } from '../../../src/core/frontmatter-edit.js';

const YAML = [
  '# Checked by the desk on 2 April',
  'title: "Exit Villanueva"   # headline as printed',
  'type: news',
  'date: 2019-03-11T12:00:00',
  'regions:',
  '  - Lima',
  'draft: true # until legal checks',
  "summary: 'Quoted, kept'",
  '',
].join('\n');

describe('setField', () => {
  it('replaces a value where it stands and keeps every other byte', () => {
    const out = setField(YAML, 'date', '2019-04-02');
    expect(out).toBe(YAML.replace('date: 2019-03-11T12:00:00', 'date: 2019-04-02'));
  });

  it('keeps a comment after the value', () => {
    expect(setField(YAML, 'draft', 'false')).toContain('draft: false # until legal checks\n');
  });

  it('adds a missing key as the last line', () => {
    const out = setField('title: A\ntype: news\n', 'draft', 'true');
    expect(out).toBe('title: A\ntype: news\ndraft: true\n');
  });

  it('adds a line break first when the YAML does not end with one', () => {
    expect(setField('title: A', 'draft', 'true')).toBe('title: A\ndraft: true\n');
  });

  it('keeps CRLF line ends', () => {
    expect(setField('title: A\r\ntype: news\r\n', 'draft', 'true')).toBe('title: A\r\ntype: news\r\ndraft: true\r\n');
    expect(removeField('title: A\r\ndraft: true\r\ntype: news\r\n', 'draft')).toBe('title: A\r\ntype: news\r\n');
  });

  it('fills an empty value after its colon', () => {
    expect(setField('title: A\ndate:\ntype: news\n', 'date', '2019-04-02')).toBe('title: A\ndate: 2019-04-02\ntype: news\n');
    expect(setField('date: ~\n', 'date', '2019-04-02')).toBe('date: 2019-04-02\n');
  });

  it('replaces a list where a scalar belongs', () => {
    expect(setField('date:\n  - 2019\ntype: news\n', 'date', '2019-04-02')).toBe('date: 2019-04-02\ntype: news\n');
  });

  it('writes into empty front matter', () => {
    expect(setField('', 'draft', 'true')).toBe('draft: true\n');
  });

  it('refuses flow-style front matter and broken YAML rather than guess', () => {
    expect(() => setField('{title: A, draft: true}\n', 'draft', 'false')).toThrow(FrontMatterEditError);
    expect(() => setField('title: "A\n', 'draft', 'false')).toThrow(FrontMatterEditError);
  });
});

describe('removeField', () => {
  it('removes the whole line, with its comment, and nothing else', () => {
    expect(removeField(YAML, 'draft')).toBe(YAML.replace('draft: true # until legal checks\n', ''));
  });

  it('removes the first and the last line', () => {
    expect(removeField('draft: true\ntitle: A\n', 'draft')).toBe('title: A\n');
    expect(removeField('title: A\ndraft: true', 'draft')).toBe('title: A\n');
  });

  it('removes a value spread over lines', () => {
    expect(removeField('regions:\n  - Lima\n  - Puno\ntype: news\n', 'regions')).toBe('type: news\n');
  });

  it('removes every copy of a key given twice', () => {
    expect(removeField('draft: true\ntitle: A\ndraft: false\n', 'draft')).toBe('title: A\n');
  });

  it('leaves YAML without the key unchanged', () => {
    expect(removeField(YAML, 'order')).toBe(YAML);
    expect(removeField('', 'draft')).toBe('');
  });
});
