import { describe, expect, it } from '@jest/globals';
import type { Article } from '../../../src/core/article.js';
import {
  countedSeries,
  letterTitle,
  missingParts,
  nextLetter,
  oneEditApart,
  outOfOrder,
  type SeriesMember,
  seriesOf,
  seriesOfArticles,
  titleSeries,
} from '../../../src/core/series.js';

function letter(path: string, series: string, part?: number): Article {
  return {
    path,
    slug: path,
    title: series,
    type: 'letter',
    date: { date: '2019-03-18' },
    summary: 's',
    regions: [],
    places: [],
    tags: [],
    sources: [],
    draft: false,
    series,
    ...(part === undefined ? {} : { part }),
  };
}

/** nextLetter as psg new calls it: with the parts of the place's series. */
const next = (place: string, articles: Article[]) => nextLetter(place, seriesOfArticles(articles).parts(seriesOf(place)));

const archive = [
  letter('a', 'Letter from Cajamarca', 1),
  letter('b', 'Letter from Cajamarca', 2),
  letter('c', 'Letter from Puno', 1),
];

describe('nextLetter', () => {
  it('takes the part after the highest in the series', () => {
    expect(next('Cajamarca', archive)).toEqual({ series: 'Letter from Cajamarca', part: 3 });
    expect(next('Puno', archive)).toEqual({ series: 'Letter from Puno', part: 2 });
  });

  it('starts a new series at part 1', () => {
    expect(next('Espinar', archive)).toEqual({ series: 'Letter from Espinar', part: 1 });
    expect(next('Cajamarca', [])).toEqual({ series: 'Letter from Cajamarca', part: 1 });
  });

  it('follows the highest part, not the count, when parts are skipped', () => {
    expect(next('Cusco', [letter('x', 'Letter from Cusco', 1), letter('y', 'Letter from Cusco', 4)]).part).toBe(5);
  });

  it('joins a series whatever the case and accents of the place, keeping the archive spelling', () => {
    const junin = [letter('j', 'Letter from Junín', 1)];
    expect(next('junin', junin)).toEqual({ series: 'Letter from Junín', part: 2 });
    expect(next('CAJAMARCA', archive)).toEqual({ series: 'Letter from Cajamarca', part: 3 });
  });

  it('counts a series member without a part as part 1', () => {
    expect(next('Tacna', [letter('t', 'Letter from Tacna')]).part).toBe(2);
  });

  it('ignores other series that share the start of the name', () => {
    expect(next('Lima', [letter('l', 'Letter from Lima Norte', 3)]).part).toBe(1);
  });
});

describe('letterTitle', () => {
  it('writes titles as the site does', () => {
    expect(letterTitle('Letter from Cajamarca', 1)).toBe('Letter from Cajamarca');
    expect(letterTitle('Letter from Puno', 1, 'Using the law to protect community rights')).toBe(
      'Letter from Puno: Using the law to protect community rights',
    );
    expect(letterTitle('Letter from Cajamarca', 2, 'the rondas campesinas')).toBe('Letter from Cajamarca (2): the rondas campesinas');
    expect(letterTitle('Letter from Cajamarca', 3)).toBe('Letter from Cajamarca (3)');
    expect(letterTitle('Letter from Cajamarca', 3, '   ')).toBe('Letter from Cajamarca (3)');
  });
});

function titled(path: string, title: string, date = '2019-03-18', fields: Partial<Article> = {}): Article {
  return { ...letter(path, ''), title, date: { date }, series: undefined, ...fields } as Article;
}

