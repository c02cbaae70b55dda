import { describe, expect, it } from '@jest/globals';
import { Chalk } from 'chalk';
import { statsRows } from '../../../src/commands/stats.js';
import type { Article } from '../../../src/core/article.js';
import { Gazetteer } from '../../../src/core/gazetteer.js';
import { loadGazetteerData } from '../../../src/data.js';
import { statsChart, statsJson, statsPlain, type StatsReport } from '../../../src/render/stats.js';
import { barEighths, barText, renderBars } from '../../../src/ui/bars.js';

const gazetteer = new Gazetteer(loadGazetteerData());
const plain = new Chalk({ level: 0 });

function art(fields: Partial<Article>): Article {
  return { path: 'x.md', slug: 'x', title: 'X', type: 'news', summary: '', regions: [], places: [], tags: [], sources: [], draft: false, ...fields };
}

/** The length of a drawn bar in eighths of a cell. */
function eighthsOf(line: string): number {
  const bar = /[█▏▎▍▌▋▊▉]+$/.exec(line)?.[0] ?? '';
  return [...bar].reduce((n, c) => n + (c === '█' ? 8 : '▏▎▍▌▋▊▉'.indexOf(c) + 1), 0);
}

describe('bars', () => {
  it('draws eighths of a cell', () => {
    expect(barText(0)).toBe('');
    expect(barText(1)).toBe('▏');
    expect(barText(8)).toBe('█');
    expect(barText(20)).toBe('██▌');
  });

  it('gives any count above zero at least a sliver, and zero nothing', () => {
    expect(barEighths(1, 100_000, 40)).toBe(1);
    expect(barEighths(0, 10, 40)).toBe(0);
    expect(barEighths(10, 10, 40)).toBe(320);
  });

  it('aligns labels and counts, and fills the width with the largest bar', () => {
    const text = renderBars(
      [
        { label: 'Cajamarca', count: 12 },
        { label: 'Madre de Dios', count: 3 },
        { label: 'Junín', count: 120 },
      ],
      60,
      plain,
    );
    const lines = text.trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, 19))).toEqual(['Cajamarca       12 ', 'Madre de Dios    3 ', 'Junín          120 ']);
    // The longest line is one cell short of the width: no terminal wraps it.
    expect(Math.max(...lines.map((l) => [...l].length))).toBe(59);
    const [a, b, c] = lines.map(eighthsOf);
    expect(Math.abs(a! / c! - 12 / 120)).toBeLessThan(1 / c!);
    expect(Math.abs(b! / c! - 3 / 120)).toBeLessThan(1 / c!);
  });

  it('cuts a long label with an ellipsis rather than squeeze the bars out', () => {
    const text = renderBars([{ label: 'a'.repeat(100), count: 1 }], 40, plain);
    expect(text).toMatch(/^a{15}… {2}1 █+\n$/);
    expect([...text.trimEnd()].length).toBe(39);
  });
});

describe('statsRows', () => {
  const articles = [
    art({ regions: ['Cusco'], tags: ['mining'], date: { date: '2019-01-05' } }),
    art({ regions: ['Puno'], places: ['Espinar'], tags: ['mining', 'water'], date: { date: '2019-04-01' } }),
    art({ regions: ['Puno'], date: { date: '2018-11-30' } }),
    art({ type: 'page', tags: ['psg'] }),
  ];

  it('puts the most counted regions first, standing pages apart, the articles with none last', () => {
    expect(statsRows(articles, 'region', gazetteer).map((r) => [r.label, r.count])).toEqual([
      ['Cusco', 2],
      ['Puno', 2],
      ['(standing pages)', 1],
    ]);
    // A page is not national news: only a dated item with no region counts as "no region".
    const national = [...articles, art({ date: { date: '2019-02-01' } })];
    expect(statsRows(national, 'region', gazetteer).map((r) => [r.key, r.label, r.count])).toEqual([
      ['Cusco', 'Cusco', 2],
      ['Puno', 'Puno', 2],
      ['page', '(standing pages)', 1],
      [null, '(no region)', 1],
    ]);
  });

  it('lists months in time order with the quiet ones as zero', () => {
    expect(statsRows(articles, 'month', gazetteer).map((r) => `${r.label}=${r.count}`)).toEqual([
      '2018-11=1',
      '2018-12=0',
      '2019-01=1',
      '2019-02=0',
      '2019-03=0',
      '2019-04=1',
      '(undated)=1',
    ]);
  });

  it('counts types in their own order and tags by count', () => {
    expect(statsRows(articles, 'type', gazetteer).map((r) => r.key)).toEqual(['news', 'page']);
    expect(statsRows(articles, 'tag', gazetteer).map((r) => r.key)).toEqual(['mining', 'psg', 'water', null]);
    expect(statsRows(articles, 'year', gazetteer).map((r) => r.key)).toEqual(['2018', '2019', null]);
  });
});

describe('stats output', () => {
  const report: StatsReport = {
    by: 'region',
    articles: 3,
    rows: [
      { key: 'Cajamarca', label: 'Cajamarca', count: 2 },
      { key: null, label: '(no region)', count: 1 },
    ],
  };

  it('pipes as label<TAB>count lines', () => {
    expect(statsPlain(report)).toBe('Cajamarca\t2\n(no region)\t1\n');
  });

  it('writes JSON with a null key for the articles with none', () => {
    expect(JSON.parse(statsJson(report))).toEqual({ by: 'region', articles: 3, groups: [{ key: 'Cajamarca', count: 2 }, { key: null, count: 1 }] });
  });

  it('charts on a terminal, colouring the bars only when asked', () => {
    expect(statsChart(report, 40, plain)).not.toContain('\u001b[');
    expect(statsChart(report, 40, new Chalk({ level: 1 }))).toContain('\u001b[36m████');
  });
});
