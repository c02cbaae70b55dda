import { describe, expect, it } from '@jest/globals';
import { Chalk } from 'chalk';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { csvText, inertCell, listCsv } from '../../../src/render/list/csv.js';
import { articleRecord } from '../../../src/render/list/record.js';
import { listJson } from '../../../src/render/list/json.js';
import { listNdjson } from '../../../src/render/list/ndjson.js';
import { listPaths } from '../../../src/render/list/paths.js';
import { RECORD_FIELDS } from '../../../src/render/list/record.js';
import type { ListView } from '../../../src/render/list/view.js';
import { row, sampleRows } from '../../helpers/list-rows.js';

const paint = new Chalk({ level: 0 });
const rows = sampleRows();
const view: ListView = { rows };
const grouped: ListView = { rows, by: 'region', groups: [{ key: 'Puno', rows: [rows[0]!] }, { key: null, rows: [rows[2]!, rows[3]!] }] };

// Values a hand-rolled CSV writer gets wrong: commas, quotes, line breaks, accents, a leading space.
const tricky = row({
  title: 'Letter from Cajamarca (2): "rondas", campesinas',
  date: { date: '2019-03-23', time: '10:00:00', offset: '-05:00' },
  summary: 'Line one, with a comma\r\nLine "two"\nLine three ',
  regions: ['Cajamarca'],
  places: ['Hualgayoc', 'Bambamarca, centre'],
  tags: ['rondas-campesinas', 'mining'],
  author: 'José Pérez',
  sources: [{ title: 'Servindi', url: 'https://www.servindi.org/a?b=1,2' }],
  draft: true,
});

describe('json', () => {
  it('is an array of records with the stable field names, dates as YYYY-MM-DD', () => {
    const data = JSON.parse(listJson(view, {}, paint));
    expect(data).toHaveLength(4);
    for (const record of data) expect(Object.keys(record)).toEqual([...RECORD_FIELDS]);
    expect(data[0]).toMatchObject({
      path: 'articles/2019/letter-from-puno.md',
      title: 'Letter from Puno: Using the law to protect community rights',
      type: 'letter',
      date: '2019-04-01',
      time: null,
      regions: ['Puno', 'Moquegua'],
      places: ['Jatucachi'],
      series: 'Letter from Puno',
      part: 1,
      draft: false,
      author: null,
    });
    expect(data[1]).toMatchObject({ date: '2019-03-18', time: '12:00:00' });
    expect(data[3]).toMatchObject({ type: 'page', date: null, order: 1 });
  });

  it('with --by is an array of {group, count, articles}, null for the national group', () => {
    const data = JSON.parse(listJson(grouped, {}, paint));
    expect(data.map((g: { group: string | null; count: number }) => [g.group, g.count])).toEqual([
      ['Puno', 1],
      [null, 2],
    ]);
    expect(data[1].articles[1].title).toBe('PSG Aims');
  });

  it('prints [] for nothing', () => {
    expect(listJson({ rows: [] }, {}, paint)).toBe('[]\n');
  });
});

describe('ndjson', () => {
  it('is one whole object a line', () => {
    const out = listNdjson({ rows: [...rows, tricky] }, {}, paint);
    const lines = out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => JSON.parse(l).title)).toEqual([...rows, tricky].map((r) => r.article.title));
    expect(JSON.parse(lines[4]!).summary).toBe(tricky.article.summary);
  });

  it('with --by puts the group first on each line', () => {
    const lines = listNdjson(grouped, {}, paint).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.group)).toEqual(['Puno', null, null]);
    expect(Object.keys(lines[0])[0]).toBe('group');
  });
});

describe('csv', () => {
  it('round-trips through a real CSV parser, tricky values included', () => {
    const out = listCsv({ rows: [...rows, tricky] }, {}, paint);
    const records = parse(out, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(5);
    expect(Object.keys(records[0]!)).toEqual([...RECORD_FIELDS]);
    const last = records[4]!;
    expect(last.title).toBe(tricky.article.title);
    expect(last.summary).toBe(tricky.article.summary);
    expect(last.places).toBe('Hualgayoc; Bambamarca, centre');
    expect(last.author).toBe('José Pérez');
    expect(last).toMatchObject({ date: '2019-03-23', time: '10:00:00', offset: '-05:00', draft: 'true', sources: 'https://www.servindi.org/a?b=1,2' });
    expect(records[0]).toMatchObject({ date: '2019-04-01', time: '', draft: 'false', part: '1', regions: 'Puno; Moquegua' });
    expect(records[3]).toMatchObject({ type: 'page', date: '', order: '1' });
  });

  it('ends records with CRLF and quotes only where RFC 4180 needs it', () => {
    const out = listCsv({ rows: [rows[3]!] }, {}, paint);
    expect(out).toBe(
      `${RECORD_FIELDS.join(',')}\r\narticles/2019/psg-aims.md,psg-aims,PSG Aims,page,,,,,,psg,,,,false,A summary.,1,\r\n`,
    );
  });

  it('with --by adds a group column, empty for the national group', () => {
    const records = parse(listCsv(grouped, {}, paint), { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.group)).toEqual(['Puno', '', '']);
  });

  it('is a header alone for nothing', () => {
    expect(listCsv({ rows: [] }, {}, paint)).toBe(`${RECORD_FIELDS.join(',')}\r\n`);
  });

  it('writes the same bytes as csv-stringify, and slices joined are the whole', () => {
    const odd = ['', ' ', 'a,b', '"', 'say "hi"', 'a\rb', 'a\nb', 'a\r\nb', '=1+1', '-2', '@x', '\tx', 'ñandú — “x”', '秘鲁', ',', 'a;b'];
    const all = [...rows, tricky, ...odd.map((text, i) => row({ title: text, summary: text, slug: `odd-${i}`, author: text, tags: [text], places: [text], sources: [{ title: text, url: text }] }))];
    const items = all.map((r, i) => ({ group: i % 3 === 0 ? null : (odd[i % odd.length] ?? 'Puno'), record: articleRecord(r) }));
    // What csv-stringify writes with the options psg used with it.
    const oracle = (grouped: boolean) => {
      const flat = items.map(({ group, record }) => {
        const cells: Record<string, string | number | boolean | null> = {};
        for (const field of RECORD_FIELDS) {
          const value = record[field];
          if (field === 'sources') cells[field] = inertCell(record.sources.map((x) => x.url).join(' '));
          else if (Array.isArray(value)) cells[field] = inertCell(value.join('; '));
          else cells[field] = typeof value === 'string' && field !== 'offset' ? inertCell(value) : (value as string | number | boolean | null);
        }
        return grouped ? { group: group === null ? null : inertCell(group), ...cells } : cells;
      });
      return stringify(flat, { header: true, columns: [...(grouped ? ['group'] : []), ...RECORD_FIELDS], record_delimiter: 'windows', cast: { boolean: (v) => (v ? 'true' : 'false') }, quoted_match: /[\r\n]/ });
    };
    for (const grouped of [false, true]) {
      expect(csvText(items, grouped, true)).toBe(oracle(grouped));
      const sliced = [csvText(items.slice(0, 5), grouped, true), csvText(items.slice(5, 9), grouped, false), csvText(items.slice(9), grouped, false)].join('');
      expect(sliced).toBe(oracle(grouped));
    }
  });
});

describe('paths', () => {
  it('is one path a line', () => {
    expect(listPaths({ rows: rows.slice(0, 2) }, {}, paint)).toBe('articles/2019/letter-from-puno.md\narticles/2019/espinar.md\n');
  });
});
