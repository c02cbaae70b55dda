import { describe, expect, it } from '@jest/globals';
import { locateProblems } from '../../../src/core/locate.js';
import { type Problem, warning } from '../../../src/core/problem.js';
import { lineColumn } from '../../../src/core/yaml-nodes.js';

function at(yaml: string, path: (string | number)[], key = false, yamlLine = 2): string {
  const problem: Problem = warning('x', 'x', { at: { path, key } });
  locateProblems([problem], yaml, yamlLine);
  return `${problem.line}:${problem.column}`;
}

const YAML = [
  'title: "Quoted title"', // line 2
  'regions: [Puno, Cusco]', // 3
  'places:', // 4
  '  - Espinar', // 5
  '  -   Hualgayoc', // 6
  'sources:', // 7
  '  - title: A', // 8
  '    url: https://a.example/', // 9
  'empty:', // 10
  '',
].join('\n');

describe('locateProblems', () => {
  it('places a value where it starts, in flow and block lists', () => {
    expect(at(YAML, ['title'])).toBe('2:8');
    expect(at(YAML, ['regions'])).toBe('3:10');
    expect(at(YAML, ['regions', 1])).toBe('3:17');
    expect(at(YAML, ['places', 0])).toBe('5:5');
    expect(at(YAML, ['places', 1])).toBe('6:7');
    expect(at(YAML, ['sources', 0, 'url'])).toBe('9:10');
  });

  it('places a key where it starts', () => {
    expect(at(YAML, ['places'], true)).toBe('4:1');
    expect(at(YAML, ['sources', 0, 'url'], true)).toBe('9:5');
  });

  it('falls back to the key of an empty value, and to the deepest node found', () => {
    expect(at(YAML, ['empty'])).toBe('10:1');
    expect(at(YAML, ['title', 3])).toBe('2:8');
    expect(at(YAML, ['nowhere'])).toBe('2:1');
  });

  it('counts lines from where the YAML starts in the file', () => {
    expect(at('a: 1\nb: 2\n', ['b'], false, 7)).toBe('8:4');
  });

  it('is not thrown off by CRLF line ends or a multi-line value before', () => {
    expect(at('a: 1\r\nb: 2\r\n', ['b'])).toBe('3:4');
    expect(at('summary: >\n  one\n  two\nregions: [x]\n', ['regions', 0])).toBe('5:11');
  });

  it('leaves problems that have a place, and places others at the top', () => {
    const placed: Problem = warning('x', 'x', { line: 9, column: 3 });
    const nowhere: Problem = warning('x', 'x');
    locateProblems([placed, nowhere], 'a: 1\n', 2);
    expect([placed.line, placed.column, nowhere.line, nowhere.column]).toEqual([9, 3, 1, 1]);
  });
});

describe('lineColumn', () => {
  it('turns an offset into a 0-based line and column', () => {
    expect(lineColumn('ab\ncd\n', 0)).toEqual({ line: 0, column: 0 });
    expect(lineColumn('ab\ncd\n', 4)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\n', 3)).toEqual({ line: 1, column: 0 });
  });
});

describe('locateProblems with keys no regular expression could hold', () => {
  it('places a 40,000-character key, and keys full of regular-expression syntax', () => {
    const long = 'k'.repeat(40_000);
    expect(at(`title: T\n${long}: 1\n`, [long], true)).toBe('3:1');
    for (const key of ['a.*', '(x', '[', 'a|b', '\\1', '^$', '"q"']) {
      expect(at(`title: T\nother: 1\n${key}: 1\n`, [key], true)).toBe('4:1');
    }
    // "a.*" must not match a line of another key, as a pattern would.
    expect(at(`abc: 1\na.*: 2\n`, ['a.*'], true)).toBe('3:1');
  });
});
