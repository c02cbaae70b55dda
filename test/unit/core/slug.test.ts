import { describe, expect, it } from '@jest/globals';
import { SLUG_MAX, slugify } from '../../../src/core/slug.js';

describe('slugify', () => {
  it.each([
    ['Espinar: continuing problems with mine developments', 'espinar-continuing-problems-with-mine-developments'],
    ['Jirón Ucayali', 'jiron-ucayali'],
    ['Cooperacción', 'cooperaccion'],
    ['Letter from Cajamarca (2): the rondas campesinas', 'letter-from-cajamarca-2-the-rondas-campesinas'],
    ['CONFIEP’s lobby', 'confieps-lobby'],
    ["Peru's Congress", 'perus-congress'],
    ['Straße, Æsop, Łódź, Øre', 'strasse-aesop-lodz-ore'],
    ['  --Ñandú!!  ', 'nandu'],
    ['2019: año de lucha', '2019-ano-de-lucha'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('never names a path outside the folder', () => {
    for (const title of ['../../etc/passwd', '/etc/passwd', '..', 'a/../../b', 'C:\\Windows\\system32', '.hidden', '~root']) {
      const slug = slugify(title);
      expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
  });

  it('gives "untitled" when nothing is left', () => {
    expect(slugify('')).toBe('untitled');
    expect(slugify('¿¡…!?')).toBe('untitled');
    expect(slugify('日本語')).toBe('untitled');
  });

  it('cuts long titles at a word boundary, at most 80 characters', () => {
    const title = 'Peru’s Congress debated for the whole of a long afternoon a law that would change how mining companies consult';
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(title.toLowerCase().replace(/’/g, '').replace(/ /g, '-').startsWith(slug)).toBe(true);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toBe('perus-congress-debated-for-the-whole-of-a-long-afternoon-a-law-that-would-change');
  });

  it('never cuts inside a word', () => {
    expect(slugify(`${'a'.repeat(78)} bcdef`)).toBe('a'.repeat(78));
  });

  it('cuts a single long word at the limit', () => {
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(80));
  });
});
