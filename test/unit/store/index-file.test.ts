import { afterAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { type RowData, readIndex, readIndexNames, writeIndex } from '../../../src/store/index-file.js';
import { readIndexPaths } from '../../../src/store/index-paths.js';
import { packRows, unpackRows } from '../../../src/store/index-rows.js';
import { cleanup, testdir } from '../../helpers/testdir.js';

afterAll(cleanup);

const OLD = Date.parse('2020-01-01T00:00:00Z');

function row(i: number, extra: Partial<RowData> = {}): RowData {
  const path = `2019/${String(i).padStart(5, '0')}-ñandú.md`;
  return {
    path,
    size: 100 + i,
    mtimeMs: OLD + i,
    ctimeMs: OLD + i + 0.5,
    type: 'news',
    draft: i % 7 === 0,
    dateKey: `2019-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00`,
    title: `Título ${i} — “quoted”`,
    record: `{"path":"${path}","n":${i},"pad":"${'x'.repeat(i % 50)}"}`,
    ...extra,
  };
}

describe('the index file', () => {
  it('gives back what was written, records streamed newest first, reversed, or picked', () => {
    const dir = testdir();
    const file = join(dir, 'index');
    const rows = Array.from({ length: 3000 }, (_, i) => row(i));
    rows.push({ path: 'broken.md', size: 5, mtimeMs: OLD, ctimeMs: OLD, draft: false, dateKey: '', title: '' });
    const newest = rows.map((_, i) => i).reverse();
    writeIndex(file, '/root', '1.0.0', rows, newest, Date.now());
    const index = readIndex(file, '/root', '1.0.0')!;
    expect(index.count).toBe(3001);
    expect(index.paths).toEqual(rows.map((r) => r.path));
    expect(index.joinedPaths).toBe(rows.map((r) => r.path).join('\0'));
    expect([...index.order]).toEqual(newest);
    expect(index.title(5)).toBe(rows[5]!.title);
    expect(index.type(3000)).toBeUndefined();
    expect(index.draft(7)).toBe(true);

    const readable = newest.filter((i) => rows[i]!.record);
    const stream = (order: number[]) => {
      const got: string[] = [];
      index.eachRecord(order, (bytes) => got.push(Buffer.from(bytes!).toString('utf8')));
      return got;
    };
    expect(stream(readable)).toEqual(readable.map((i) => rows[i]!.record));
    const back = [...readable].reverse();
    expect(stream(back)).toEqual(back.map((i) => rows[i]!.record));
    const some = [2999, 1500, 1499, 3, 2000, 0];
    expect(stream(some)).toEqual(some.map((i) => rows[i]!.record));
  });

  it('reads titles one at a time, and keeps a title that holds a NUL', () => {
    const dir = testdir();
    const file = join(dir, 'index');
    const rows = Array.from({ length: 50 }, (_, i) => row(i));
    writeIndex(file, '/root', '1.0.0', rows, rows.map((_, i) => i), Date.now());
    const index = readIndex(file, '/root', '1.0.0')!;
    expect([0, 17, 49].map((i) => index.title(i))).toEqual([0, 17, 49].map((i) => rows[i]!.title));
    expect(index.title(50)).toBe('');
    expect(index.allTitles()).toEqual(rows.map((r) => r.title));
    rows[3] = row(3, { title: 'Nul\0inside' });
    writeIndex(file, '/root', '1.0.0', rows, rows.map((_, i) => i), Date.now());
    const again = readIndex(file, '/root', '1.0.0')!;
    expect(again.title(3)).toBe('Nul\0inside');
    expect(again.title(4)).toBe(rows[4]!.title);
  });

  it('keeps paths, titles and slugs stored as they are, a newline in one included, and hands a stat thread the same paths', () => {
    const dir = testdir();
    const file = join(dir, 'index');
    const rows = [row(0, { title: 'Two\nlines — “quoted”' }), row(1, { path: '2019/line\nbreak-año.md', keys: { slug: 'line\nbreak-año', regions: [], provinces: [], tags: [], places: [] } }), row(2, { path: '2019/\u{1F600}-quote"back\\slash.md' })];
    writeIndex(file, '/root', '1.0.0', rows, [2, 1, 0], Date.now());
    const index = readIndex(file, '/root', '1.0.0')!;
    expect(index.paths).toEqual(rows.map((r) => r.path));
    expect(index.slug(1)).toBe('line\nbreak-año');
    expect(index.title(0)).toBe('Two\nlines — “quoted”');
    expect(index.title(2)).toBe(rows[2]!.title);
    expect(index.rawPaths!.toString('utf8')).toBe(index.joinedPaths);
    const found = readIndexPaths(file)!;
    expect(found.id).toBe(index.indexId);
    expect(found.count).toBe(3);
    expect(found.bytes.toString('utf8')).toBe(index.joinedPaths);
    const names = readIndexNames(file, '/root', '1.0.0')!;
    expect(names.slugs.split('\0')).toEqual(rows.map((_, i) => index.slug(i)));
    expect(names.paths()).toBe(index.joinedPaths);
    // A header that says the paths are longer than they are is a damaged index.
    const bytes = readFileSync(file);
    const at = bytes.indexOf('"pathsBytes":') + '"pathsBytes":'.length;
    bytes[at] = bytes[at] === 0x39 ? 0x38 : bytes[at]! + 1;
    writeFileSync(file, bytes);
    expect(readIndex(file, '/root', '1.0.0')).toBeUndefined();
    expect(readIndexNames(file, '/root', '1.0.0')).toBeUndefined();
  });

  it('streams a record larger than its reading window', () => {
    const dir = testdir();
    const file = join(dir, 'index');
    const big = `{"path":"big.md","body":"${'é'.repeat(1_500_000)}"}`;
    const rows = [row(1), row(2, { path: 'big.md', record: big }), row(3)];
    writeIndex(file, '/root', '1.0.0', rows, [2, 1, 0], Date.now());
    const index = readIndex(file, '/root', '1.0.0')!;
    const got: string[] = [];
    index.eachRecord([2, 1, 0], (bytes) => got.push(Buffer.from(bytes!).toString('utf8')));
    expect(got).toEqual([rows[2]!.record, big, rows[0]!.record]);
  });

  it('leaves out files changed within two seconds of the run, and is refused when damaged', () => {
    const dir = testdir();
    const file = join(dir, 'index');
    const now = Date.now();
    const rows = [row(1), row(2, { mtimeMs: now - 500 })];
    writeIndex(file, '/root', '1.0.0', rows, [1, 0], now);
    expect(readIndex(file, '/root', '1.0.0')!.paths).toEqual([rows[0]!.path]);
    expect(readIndex(file, '/root', '2.0.0')).toBeUndefined();
    expect(readIndex(file, '/other', '1.0.0')).toBeUndefined();
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 3));
    expect(readIndex(file, '/root', '1.0.0')).toBeUndefined();
  });
});

describe('rows packed to cross between threads', () => {
  it('come back as they were', () => {
    const rows = [row(1), row(2, { type: 'page', order: 2.5, draft: true }), { path: 'bad.md', size: 1, mtimeMs: 2, ctimeMs: 3, draft: false, dateKey: '', title: '' }, row(4, { type: 'letter' })];
    // As indexRows leaves them: every record in one buffer, in row order.
    const all = Buffer.from(rows.map((r) => r.record ?? '').join(''));
    let at = 0;
    const asBytes = rows.map((r) => {
      if (r.record === undefined) return r;
      const n = Buffer.byteLength(r.record as string);
      const out = { ...r, record: all.subarray(at, at + n) };
      at += n;
      return out;
    });
    const back = unpackRows(packRows(asBytes).packed);
    expect(back.map((r) => ({ ...r, record: r.record && Buffer.from(r.record).toString() }))).toEqual(rows);
  });
});
