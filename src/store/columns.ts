// The archive's keys by column: what every filter, group and count needs of an article
// (type, draft, date, order, title, slug, the regions with places resolved, provinces, tags,
// author, series and part), held in strings and typed arrays that a filter scans without
// parsing a record. Names (regions, tags, authors, series) are small integer ids into one
// table. The index stores these columns as they are; a run that read files builds them
// from its rows the same way, so both take one query path.
import type { ArticleType } from '../core/article.js';
import type { ArticleKeys } from '../core/query.js';
import type { FileStamp } from './read.js';

/** What the queries look at of one readable article, beyond type, draft and date. */
export type RowKeys = ArticleKeys;

/** One row: a file's stamp and its keys; a row without a type is a file that could not be read. */
export interface RowData extends FileStamp {
  path: string;
  type?: ArticleType;
  draft: boolean;
  dateKey: string;
  order?: number;
  title: string;
  keys?: RowKeys;
  /** The JSON record: bytes from an index, or text made in this run. */
  record?: Uint8Array | string;
}

export const KEY_WIDTH = 19;
/** Float64s a row: size, mtimeMs, ctimeMs, record length, part (NaN for none), order (NaN for none). */
export const NUMBERS = 6;
/** Id lists a row: regions, provinces, tags, places. */
export const LISTS = 4;

const KIND: Record<ArticleType, string> = { news: 'n', letter: 'l', page: 'p' };
const TYPE_OF: Record<string, ArticleType> = { n: 'news', l: 'letter', p: 'page' };

/**
 * Where each of `count` pieces of NUL-joined text starts, and (last) where one after the end
 * would: piece r is text.slice(at[r], at[r + 1] - 1).
 */
export function nulStarts(text: string, count: number): Int32Array {
  const at = new Int32Array(count + 1);
  let pos = 0;
  for (let r = 0; r < count; r++) {
    at[r] = pos;
    const nul = text.indexOf('\0', pos);
    pos = nul === -1 ? text.length + 1 : nul + 1;
  }
  at[count] = text.length + 1;
  return at;
}

/** How a Columns holds its titles (see its constructor). */
export type Titles = string[] | string | ((row: number) => string);

/** The columns of a set of rows, in row order. */
export class Columns {
  private pathList: string[] | undefined;
  private slugList: string[] | undefined;
  private titleList: string[] | undefined;
  private titleText: string | undefined;
  private titleStarts: Int32Array | undefined;
  private titleAt: ((row: number) => string) | undefined;
  private idOf: Map<string, number> | undefined;
  private regionLists: Map<number | string, string[]> | undefined;

  constructor(
    readonly count: number,
    /** Paths in row order, NUL between them. */
    readonly joinedPaths: string,
    /** One letter a row: n, l, p (upper case for a draft), '-' for a file that could not be read. */
    readonly kinds: string,
    /** KEY_WIDTH characters a row. */
    readonly dateKeys: string,
    /**
     * The titles: a list, or one string with NUL between them (read a title at a time, never
     * all parsed), or a function giving a row's title (the spliced columns' titles are their
     * base's, never copied).
     */
    private readonly titlesOf: () => Titles,
    /** Slugs in row order, NUL between them. */
    readonly joinedSlugs: string,
    /** Every name an id stands for. */
    readonly names: readonly string[],
    readonly numbers: Float64Array,
    /** Name ids, -1 for none. */
    readonly authors: Int32Array,
    readonly series: Int32Array,
    /** Where each row's lists start in listIds: LISTS a row, and one more at the end. */
    readonly listStarts: Int32Array,
    readonly listIds: Int32Array,
  ) {}

  get paths(): string[] {
    this.pathList ??= this.count === 0 ? [] : this.joinedPaths.split('\0');
    return this.pathList;
  }

  path(row: number): string {
    return this.paths[row]!;
  }

  type(row: number): ArticleType | undefined {
    return TYPE_OF[this.kinds[row]!.toLowerCase()];
  }

  draft(row: number): boolean {
    const k = this.kinds[row]!;
    return k !== '-' && k === k.toUpperCase();
  }

  dateKey(row: number): string {
    return this.dateKeys.slice(row * KEY_WIDTH, (row + 1) * KEY_WIDTH).trimEnd();
  }

  /** 'YYYY-MM-DD', or undefined for pages and unreadable rows. */
  date(row: number): string | undefined {
    return this.dateKeys.slice(row * KEY_WIDTH, row * KEY_WIDTH + 10).trimEnd() || undefined;
  }

