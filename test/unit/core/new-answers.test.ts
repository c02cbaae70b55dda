import { describe, expect, it } from '@jest/globals';
import type { Article } from '../../../src/core/article.js';
import { Gazetteer } from '../../../src/core/gazetteer.js';
import {
  andList,
  checkAuthor,
  checkDate,
  checkPlace,
  checkPlaces,
  checkRegions,
  checkSlugFree,
  checkSubtitle,
  checkSummary,
  checkTags,
  checkTitle,
  checkType,
  regionsOfPlaces,
  splitList,
} from '../../../src/core/new-answers.js';
import { TagVocabulary } from '../../../src/core/tags.js';
import { loadBuiltInTags, loadGazetteerData } from '../../../src/data.js';

const gazetteer = new Gazetteer(loadGazetteerData());
const vocabulary = new TagVocabulary(loadBuiltInTags());

describe('the answers of psg new', () => {
  it('takes a title of one line, 1 to 160 characters, trimmed', () => {
    expect(checkTitle('  Exit Villanueva  ')).toEqual({ ok: true, value: 'Exit Villanueva' });
    expect(checkTitle('   ')).toEqual({ ok: false, message: 'The title is empty; write the headline' });
    expect(checkTitle('one\ntwo')).toEqual({ ok: false, message: 'The title must be one line' });
    expect(checkTitle('x'.repeat(160)).ok).toBe(true);
    expect(checkTitle('x'.repeat(161))).toEqual({ ok: false, message: 'The title is 161 characters; shorten it to 160 or fewer' });
    expect(checkTitle('bell\u0007').ok).toBe(false);
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(checkTitle('🇵🇪'.repeat(40)).ok).toBe(true); // 80 characters, 160 units
  });

  it('takes a summary that may span lines but is not empty', () => {
    expect(checkSummary(' first\r\nsecond \n')).toEqual({ ok: true, value: 'first\nsecond' });
    expect(checkSummary('\n  \n').ok).toBe(false);
  });

  it('takes real dates only, with or without a time', () => {
    expect(checkDate('2019-04-10')).toEqual({ ok: true, value: { date: '2019-04-10' } });
    expect(checkDate('2019-04-10T09:30')).toEqual({ ok: true, value: { date: '2019-04-10', time: '09:30:00' } });
    expect(checkDate('2019-02-30')).toEqual({ ok: false, message: '2019-02-30 is not a real date: February 2019 has 28 days; correct the day' });
    expect(checkDate('2020-02-29').ok).toBe(true);
    expect(checkDate('10/04/2019')).toEqual({ ok: false, message: '"10/04/2019" is not a date; did you mean 2019-04-10? (write dates as YYYY-MM-DD)' });
    expect(checkDate('').ok).toBe(false);
  });

  it('resolves regions, aliases and provinces, and names every unknown one with suggestions', () => {
    expect(checkRegions(['Cuzco', 'Espinar', 'cajamarca'], gazetteer)).toEqual({
      ok: true,
      value: { regions: ['Cusco', 'Cajamarca'], notes: ['Espinar is a province of Cusco; the region is Cusco'] },
    });
    const bad = checkRegions(['Cajamrca', 'Puno', 'Atlantis'], gazetteer);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toBe(
      'Unknown region "Cajamrca" (did you mean "Cajamarca"?), "Atlantis"; `psg regions` lists the 25 regions, and provinces work too',
    );
    expect(checkRegions([], gazetteer)).toEqual({ ok: true, value: { regions: [], notes: [] } });
  });

  it('finds the regions of the places it knows', () => {
    expect(regionsOfPlaces(['Hualgayoc', 'Jatucachi', 'Espinar', 'Cajamarca'], gazetteer)).toEqual(['Cajamarca', 'Cusco']);
  });

  it('keeps an unknown tag with a warning note, and writes tags in their proper form', () => {
    expect(checkTags(['Consulta previa', 'mining', 'minning', 'mining'], vocabulary)).toEqual({
      ok: true,
      value: { tags: ['consulta-previa', 'mining', 'minning'], notes: ['"minning" is not in the tag vocabulary; did you mean "mining"?'] },
    });
    expect(checkTags(['¿?'], vocabulary).ok).toBe(false);
  });

  it('takes a place, known or not, and places as a list', () => {
    expect(checkPlace(' Jatucachi ')).toEqual({ ok: true, value: 'Jatucachi' });
    expect(checkPlace('').ok).toBe(false);
    expect(checkPlace('x'.repeat(61)).ok).toBe(false);
    expect(checkPlaces(splitList(['Espinar, Jatucachi', ' ', 'Espinar']))).toEqual({ ok: true, value: ['Espinar', 'Jatucachi'] });
  });

  it('checks a subtitle by the title it makes', () => {
    expect(checkSubtitle('', 'Letter from Cajamarca', 3)).toEqual({ ok: true, value: undefined });
    expect(checkSubtitle(' water ', 'Letter from Cajamarca', 3)).toEqual({ ok: true, value: 'water' });
    const long = checkSubtitle('x'.repeat(140), 'Letter from Cajamarca', 3);
    expect(!long.ok && long.message).toMatch(/^The title would be 167 characters; shorten the subtitle by 7$/);
  });

  it('takes an optional author', () => {
    expect(checkAuthor('  ')).toEqual({ ok: true, value: undefined });
    expect(checkAuthor(' Ana Pérez ')).toEqual({ ok: true, value: 'Ana Pérez' });
  });

  it('takes the three types only', () => {
    expect(checkType('Letter')).toEqual({ ok: true, value: 'letter' });
    expect(checkType('post')).toEqual({ ok: false, message: '"post" is not a type; use news, letter or page' });
  });

  it('refuses a slug another article has, leaving the file the article will be to the create step', () => {
    const articles = [{ path: '2019/2019-03-18-espinar.md', slug: 'espinar' } as Article];
    expect(checkSlugFree('Espinar', articles)).toEqual({
      ok: false,
      message: 'The slug "espinar" is already used by 2019/2019-03-18-espinar.md; give this article another title',
    });
    expect(checkSlugFree('Espinar', articles, '2019/2019-03-18-espinar.md').ok).toBe(true);
    expect(checkSlugFree('Espinar', articles, '2019/2019-04-01-espinar.md', (p) => `articles/${p}`)).toEqual({
      ok: false,
      message: 'The slug "espinar" is already used by articles/2019/2019-03-18-espinar.md; give this article another title',
    });
    expect(checkSlugFree('Espinar again', articles).ok).toBe(true);
  });

  it('joins lists with "and"', () => {
    expect(andList(['a'])).toBe('a');
    expect(andList(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
