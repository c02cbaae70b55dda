// The index's columns with rows dropped and added give exactly the columns (and the order)
// that building them afresh from the same rows gives.
import { describe, expect, it } from '@jest/globals';
import { compareSortKeys } from '../../../src/core/query.js';
import { Columns, type RowData } from '../../../src/store/columns.js';
import { spliceColumns } from '../../../src/store/columns-splice.js';

const REGIONS = ['Puno', 'Cusco', 'Junín', 'Lima'];
const TAGS = ['mining', 'water', 'consulta-previa'];

function row(i: number, variant = '', samePath = false): RowData {
  const type = i % 11 === 0 ? 'page' : i % 3 === 0 ? 'letter' : 'news';
  const r: RowData = {
    path: `${2000 + (i % 20)}/${String(i).padStart(5, '0')}${samePath ? '' : variant}.md`,
    size: 100 + i,
    mtimeMs: 1e12 + i,
    ctimeMs: 1e12 + i + 0.5,
    type,
    draft: i % 7 === 0,
    // Many rows share a date, so ties are broken by title and path.
    dateKey: type === 'page' ? '' : `20${String(10 + (i % 9)).padStart(2, '0')}-01-0${(i % 3) + 1}T00:00:00`,
    title: `Title ${i % 13}${variant}`,
    keys: {
      slug: `slug-${i}${variant}`,
      regions: REGIONS.slice(i % 3, (i % 3) + (i % 2) + 1),
      provinces: [],
      tags: [TAGS[i % 3]!, ...(variant ? [`new-tag${variant}`] : [])],
      places: i % 5 === 0 ? ['Espinar'] : [],
      ...(i % 4 === 0 ? { author: `Author ${i % 6}${variant}` } : {}),
      ...(type === 'letter' ? { series: `Letter from ${REGIONS[i % 4]}`, part: i } : {}),
    },
    record: `{"n":${i}}`,
  };
  if (type === 'page') r.order = i % 4;
  if (i % 17 === 0) {
    // A file that could not be read.
    delete r.type;
    delete r.keys;
    delete r.record;
    r.title = '';
    r.dateKey = '';
  }
  return r;
}

/** Everything the columns say of a row, by name. */
function described(cols: Columns, r: number) {
  return {
    path: cols.path(r),
    type: cols.type(r),
    draft: cols.draft(r),
    dateKey: cols.dateKey(r),
    title: cols.title(r),
    slug: cols.slug(r),
    regions: cols.regions(r),
    tags: cols.nameList(cols.tagIds(r)),
    places: cols.nameList(cols.placeIds(r)),
    author: cols.author(r),
    series: cols.seriesName(r),
    part: cols.part(r),
    order: cols.pageOrder(r),
    stamp: cols.stamp(r),
    recordLength: cols.recordLength(r),
  };
}

/** Rows as an index holds them: their columns, and their order newest first. */
function indexed(n: number): { base: RowData[]; baseCols: Columns; baseOrder: Int32Array } {
  const base = Array.from({ length: n }, (_, i) => row(i));
  return { base, baseCols: Columns.fromRows(base), baseOrder: Int32Array.from(base.map((_, i) => i).sort((a, b) => compareSortKeys(base[a]!, base[b]!))) };
}