  /** The titles in whichever form they were given, taken when first needed. */
  private resolveTitles(): void {
    if (this.titleList !== undefined || this.titleText !== undefined || this.titleAt !== undefined) return;
    const t = this.titlesOf();
    if (typeof t === 'string') this.titleText = t;
    else if (typeof t === 'function') this.titleAt = t;
    else this.titleList = t;
  }

  title(row: number): string {
    this.resolveTitles();
    if (this.titleAt) return row < 0 || row >= this.count ? '' : this.titleAt(row);
    if (this.titleList) return this.titleList[row] ?? '';
    // Where each title starts: one pass over the text, no 100,000 strings made.
    this.titleStarts ??= nulStarts(this.titleText!, this.count);
    if (row < 0 || row >= this.count) return '';
    return this.titleText!.slice(this.titleStarts[row]!, this.titleStarts[row + 1]! - 1);
  }

  /** The titles as one string, NUL between them; undefined when a title holds a NUL itself. */
  joinedTitles(): string | undefined {
    // Without finding where each title starts: a caller that wants them all as one string need not.
    this.resolveTitles();
    if (this.titleText !== undefined) return this.titleText;
    const list = this.allTitles();
    return list.some((t) => t.includes('\0')) ? undefined : list.join('\0');
  }

  slug(row: number): string {
    this.slugList ??= this.count === 0 ? [] : this.joinedSlugs.split('\0');
    return this.slugList[row] ?? '';
  }

  stamp(row: number): FileStamp {
    const n = this.numbers;
    return { size: n[row * NUMBERS]!, mtimeMs: n[row * NUMBERS + 1]!, ctimeMs: n[row * NUMBERS + 2]! };
  }

  sameStamp(row: number, size: number, mtimeMs: number, ctimeMs: number): boolean {
    const n = this.numbers;
    return n[row * NUMBERS] === size && n[row * NUMBERS + 1] === mtimeMs && n[row * NUMBERS + 2] === ctimeMs;
  }

  recordLength(row: number): number {
    return this.numbers[row * NUMBERS + 3]!;
  }

  part(row: number): number | undefined {
    const p = this.numbers[row * NUMBERS + 4]!;
    return Number.isNaN(p) ? undefined : p;
  }

  pageOrder(row: number): number | undefined {
    const o = this.numbers[row * NUMBERS + 5]!;
    return Number.isNaN(o) ? undefined : o;
  }

  /** The id of a name, or -1 when no row has it. */
  id(name: string): number {
    this.idOf ??= new Map(this.names.map((n, i) => [n, i]));
    return this.idOf.get(name) ?? -1;
  }

  private list(row: number, which: number): Int32Array {
    const at = row * LISTS + which;
    return this.listIds.subarray(this.listStarts[at]!, this.listStarts[at + 1]!);
  }

  regionIds(row: number): Int32Array {
    return this.list(row, 0);
  }

  provinceIds(row: number): Int32Array {
    return this.list(row, 1);
  }

  tagIds(row: number): Int32Array {
    return this.list(row, 2);
  }

  placeIds(row: number): Int32Array {
    return this.list(row, 3);
  }

