import { describe, expect, it } from '@jest/globals';
import { canonicalRegions, toArticle } from '../../../src/core/normalise.js';
import { coreContext } from '../../helpers/core.js';

const ctx = coreContext();
const read = (fields: Record<string, unknown>, path = '2019/2019-03-18-espinar.md') => toArticle(path, new Map(Object.entries(fields)), ctx);
const base = { title: 'Espinar', type: 'news', date: '2019-03-18', summary: 'Mines.' };

describe('toArticle', () => {
  it('reads a full article into canonical values', () => {
    const article = read({
      ...base,
      date: '2019-03-18T12:00:00',
      regions: ['cuzco', 'Junin', 'Cusco'],
      places: ['Espinar'],
      tags: ['mining'],
      author: ' PSG ',
      series: 'Letter from Cusco',
      part: 2,
      sources: [{ title: 'A', url: 'https://a.example/' }, { url: 'javascript:alert(1)' }, 'x'],
      draft: true,
    });
    expect(article).toEqual({
      path: '2019/2019-03-18-espinar.md',
      slug: 'espinar',
      title: 'Espinar',
      type: 'news',
      date: { date: '2019-03-18', time: '12:00:00' },
      summary: 'Mines.',
      regions: ['Cusco', 'Junín'],
      places: ['Espinar'],
      tags: ['mining'],
      author: 'PSG',
      series: 'Letter from Cusco',
      part: 2,
      sources: [{ title: 'A', url: 'https://a.example/' }],
      draft: true,
    });
  });

  it('is lenient: unknown regions kept as written, a string read as a list, bad values dropped', () => {
    const article = read({ ...base, regions: 'Puno, Cuzko', tags: 'mining', places: [1, { a: 1 }, 'Ilave'], draft: 'yes' });
    expect(article).toMatchObject({ regions: ['Puno', 'Cuzko'], tags: ['mining'], places: ['1', 'Ilave'], draft: false });
  });

  it('keeps a summary as written, but for its final newline', () => {
    expect(read({ ...base, summary: 'Line one\nline two.\n\n' })?.summary).toBe('Line one\nline two.');
  });

  it('reads numbers where text belongs as text', () => {
    expect(read({ ...base, title: 1984, author: 2019 })).toMatchObject({ title: '1984', author: '2019' });
  });

  it('gives nothing when title, type or (for dated types) date is unusable', () => {
    expect(read({ ...base, title: '  ' })).toBeUndefined();
    expect(read({ ...base, title: ['a'] })).toBeUndefined();
    expect(read({ ...base, type: 'nws' })).toBeUndefined();
    expect(read({ ...base, date: undefined })).toBeUndefined();
    expect(read({ ...base, date: '2019-02-30' })).toBeUndefined();
  });

  it('reads pages without a date, ignoring one that is there', () => {
    expect(read({ ...base, type: 'page', date: undefined, order: 3 }, 'pages/about.md')).toMatchObject({ slug: 'about', order: 3 });
    expect(read({ ...base, type: 'page', date: 'not a date' }, 'pages/about.md')?.date).toBeUndefined();
  });

  it('keeps part and order only when they are whole numbers from 1 up', () => {
    for (const bad of [0, -1, 1.5, '2', null]) {
      const article = read({ ...base, series: 'S', part: bad, order: bad });
      expect(article?.part).toBeUndefined();
      expect(article?.order).toBeUndefined();
    }
  });

  it('never reads a field from the prototype', () => {
    const data = new Map<string, unknown>(Object.entries({ ...base, sources: [JSON.parse('{"__proto__": {"url": "https://evil.example/"}}')] }));
    expect(toArticle('a.md', data, ctx)?.sources).toEqual([]);
  });
});

describe('canonicalRegions', () => {
  it('writes regions as the gazetteer does, provinces as their region, once each', () => {
    expect(canonicalRegions(['cuzco', 'Espinar', 'Lima Metropolitana', 'Región Puno', 'Nowhere'], ctx)).toEqual(['Cusco', 'Lima', 'Puno', 'Nowhere']);
  });
});
