import { describe, expect, it } from '@jest/globals';
import { renderJson } from '../../../src/render/digest/json.js';
import { art, digestOf } from '../../helpers/digest.js';

describe('renderJson', () => {
  it('holds the heading, the period and every field of each article, absent ones as null', () => {
    const letter = art({
      title: 'Letter from Cajamarca (2)',
      type: 'letter',
      date: '2019-03-23T10:00:00',
      regions: ['Cajamarca'],
      places: ['Hualgayoc'],
      tags: ['mining'],
      series: 'Letter from Cajamarca',
      part: 2,
      sources: [{ title: 'Source', url: 'https://example.org/s' }],
    });
    const page = art({ title: 'PSG Aims', order: 1 });
    const doc = JSON.parse(renderJson(digestOf([letter, page], { siteUrl: 'https://example.org' }, { from: '2019-03-23', to: '2019-03-23' })));
    expect(doc.title).toBe('Peru Support Group news digest');
    expect(doc.lang).toBe('en');
    expect(doc.period).toEqual({ from: '2019-03-23', to: '2019-03-23', text: '23 March 2019' });
    expect(doc.count).toBe(2);
    expect(doc.articles[0]).toEqual({
      path: letter.path,
      slug: letter.slug,
      title: 'Letter from Cajamarca (2)',
      type: 'letter',
      date: '2019-03-23T10:00:00',
      dateText: '23 March 2019',
      summary: 'A summary.',
      regions: ['Cajamarca'],
      places: ['Hualgayoc'],
      tags: ['mining'],
      author: null,
      series: 'Letter from Cajamarca',
      part: 2,
      sources: [{ title: 'Source', url: 'https://example.org/s' }],
      draft: false,
      order: null,
      link: `https://example.org/${letter.path.replace(/\.md$/, '')}`,
    });
    expect(doc.articles[1]).toMatchObject({ title: 'PSG Aims', type: 'page', date: null, dateText: null, order: 1 });
  });

  it('writes a date with its offset as given', () => {
    const doc = JSON.parse(renderJson(digestOf([art({ date: '2019-03-23T09:30-05:00' })])));
    expect(doc.articles[0].date).toBe('2019-03-23T09:30:00-05:00');
  });
});