describe('series from titles', () => {
  it('reads the series, part and subtitle a title spells out', () => {
    expect(titleSeries('Letter from Cajamarca (846): water and Conga')).toEqual({ series: 'Letter from Cajamarca', part: 846, subtitle: 'water and Conga' });
    expect(titleSeries('Letter from Puno')).toEqual({ series: 'Letter from Puno', part: 1 });
    expect(titleSeries('Letter from Puno: a subtitle')).toEqual({ series: 'Letter from Puno', part: 1, subtitle: 'a subtitle' });
    expect(titleSeries('Letter from Puno (3)')).toEqual({ series: 'Letter from Puno', part: 3 });
    expect(titleSeries('Letter from Lima (Callao): x')).toEqual({ series: 'Letter from Lima (Callao)', part: 1, subtitle: 'x' });
  });

  it('sees no series in other titles, or in a number beyond any real part', () => {
    expect(titleSeries('Letter from')).toBeUndefined();
    expect(titleSeries('A letter from Puno')).toBeUndefined();
    expect(titleSeries('Letter from Puno (0)')).toBeUndefined();
    expect(titleSeries('Letter from Puno (99999)')).toBeUndefined();
  });

  it('counts the fields first, the title when they are absent, and only for letters', () => {
    expect(countedSeries({ type: 'letter', title: 'Letter from Cajamarca (846): x' })).toEqual({ series: 'Letter from Cajamarca', part: 846 });
    expect(countedSeries({ type: 'letter', title: 'Letter from Cajamarca (846): x', series: 'Letter from Cajamarca', part: 2 })).toEqual({ series: 'Letter from Cajamarca', part: 2 });
    expect(countedSeries({ type: 'letter', title: 'Letter from Cajamarca (846): x', series: 'Letter from Cajamarca' })).toEqual({ series: 'Letter from Cajamarca', part: 846 });
    expect(countedSeries({ type: 'letter', title: 'Other', series: 'Letter from Cajamarca' })).toEqual({ series: 'Letter from Cajamarca', part: 1 });
    expect(countedSeries({ type: 'news', title: 'Letter from Cajamarca (846): x' })).toBeUndefined();
  });

  it('numbers the next letter after a series written only in titles', () => {
    const arts = [titled('a', 'Letter from Cajamarca (845): x'), titled('b', 'Letter from Cajamarca (846): y'), titled('c', 'Letter from Puno')];
    expect(next('Cajamarca', arts)).toEqual({ series: 'Letter from Cajamarca', part: 847 });
    expect(next('Puno', arts)).toEqual({ series: 'Letter from Puno', part: 2 });
  });
});

describe('the shape of a series', () => {
  const m = (part: number, date: string): SeriesMember => ({ path: `p${part}`, title: '', series: 'Letter from Puno', part, date });

  it('names the missing parts from the parts present, whatever their size', () => {
    expect(missingParts([1, 4, 2])).toEqual({ missing: [3], count: 1, highest: 4 });
    expect(missingParts([1, 2, 3])).toEqual({ missing: [], count: 0, highest: 3 });
    const started = Date.now();
    expect(missingParts([1, 4_294_967_296])).toEqual({ missing: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11], count: 4_294_967_294, highest: 4_294_967_296 });
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('finds a part dated before an earlier part', () => {
    expect(outOfOrder([m(1, '2019-04-02'), m(2, '2019-04-20'), m(3, '2019-03-01')])).toEqual([
      { member: m(3, '2019-03-01'), before: m(2, '2019-04-20') },
    ]);
    expect(outOfOrder([m(1, '2019-04-02'), m(2, '2019-04-02'), m(3, '2019-05-01')])).toEqual([]);
  });

  it('tells names one edit apart', () => {
    expect(oneEditApart('letter from cajamrca', 'letter from cajamarca')).toBe(true);
    expect(oneEditApart('cajamraca', 'cajamarca')).toBe(true); // swapped neighbours
    expect(oneEditApart('cajamarco', 'cajamarca')).toBe(true);
    expect(oneEditApart('cajamarca', 'cajamarca')).toBe(false);
    expect(oneEditApart('cajamrcaa', 'cajamarca')).toBe(false);
    expect(oneEditApart('puno', 'cusco')).toBe(false);
  });
});
