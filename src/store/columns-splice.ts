// The index's columns with a few rows changed, without writing the index again: the rows of
// files that went are dropped, a file edited in place keeps its row, new files' rows are put
// after the rest, and the order (newest first) is the index's with the new rows put in their
// places. Copying typed arrays and joining strings costs tens of milliseconds at 100,000
// rows; making 100,000 row objects, sorting them and writing 90 MB costs seconds.
import { compareSortKeys, type SortKeys } from '../core/query.js';
import { Columns, KEY_WIDTH, LISTS, NUMBERS, nulStarts, type RowData } from './columns.js';

export interface Spliced {
  columns: Columns;
  /** For each row of `columns`, its row in the base, or −(i + 1) for the row of fresh[i]. */
  baseRow: Int32Array;
  /** Every row, newest first (as the index's order: unreadable rows included). */
  order: Int32Array;
  /** For each fresh row, the base row whose place it took (the file as it was), or −1 for a new file. */
  was: Int32Array;
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

/** A run of base rows [a, b), or one fresh row. */
type Segment = { a: number; b: number } | { f: number };

/**
 * `base` without the rows `drop` marks, with `fresh` in their place: a fresh row whose path is
 * a dropped row's (a file edited in place) takes that row's place, so that the rows keep the
 * scan's order and the paths stay the base's own string; the others (new files) come after
 * the rest. `baseOrder` is the base's order.
 */
export function spliceColumns(
  base: Columns,
  baseOrder: Int32Array,
  drop: Uint8Array,
  fresh: readonly RowData[],
  /** A base row's title without reading every title (from its record); undefined when it cannot say. */
  baseTitle?: (row: number) => string | undefined,
): Spliced {
  const add = Columns.fromRows(fresh);
  // Which fresh row takes which dropped row's place.
  const droppedAt = new Map<string, number>();
  for (let r = 0; r < base.count; r++) if (drop[r]) droppedAt.set(base.path(r), r);
  const freshOf = new Map<number, number>();
  const was = new Int32Array(fresh.length).fill(-1);
  fresh.forEach((f, i) => {
    const r = droppedAt.get(f.path);
    if (r !== undefined && !freshOf.has(r)) {
      freshOf.set(r, i);
      was[i] = r;
    }
  });
  // Dropped rows are few: the kept ones come in long runs, each copied in one step.
  const segments: Segment[] = [];
  let removed = 0;
  for (let r = 0; r < base.count; ) {
    const from = r;
    while (r < base.count && !drop[r]) r++;
    if (r > from) segments.push({ a: from, b: r });
    if (r < base.count) {
      const f = freshOf.get(r);
      if (f === undefined) removed++;
      else segments.push({ f });
      r++;
    }
  }
  let appended = 0;
  for (let f = 0; f < fresh.length; f++) {
    if (was[f]! < 0) {
      segments.push({ f });
      appended++;
    }
  }
  const n = base.count - removed + appended;
  const baseRow = new Int32Array(n);
  {
    let to = 0;
    for (const s of segments) {
      if ('f' in s) baseRow[to++] = -(s.f + 1);
      else for (let r = s.a; r < s.b; r++) baseRow[to++] = r;
    }
  }
  // The base's names keep their ids; the new rows' names are found among them or added.
  const names = base.names.slice();
  const remap = Int32Array.from(add.names, (name) => {
    const id = base.id(name);
    if (id >= 0) return id;
    names.push(name);
    return names.length - 1;
  });
  // A NUL-joined column: the base's own string while no row came or went and no piece
  // changed; else each run cut out of it at once.
  const joined = (text: string, freshPiece: (f: number) => string, basePiece: (r: number) => string): string => {
    if (removed === 0 && appended === 0 && [...freshOf].every(([r, f]) => freshPiece(f) === basePiece(r))) return text;
    const at = nulStarts(text, base.count);
    return segments.map((s) => ('f' in s ? freshPiece(s.f) : text.slice(at[s.a]!, at[s.b]! - 1))).join('\0');
  };
  const joinedPaths = joined(base.joinedPaths, (f) => add.path(f), (r) => base.path(r));
  const joinedSlugs = joined(base.joinedSlugs, (f) => add.slug(f), (r) => base.slug(r));
  const kinds = segments.map((s) => ('f' in s ? add.kinds[s.f]! : base.kinds.slice(s.a, s.b))).join('');
  const dateKeys = segments.map((s) => ('f' in s ? add.dateKeys.slice(s.f * KEY_WIDTH, (s.f + 1) * KEY_WIDTH) : base.dateKeys.slice(s.a * KEY_WIDTH, s.b * KEY_WIDTH))).join('');
  // A kept row's title is its base row's, read from the base when asked: no titles copied.
  const titles = () => (row: number) => {
    const b = baseRow[row]!;
    return b >= 0 ? base.title(b) : add.title(-b - 1);
  };
  const numbers = new Float64Array(n * NUMBERS);
  const authors = new Int32Array(n);
  const series = new Int32Array(n);
  const listStarts = new Int32Array(n * LISTS + 1);
  const listIds = new Int32Array(base.listIds.length + add.listIds.length);
  let to = 0;
  let ids = 0;
  for (const s of segments) {
    if ('f' in s) {
      const f = s.f;
      numbers.set(add.numbers.subarray(f * NUMBERS, (f + 1) * NUMBERS), to * NUMBERS);
      authors[to] = add.authors[f]! < 0 ? -1 : remap[add.authors[f]!]!;
      series[to] = add.series[f]! < 0 ? -1 : remap[add.series[f]!]!;
      const from = add.listStarts[f * LISTS]!;
      for (let i = 0; i < LISTS; i++) listStarts[to * LISTS + i] = add.listStarts[f * LISTS + i]! - from + ids;
      const until = add.listStarts[(f + 1) * LISTS]!;
      for (let i = from; i < until; i++) listIds[ids++] = remap[add.listIds[i]!]!;
      to++;
      continue;
    }
    const { a, b } = s;
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
  listStarts[n * LISTS] = ids;
  const columns = new Columns(n, joinedPaths, kinds, dateKeys, titles, joinedSlugs, names, numbers, authors, series, listStarts, listIds.subarray(0, ids));
  // The base's order for the rows kept as they were, then each fresh row put in its place by a binary search.
  const newRow = new Int32Array(base.count).fill(-1);
  const freshRows: number[] = [];
  // A file edited in place whose date, order and title are as they were (most edits are of
  // the body) sorts where its row did: no search, and no title of any other row read.
  const inPlace = (row: number, f: number): boolean => {
    const r = was[f]!;
    if (r < 0 || !baseTitle || columns.dateKey(row) !== base.dateKey(r) || columns.pageOrder(row) !== base.pageOrder(r)) return false;
    return baseTitle(r) === fresh[f]!.title;
  };
  baseRow.forEach((b, row) => {
    if (b >= 0) newRow[b] = row;
    else if (inPlace(row, -b - 1)) newRow[was[-b - 1]!] = row;
    else freshRows.push(row);
  });
  const order: number[] = [];
  for (const r of baseOrder) if (newRow[r]! >= 0) order.push(newRow[r]!);
  freshRows.sort((a, b) => compareRows(columns, a, b));
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
  return { columns, baseRow, order: Int32Array.from(placed), was };
}
