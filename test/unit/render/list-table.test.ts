import { describe, expect, it } from '@jest/globals';
import { Chalk } from 'chalk';
import { listGrouped } from '../../../src/render/list/grouped.js';
import { listTable, rowCells, type TableCells, writeTable } from '../../../src/render/list/table.js';
import type { ListView } from '../../../src/render/list/view.js';
import { allSimple, cleanCell, type Column, cutToWidth, displayWidth, fitColumns, formatRow, stripAnsi } from '../../../src/ui/table.js';
import { row, sampleRows, type TestRow } from '../../helpers/list-rows.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

describe('display width', () => {
  it.each([
    ['Espinar', 7],
    ['Jirón', 5], // precomposed ó
    ['Jiro\u0301n', 5], // o + combining accent
    ['Cooperacción', 12],
    ['秘鲁人权', 8], // CJK: two columns each
    ['ＰＳＧ', 6], // fullwidth Latin
    ['🇵🇪 Perú', 7], // a flag is two columns
    ['👍🏽', 2], // emoji with a skin tone: one cluster
    ['\u001b[32mCusco\u001b[39m', 5], // escape codes take no room
    ['a\u200bb', 2], // zero-width space
  ])('%j takes %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('cuts to a width with an ellipsis and never splits a character', () => {
    expect(cutToWidth('Cooperacción en Espinar', 13)).toBe('Cooperacción…');
    expect(cutToWidth('Jiro\u0301n Lima', 5)).toBe('Jiro\u0301…');
    expect(cutToWidth('秘鲁人权', 5)).toBe('秘鲁…');
    expect(cutToWidth('秘鲁人权', 4)).toBe('秘…');
    expect(cutToWidth('short', 10)).toBe('short');
    expect(cutToWidth('short', 5)).toBe('short');
  });

  it('drops spaces before the ellipsis', () => {
    expect(cutToWidth('Letter from Puno', 8)).toBe('Letter…');
  });

  it('makes control characters in a cell spaces, so a title cannot move the cursor', () => {
    expect(cleanCell('a\nb\u001b[2Jc\td')).toBe('a b [2Jc d');
  });
});

describe('fitting columns', () => {
  const columns: Column<string[]>[] = [
    { header: 'A', text: (r) => r[0]! },
    { header: 'B', text: (r) => r[1]!, squeeze: 2, min: 4 },
    { header: 'C', text: (r) => r[2]!, squeeze: 1, min: 6 },
  ];
  const rows = [['aaaa', 'bbbbbbbb', 'cccccccccccccccccccc']];

  it('keeps natural widths when piped or when they fit', () => {
    expect(fitColumns(columns, rows)).toEqual([4, 8, 20]);
    expect(fitColumns(columns, rows, 100)).toEqual([4, 8, 20]);
  });

  it('squeezes the first column in squeeze order down to its min before the next', () => {
    expect(fitColumns(columns, rows, 30)).toEqual([4, 8, 14]);
    expect(fitColumns(columns, rows, 20)).toEqual([4, 6, 6]);
  });

  it('on a very narrow terminal squeezes everything rather than wrap', () => {
    for (const width of [9, 10, 12, 15]) {
      const widths = fitColumns(columns, rows, width);
      expect(displayWidth(formatRow(columns, widths, rows[0]!))).toBeLessThanOrEqual(width);
    }
  });
});

