import { describe, expect, it } from '@jest/globals';
import { editDistance, fold, foldName, orList, plural, suggest } from '../../../src/core/text.js';

describe('text helpers', () => {
  it('folds case and accents', () => {
    expect(fold('Junín')).toBe('junin');
    expect(fold('ÁNCASH')).toBe('ancash');
    // Precomposed and decomposed forms fold alike.
    expect(fold('Jun\u00edn')).toBe(fold('Juni\u0301n'));
    expect(foldName('  Madre-de_Dios. ')).toBe('madre de dios');
  });

  it('counts edits, with a swap of neighbours as one', () => {
    expect(editDistance('cuzco', 'cusco')).toBe(1);
    expect(editDistance('cuzko', 'cusco')).toBe(2);
    expect(editDistance('cajamrca', 'cajamarca')).toBe(1);
    expect(editDistance('caja', 'cajamarca')).toBe(5);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests close names, best first, at most three', () => {
    expect(suggest('tittle', ['title', 'type', 'date'])).toEqual(['title']);
    expect(suggest('Caja', ['Cajamarca', 'Callao'])).toEqual(['Cajamarca']);
    expect(suggest('xyz', ['title', 'type'])).toEqual([]);
    expect(suggest('', ['title'])).toEqual([]);
    expect(suggest('a', ['b', 'c', 'd', 'e'])).toHaveLength(3);
  });

  it('joins lists the English way', () => {
    expect(orList([])).toBe('');
    expect(orList(['a'])).toBe('"a"');
    expect(orList(['a', 'b'])).toBe('"a" or "b"');
    expect(orList(['a', 'b', 'c'], false)).toBe('a, b or c');
  });

  it('counts with the right plural', () => {
    expect(plural(0, 'article')).toBe('0 articles');
    expect(plural(1, 'article')).toBe('1 article');
    expect(plural(2, 'query', 'queries')).toBe('2 queries');
  });
});