  nameList(ids: Int32Array): string[] {
    // A plain loop: Array.from with a map function is several times slower, 100,000 rows a run.
    const out = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) out[i] = this.names[ids[i]!]!;
    return out;
  }

  regions(row: number): string[] {
    return this.nameList(this.regionIds(row));
  }

  /**
   * A row's regions as one list shared by every row with the same ones, not to be changed:
   * a table of 100,000 rows makes a few hundred lists rather than 100,000, and a cell that
   * joins them can be worked out once a list.
   */
  sharedRegions(row: number): readonly string[] {
    const from = this.listStarts[row * LISTS]!;
    const to = this.listStarts[row * LISTS + 1]!;
    // Up to three ids (nearly every article) make one number, 16 bits each; more, a string.
    let key: number | string = 0;
    for (let at = from; at < to; at++) {
      const id = this.listIds[at]!;
      if (to - from > 3 || id >= 0xffff) {
        key = this.listIds.subarray(from, to).join(',');
        break;
      }
      key = key * 0x10000 + id + 1;
    }
    this.regionLists ??= new Map();
    let names = this.regionLists.get(key);
    if (names === undefined) this.regionLists.set(key, (names = this.nameList(this.listIds.subarray(from, to))));
    return names;
  }

  author(row: number): string | undefined {
    const id = this.authors[row]!;
    return id < 0 ? undefined : this.names[id];
  }

  seriesName(row: number): string | undefined {
    const id = this.series[row]!;
    return id < 0 ? undefined : this.names[id];
  }

  /** Every title, parsed at once (for the index to store). */
  allTitles(): string[] {
    if (this.titleList) return this.titleList;
    const t = this.titleText ?? this.titleAt ?? this.titlesOf();
    this.titleList = typeof t === 'string' ? (this.count === 0 ? [] : t.split('\0')) : typeof t === 'function' ? Array.from({ length: this.count }, (_, r) => t(r)) : t;
    return this.titleList;
  }

  /** The columns of `rows`; `keep` (when given) says which rows to take. */
  static fromRows(rows: readonly RowData[], keep?: (i: number) => boolean): Columns {
    const taken = keep ? rows.filter((_, i) => keep(i)) : rows;
    const n = taken.length;
    const names: string[] = [];
    const ids = new Map<string, number>();
    const id = (name: string) => {
      let i = ids.get(name);
      if (i === undefined) {
        i = names.length;
        names.push(name);
        ids.set(name, i);
      }
      return i;
    };
    const numbers = new Float64Array(n * NUMBERS);
    const authors = new Int32Array(n).fill(-1);
    const series = new Int32Array(n).fill(-1);
    const listStarts = new Int32Array(n * LISTS + 1);
    const listIds: number[] = [];
    const kinds: string[] = [];
    const dateKeys: string[] = [];
    // Written field by field: 100,000 rows, and an array made for each would be garbage.
    const addList = (at: number, list: readonly string[] | undefined) => {
      listStarts[at] = listIds.length;
      if (list) for (const name of list) listIds.push(id(name));
    };
    for (let i = 0; i < n; i++) {
      const r = taken[i]!;
      const readable = r.type !== undefined && r.record !== undefined;
      kinds.push(readable ? (r.draft ? KIND[r.type!].toUpperCase() : KIND[r.type!]) : '-');
      dateKeys.push(r.dateKey.length === KEY_WIDTH ? r.dateKey : r.dateKey.padEnd(KEY_WIDTH).slice(0, KEY_WIDTH));
      const record = readable ? r.record! : '';
      const at = i * NUMBERS;
      numbers[at] = r.size;
      numbers[at + 1] = r.mtimeMs;
      numbers[at + 2] = r.ctimeMs;
      numbers[at + 3] = typeof record === 'string' ? Buffer.byteLength(record) : record.length;
      numbers[at + 4] = r.keys?.part ?? NaN;
      numbers[at + 5] = r.order ?? NaN;
      const k = readable ? r.keys : undefined;
      if (k?.author !== undefined) authors[i] = id(k.author);
      if (k?.series !== undefined) series[i] = id(k.series);
      addList(i * LISTS, k?.regions);
      addList(i * LISTS + 1, k?.provinces);
      addList(i * LISTS + 2, k?.tags);
      addList(i * LISTS + 3, k?.places);
    }
    listStarts[n * LISTS] = listIds.length;
    const titles = taken.map((r) => r.title);
    return new Columns(
      n,
      taken.map((r) => r.path).join('\0'),
      kinds.join(''),
      dateKeys.join(''),
      () => titles,
      taken.map((r) => (r.type !== undefined && r.keys ? r.keys.slug : '')).join('\0'),
      names,
      numbers,
      authors,
      series,
      listStarts,
      Int32Array.from(listIds),
    );
  }

  /** Row `row` as RowData, without its record. */
  row(row: number): RowData {
    const data: RowData = { path: this.path(row), ...this.stamp(row), draft: this.draft(row), dateKey: this.dateKey(row), title: this.title(row) };
    const type = this.type(row);
    if (type) {
      data.type = type;
      const keys: RowKeys = { slug: this.slug(row), regions: this.regions(row), provinces: this.nameList(this.provinceIds(row)), tags: this.nameList(this.tagIds(row)), places: this.nameList(this.placeIds(row)) };
      const author = this.author(row);
      if (author !== undefined) keys.author = author;
      const s = this.seriesName(row);
      if (s !== undefined) keys.series = s;
      const part = this.part(row);
      if (part !== undefined) keys.part = part;
      data.keys = keys;
    }
    const order = this.pageOrder(row);
    if (order !== undefined) data.order = order;
    return data;
  }
}