describe('list table', () => {
  const view: ListView<TestRow> = { rows: sampleRows() };

  it('piped: a header and whole rows, plain', () => {
    const out = listTable(view, {}, plain);
    expect(lines(out)).toEqual([
      'DATE        TYPE    REGIONS         TITLE',
      '2019-04-01  letter  Puno, Moquegua  Letter from Puno: Using the law to protect community rights',
      '2019-03-18  news    Cusco           Espinar: continuing problems with mine developments',
      '2019-03-23  news    —               Tuesta commission publishes recommendations for political reform',
      '—           page    —               PSG Aims',
    ]);
  });

  it('on a 60-column terminal cuts only titles, with …, and no line is wider', () => {
    const out = lines(listTable(view, { width: 60 }, colour));
    for (const line of out) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    const text = out.map(stripAnsi);
    // A letter cut to fit drops "Letter from ", which TYPE says already.
    expect(text[1]).toBe('2019-04-01  letter  Puno, Moquegua  Puno: Using the law to…');
    expect(text[4]).toBe('—           page    —               PSG Aims');
  });

  it('fits titles with accents and wide characters by their display width', () => {
    const wide = { rows: [row({ title: '秘鲁：人权与采矿冲突的最新报道和分析', date: { date: '2019-03-01' } }), row({ title: 'Cooperacción: la minería en Espinar y Chumbivilcas', date: { date: '2019-03-02' } })] };
    for (const width of [40, 41, 50]) {
      for (const line of lines(listTable(wide, { width }, plain))) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    }
  });

  it('shortens a long regions list to the first and a count when the terminal is narrow, never wrapping', () => {
    const many = { rows: [row({ title: 'Protests across the south', date: { date: '2019-03-01' } }, ['Apurímac', 'Arequipa', 'Cusco', 'Moquegua', 'Puno', 'Tacna'])] };
    const out = lines(listTable(many, { width: 60 }, plain));
    for (const line of out) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(out[1]).toMatch(/^2019-03-01 {2}news {2}Apurímac \+5 +Protests/);
  });

  it('colours only when given a colouring paint', () => {
    expect(listTable(view, {}, plain)).not.toContain('\u001b');
    expect(listTable(view, {}, colour)).toContain('\u001b[35mletter');
  });

  it('marks drafts at the start of the title', () => {
    const out = listTable({ rows: [row({ title: 'Work in progress', draft: true, date: { date: '2019-05-01' } })] }, {}, plain);
    expect(lines(out)[1]).toMatch(/\[draft\] Work in progress$/);
  });

  it('prints nothing for no rows', () => {
    expect(listTable({ rows: [] }, {}, plain)).toBe('');
  });

  it('piped, shows a control character in a title, keeps a wide title whole, and pads by display width', () => {
    const odd = { rows: [row({ title: 'Bell\u0007 and\ttab', date: { date: '2019-03-01' } }, ['Junín']), row({ title: '秘鲁人权', date: { date: '2019-03-02' } }, ['Apurímac', 'Cusco'])] };
    expect(lines(listTable(odd, {}, plain))).toEqual([
      'DATE        TYPE  REGIONS          TITLE',
      '2019-03-01  news  Junín            Bell\u2407 and\u2409tab',
      '2019-03-02  news  Apurímac, Cusco  秘鲁人权',
    ]);
  });

  it('gives the same table when the store says its titles were tested whole', () => {
    const rows = [...sampleRows(), row({ title: 'Work in progress', draft: true, date: { date: '2019-05-01' } })];
    const joined = rows.map((r) => r.title).join('\0');
    expect(allSimple(joined)).toBe(true);
    const tested: TableCells<TestRow> = { ...rowCells, simpleTitles: () => allSimple(joined) };
    for (const options of [{}, { width: 60 }]) {
      for (const paint of [plain, colour]) {
        const a: string[] = [];
        const b: string[] = [];
        writeTable({ rows }, rowCells, options, paint, (t) => a.push(t));
        writeTable({ rows }, tested, options, paint, (t) => b.push(t));
        expect(b.join('')).toBe(a.join(''));
      }
    }
  });

  it('tests a column of titles whole: any control character or wide character and it is not simple', () => {
    expect(allSimple('Letter from Puno\0Cooperacción — “consulta previa”…')).toBe(true);
    expect(allSimple('')).toBe(true);
    expect(allSimple('a\0b\u001b[2Jc')).toBe(false);
    expect(allSimple('a\0秘鲁')).toBe(false);
    expect(allSimple('a\0b\u202ec')).toBe(false);
    expect(allSimple('a\0b\u0085')).toBe(false);
  });
});

describe('grouped table', () => {
  const rows = sampleRows();
  const view: ListView<TestRow> = {
    rows,
    by: 'region',
    groups: [
      { key: 'Cusco', rows: [rows[1]!] },
      { key: 'Puno', rows: [rows[0]!] },
      { key: null, rows: [rows[2]!, rows[3]!] },
    ],
  };

  it('heads each group with its count, national items under their own heading', () => {
    const out = listGrouped(view, {}, plain);
    expect(out).toContain('\nCusco (1)\n  2019-03-18  news    Cusco           Espinar');
    expect(out).toContain('\nNational, no region (2)\n  2019-03-23  news    —               Tuesta');
  });

  it.each([
    ['month', '2019-03', 'March 2019'],
    ['month', null, 'Undated pages'],
    ['type', 'letter', 'Letters'],
    ['tag', 'mining', 'mining'],
    ['tag', null, 'No tags'],
  ] as const)('by %s names the group %j "%s"', (by, key, label) => {
    const out = listGrouped({ rows, by, groups: [{ key, rows: [rows[0]!] }] }, {}, plain);
    expect(out).toContain(`\n${label} (1)\n`);
  });

  it('fits a narrow terminal, indent included', () => {
    for (const line of lines(listGrouped(view, { width: 50 }, colour))) expect(displayWidth(line)).toBeLessThanOrEqual(50);
  });
});
