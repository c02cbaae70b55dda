// The index's columns with rows dropped and added give exactly the columns (and the order)
// that building them afresh from the same rows gives.
import { describe, expect, it } from '@jest/globals';
import { compareSortKeys } from '../../../src/core/query.js';
import { Columns, type RowData } from '../../../src/store/columns.js';
import { spliceColumns } from '../../../src/store/columns-splice.js';

const REGIONS = ['Puno', 'Cusco', 'Junín', 'Lima'];
const TAGS = ['mining', 'water', 'consulta-previa'];

function row(i: number, variant = ''): RowData {
  const type = i % 11 === 0 ? 'page' : i % 3 === 0 ? 'letter' : 'news';
  const r: RowData = {
    path: `${2000 + (i % 20)}/${String(i).padStart(5, '0')}${variant}.md`,
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
    expect([...baseRow]).toEqual(base.map((_, i) => i).filter((i) => !drop[i]));
    const sorted = all.map((_, i) => i).sort((a, b) => compareSortKeys(all[a]!, all[b]!));
    expect([...order].map((r) => columns.path(r))).toEqual(sorted.map((r) => all[r]!.path));
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