describe('spliceColumns', () => {
  it('drops, keeps and adds rows as a fresh build of the same rows would', () => {
    const base = Array.from({ length: 400 }, (_, i) => row(i));
    const baseCols = Columns.fromRows(base);
    const baseOrder = Int32Array.from(
      base.map((_, i) => i).sort((a, b) => compareSortKeys(base[a]!, base[b]!)),
    );
    // Every fifth row changed (dropped, then read again as a new row), every ninth gone, some new.
    const drop = new Uint8Array(base.length);
    const fresh: RowData[] = [];
    base.forEach((_, i) => {
      if (i % 5 === 0) {
        drop[i] = 1;
        fresh.push(row(i, '-edited'));
      } else if (i % 9 === 0) drop[i] = 1;
    });
    for (let i = 400; i < 430; i++) fresh.push(row(i, '-new'));
    const { columns, baseRow, order } = spliceColumns(baseCols, baseOrder, drop, fresh);

    const all = [...base.filter((_, i) => !drop[i]), ...fresh];
    const expected = Columns.fromRows(all);
    expect(columns.count).toBe(all.length);
    for (let r = 0; r < all.length; r++) expect(described(columns, r)).toEqual(described(expected, r));
    expect([...baseRow]).toEqual([...base.map((_, i) => i).filter((i) => !drop[i]), ...fresh.map((_, f) => -(f + 1))]);
    const sorted = all.map((_, i) => i).sort((a, b) => compareSortKeys(all[a]!, all[b]!));
    expect([...order].map((r) => columns.path(r))).toEqual(sorted.map((r) => all[r]!.path));
  });

  it('keeps an edited file in its row, and the paths as the base’s own string', () => {
    const { base, baseCols, baseOrder } = indexed(400);
    // Every seventh file edited in place (its title, date, slug, tags and series may change), a few gone, a few new.
    const drop = new Uint8Array(base.length);
    const fresh: RowData[] = [];
    const all: RowData[] = [];
    const edited = (i: number) => ({ ...row(i + 1, '-edited'), path: base[i]!.path });
    base.forEach((r, i) => {
      if (i % 7 === 0) {
        drop[i] = 1;
        fresh.push(edited(i));
        all.push(edited(i));
      } else if (i % 50 === 3) drop[i] = 1;
      else all.push(r);
    });
    for (let i = 400; i < 405; i++) {
      fresh.push(row(i, '-new'));
      all.push(row(i, '-new'));
    }
    const { columns, baseRow, order } = spliceColumns(baseCols, baseOrder, drop, fresh);
    const expected = Columns.fromRows(all);
    expect(columns.count).toBe(all.length);
    for (let r = 0; r < all.length; r++) expect(described(columns, r)).toEqual(described(expected, r));
    expect(baseRow.filter((b) => b < 0).length).toBe(fresh.length);
    const sorted = all.map((_, i) => i).sort((a, b) => compareSortKeys(all[a]!, all[b]!));
    expect([...order].map((r) => columns.path(r))).toEqual(sorted.map((r) => all[r]!.path));

    // Only edits in place: the very same paths string, and the slugs too where none changed.
    const onlyEdits = new Uint8Array(base.length);
    onlyEdits[10] = onlyEdits[200] = 1;
    const same = spliceColumns(baseCols, baseOrder, onlyEdits, [{ ...row(10, '', true), title: 'New title' }, { ...row(201, '-x'), path: base[200]!.path }]);
    expect(same.columns.joinedPaths).toBe(baseCols.joinedPaths);
    expect(same.columns.title(10)).toBe('New title');
    expect(same.columns.slug(200)).toBe('slug-201-x');
    expect(same.columns.slug(10)).toBe('slug-10');
    expect([...same.baseRow].filter((b) => b < 0)).toEqual([-1, -2]);
    const untouched = spliceColumns(baseCols, baseOrder, (() => { const d = new Uint8Array(base.length); d[10] = 1; return d; })(), [{ ...row(10), title: 'Only the title' }]);
    expect(untouched.columns.joinedSlugs).toBe(baseCols.joinedSlugs);
    expect(untouched.columns.joinedPaths).toBe(baseCols.joinedPaths);
  });

  it('puts a file edited in place with its date and title unchanged where its row was, as a fresh build would', () => {
    const { base, baseCols, baseOrder } = indexed(400);
    const drop = new Uint8Array(base.length);
    const fresh: RowData[] = [];
    const all: RowData[] = [];
    base.forEach((r, i) => {
      if (i % 6 === 0) {
        // Body edits (a new size and stamp, the keys as they were), and every fourth of them a new title.
        const edited: RowData = { ...r, size: r.size + 1, mtimeMs: r.mtimeMs + 1, ...(i % 24 === 0 ? { title: `${r.title} again` } : {}) };
        drop[i] = 1;
        fresh.push(edited);
        all.push(edited);
      } else all.push(r);
    });
    const asked: number[] = [];
    const baseTitle = (b: number) => {
      asked.push(b);
      return base[b]!.type ? base[b]!.title : undefined;
    };
    const { columns, order } = spliceColumns(baseCols, baseOrder, drop, fresh, baseTitle);
    const sorted = all.map((_, i) => i).sort((a, b) => compareSortKeys(all[a]!, all[b]!));
    expect([...order].map((r) => columns.path(r))).toEqual(sorted.map((r) => all[r]!.path));
    expect(asked.length).toBeGreaterThan(0);
  });

  it('keeps a title that holds a NUL (the titles then stay a list)', () => {
    const base = Array.from({ length: 30 }, (_, i) => row(i));
    const baseCols = Columns.fromRows(base);
    const baseOrder = Int32Array.from(base.map((_, i) => i).sort((a, b) => compareSortKeys(base[a]!, base[b]!)));
    const drop = new Uint8Array(30);
    drop[4] = 1;
    const fresh = [{ ...row(4, '-edited'), title: 'A\0B' }];
    const { columns } = spliceColumns(baseCols, baseOrder, drop, fresh);
    expect(columns.title(29)).toBe('A\0B');
    expect(columns.title(4)).toBe(base[5]!.title);
    expect(columns.joinedTitles()).toBeUndefined();
  });

  it('with nothing dropped or added gives the base back', () => {
    const base = Array.from({ length: 50 }, (_, i) => row(i));
    const baseCols = Columns.fromRows(base);
    const baseOrder = Int32Array.from(base.map((_, i) => i).sort((a, b) => compareSortKeys(base[a]!, base[b]!)));
    const { columns, order } = spliceColumns(baseCols, baseOrder, new Uint8Array(50), []);
    for (let r = 0; r < 50; r++) expect(described(columns, r)).toEqual(described(baseCols, r));
    expect([...order]).toEqual([...baseOrder]);
  });
});
