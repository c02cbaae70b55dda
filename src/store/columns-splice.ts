// The index's columns with a few rows changed, without writing the index again: the rows of
// files that changed or went are dropped, the rows of files read in this run are put after
// the rest, and the order (newest first) is the index's with the new rows put in their
// places. Copying typed arrays and joining strings costs tens of milliseconds at 100,000
// rows; making 100,000 row objects, sorting them and writing 90 MB costs seconds.
import { compareSortKeys, type SortKeys } from '../core/query.js';
import { Columns, KEY_WIDTH, LISTS, NUMBERS, nulStarts, type RowData } from './columns.js';

export interface Spliced {
  columns: Columns;
  /** For each kept row (the first rows of `columns`), its row in the base. */
  baseRow: Int32Array;
  /** Every row, newest first (as the index's order: unreadable rows included). */
  order: Int32Array;
}

/**
 * compareSortKeys for two rows of `cols`, reading titles and paths only on a tie of date
 * and order: a title read makes every title of the spliced columns, tens of milliseconds
 * that a run printing no title need not pay.
 */
function compareRows(cols: Columns, a: number, b: number): number {
  const ka = cols.dateKey(a);
  const kb = cols.dateKey(b);
  if (ka !== kb) return ka < kb ? 1 : -1;
  const oa = cols.pageOrder(a);
  const ob = cols.pageOrder(b);
  if (!ka && oa !== ob) return (oa ?? Infinity) - (ob ?? Infinity);
  const keys = (row: number): SortKeys => {
    const k: SortKeys = { dateKey: cols.dateKey(row), title: cols.title(row), path: cols.path(row) };
    const order = cols.pageOrder(row);
    if (order !== undefined) k.order = order;
    return k;
  };
  return compareSortKeys(keys(a), keys(b));
}

/** `base` without the rows `drop` marks, with `fresh` after them; `baseOrder` is the base's order. */
export function spliceColumns(base: Columns, baseOrder: Int32Array, drop: Uint8Array, fresh: readonly RowData[]): Spliced {
  const add = Columns.fromRows(fresh);
  // Dropped rows are few: the kept ones come in long runs, each copied in one step.
  const runs: [number, number][] = [];
  for (let r = 0; r < base.count; ) {
    while (r < base.count && drop[r]) r++;
    const from = r;
    while (r < base.count && !drop[r]) r++;
    if (r > from) runs.push([from, r]);
  }
  const kept: number[] = [];
  for (const [a, b] of runs) for (let r = a; r < b; r++) kept.push(r);
  const k = kept.length;
  const n = k + add.count;
  // The base's names keep their ids; the new rows' names are found among them or added.
  const names = base.names.slice();
  const remap = Int32Array.from(add.names, (name) => {
    const id = base.id(name);
    if (id >= 0) return id;
    names.push(name);
    return names.length - 1;
  });
  // Each run cut out of a NUL-joined column at once.
  const cut = (joined: string, extra: string) => {
    const at = nulStarts(joined, base.count);
    const parts = runs.map(([a, b]) => joined.slice(at[a]!, at[b]! - 1));
    if (add.count) parts.push(extra);
    return parts.join('\0');
  };
  const slugsOfAdd = Array.from({ length: add.count }, (_, r) => add.slug(r)).join('\0');
  const joinedPaths = cut(base.joinedPaths, add.joinedPaths);
  const joinedSlugs = cut(base.joinedSlugs, slugsOfAdd);
  const kinds = runs.map(([a, b]) => base.kinds.slice(a, b)).join('') + add.kinds;
  const dateKeys = runs.map(([a, b]) => base.dateKeys.slice(a * KEY_WIDTH, b * KEY_WIDTH)).join('') + add.dateKeys;
  // A kept row's title is its base row's, read from the base when asked: no titles copied.
  const titles = () => (row: number) => (row < k ? base.title(kept[row]!) : add.title(row - k));
  const numbers = new Float64Array(n * NUMBERS);
  const authors = new Int32Array(n);
  const series = new Int32Array(n);
  const listStarts = new Int32Array(n * LISTS + 1);
  const baseIds = base.listStarts[base.count * LISTS]!;
  const listIds = new Int32Array(baseIds + add.listIds.length);
  let to = 0;
  let ids = 0;
  for (const [a, b] of runs) {
    numbers.set(base.numbers.subarray(a * NUMBERS, b * NUMBERS), to * NUMBERS);
    authors.set(base.authors.subarray(a, b), to);
    series.set(base.series.subarray(a, b), to);
    const from = base.listStarts[a * LISTS]!;
    const until = base.listStarts[b * LISTS]!;
    listIds.set(base.listIds.subarray(from, until), ids);
    for (let i = a * LISTS; i < b * LISTS; i++) listStarts[to * LISTS + (i - a * LISTS)] = base.listStarts[i]! - from + ids;
    ids += until - from;
    to += b - a;
  }
  numbers.set(add.numbers, k * NUMBERS);
  for (let r = 0; r < add.count; r++) {
    authors[k + r] = add.authors[r]! < 0 ? -1 : remap[add.authors[r]!]!;
    series[k + r] = add.series[r]! < 0 ? -1 : remap[add.series[r]!]!;
  }
  for (let i = 0; i < add.count * LISTS; i++) listStarts[k * LISTS + i] = add.listStarts[i]! + ids;
  for (let i = 0; i < add.listIds.length; i++) listIds[ids + i] = remap[add.listIds[i]!]!;
  ids += add.listIds.length;
  listStarts[n * LISTS] = ids;
  const columns = new Columns(n, joinedPaths, kinds, dateKeys, titles, joinedSlugs, names, numbers, authors, series, listStarts, listIds.subarray(0, ids));
  // The base's order, kept rows renumbered, then each new row put in its place by a binary search.
  const newRow = new Int32Array(base.count).fill(-1);
  kept.forEach((r, to) => (newRow[r] = to));
  const order: number[] = [];
  for (const r of baseOrder) if (newRow[r]! >= 0) order.push(newRow[r]!);
  const freshRows = Array.from({ length: add.count }, (_, r) => k + r).sort((a, b) => compareRows(columns, a, b));
  const placed: number[] = [];
  let from = 0;
  for (const row of freshRows) {
    let lo = from;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareRows(columns, order[mid]!, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) placed.push(order[i]!);
    placed.push(row);
    from = lo;
  }
  for (let i = from; i < order.length; i++) placed.push(order[i]!);
  return { columns, baseRow: Int32Array.from(kept), order: Int32Array.from(placed) };
}
