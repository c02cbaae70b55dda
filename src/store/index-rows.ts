// Reading the front matter of each file into an index row, with the article's JSON record:
// the per-file work of list, digest and every command that loads the archive.
import type { Article } from '../core/article.js';
import type { CoreContext } from '../core/context.js';
import { dateKey } from '../core/dates.js';
import type { Gazetteer } from '../core/gazetteer.js';
import { articleKeys } from '../core/query.js';
import { toRecord } from '../core/record.js';
import type { RowData, RowKeys } from './columns.js';
import { type FileStamp, readArticle } from './read.js';

const NO_STAMP: FileStamp = { size: -1, mtimeMs: -1, ctimeMs: -1 };

/**
 * A string of its own. A title parsed from YAML is a slice of the whole front matter, and
 * V8 keeps that whole text alive as long as the slice lives: for 100,000 kept rows, that is
 * a hundred megabytes of front matter held for nothing.
 */
function ownString(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** The article's keys, each string its own (see ownString). */
function keysOf(article: Article, gazetteer: Gazetteer): RowKeys {
  const keys = articleKeys(article, gazetteer);
  keys.slug = ownString(keys.slug);
  if (keys.author !== undefined) keys.author = ownString(keys.author);
  if (keys.series !== undefined) keys.series = ownString(keys.series);
  return keys;
}

export function rowFromArticle(path: string, stamp: FileStamp, article: Article | undefined, gazetteer: Gazetteer): RowData {
  const row: RowData = { path, ...stamp, draft: article?.draft ?? false, dateKey: article ? dateKey(article.date) : '', title: ownString(article?.title ?? '') };
  if (article) {
    row.type = article.type;
    if (article.order !== undefined) row.order = article.order;
    row.keys = keysOf(article, gazetteer);
    row.record = JSON.stringify(toRecord(article));
  }
  return row;
}

/**
 * Read the front matter of each file into an index row (with the article's JSON record).
 * The records end up as UTF-8 in one buffer of their own, so that a worker thread hands
 * them over without a copy and the main thread holds bytes, not 100,000 strings.
 */
export function indexRows(root: string, paths: readonly string[], ctx: CoreContext): RowData[] {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const rows = paths.map((rel) => {
    const loaded = readArticle(prefix + rel, rel, ctx, 'front-matter');
    return rowFromArticle(rel, loaded.stamp ?? NO_STAMP, loaded.article, ctx.gazetteer);
  });
  return recordsInOneBuffer(rows);
}

/**
 * Put the rows' record strings, as UTF-8, in one buffer of their own, in row order (what
 * packRows expects): a worker hands it over without a copy.
 */
export function recordsInOneBuffer(rows: RowData[]): RowData[] {
  let size = 0;
  for (const row of rows) if (typeof row.record === 'string') size += Buffer.byteLength(row.record);
  // Not from Buffer's shared pool: this memory is handed to another thread as it is.
  const bytes = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const row of rows) {
    if (typeof row.record !== 'string') continue;
    const n = bytes.write(row.record, at);
    row.record = bytes.subarray(at, at + n);
    at += n;
  }
  return rows;
}

/** Strings joined, with their lengths: one string and one array cross between threads as a copy of bytes. */
interface Strings {
  text: string;
  lengths: Int32Array;
}

function joinStrings(list: readonly string[]): Strings {
  return { text: list.join(''), lengths: Int32Array.from(list, (s) => s.length) };
}

function splitStrings({ text, lengths }: Strings): string[] {
  const out = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) out[i] = text.slice(at, (at += lengths[i]!));
  return out;
}

const KINDS = ['news', 'letter', 'page'] as const;

/**
 * A chunk of rows by column, to hand from a worker to the main thread: a structured copy of
 * 50,000 small objects costs the main thread a fifth of a second; this costs a few copies.
 */
export interface PackedRows {
  paths: Strings;
  titles: Strings;
  dateKeys: Strings;
  /** Per row: type (0 none, 1 news, 2 letter, 3 page) + 4 when a draft. */
  kinds: Uint8Array;
  /** Per row: size, mtimeMs, ctimeMs, order (NaN for none), record length. */
  numbers: Float64Array;
  /** Each readable row's keys, as one JSON array. */
  keys: string;
  records: Uint8Array;
}

export function packRows(rows: readonly RowData[]): { packed: PackedRows; transfer: ArrayBuffer[] } {
  const kinds = new Uint8Array(rows.length);
  const numbers = new Float64Array(rows.length * 5);
  let records: Uint8Array = new Uint8Array(0);
  rows.forEach((r, i) => {
    kinds[i] = (r.type ? KINDS.indexOf(r.type) + 1 : 0) + (r.draft ? 4 : 0);
    numbers.set([r.size, r.mtimeMs, r.ctimeMs, r.order ?? NaN, r.record?.length ?? -1], i * 5);
  });
  // indexRows put every record of the chunk in one buffer, in row order.
  const first = rows.find((r) => r.record instanceof Uint8Array)?.record as Uint8Array | undefined;
  if (first) records = new Uint8Array(first.buffer, first.byteOffset);
  const keys = JSON.stringify(rows.filter((r) => r.keys).map((r) => r.keys));
  const packed = { paths: joinStrings(rows.map((r) => r.path)), titles: joinStrings(rows.map((r) => r.title)), dateKeys: joinStrings(rows.map((r) => r.dateKey)), kinds, numbers, keys, records };
  return { packed, transfer: [kinds.buffer, numbers.buffer, records.buffer as ArrayBuffer] };
}

export function unpackRows(p: PackedRows): RowData[] {
  const paths = splitStrings(p.paths);
  const titles = splitStrings(p.titles);
  const dateKeys = splitStrings(p.dateKeys);
  const n = p.numbers;
  const keys = JSON.parse(p.keys) as RowKeys[];
  let k = 0;
  let at = 0;
  return paths.map((path, i) => {
    const row: RowData = { path, size: n[i * 5]!, mtimeMs: n[i * 5 + 1]!, ctimeMs: n[i * 5 + 2]!, draft: p.kinds[i]! >= 4, dateKey: dateKeys[i]!, title: titles[i]! };
    const kind = p.kinds[i]! & 3;
    if (kind) {
      row.type = KINDS[kind - 1];
      const length = n[i * 5 + 4]!;
      row.record = p.records.subarray(at, at + length);
      at += length;
      row.keys = keys[k++]!;
    }
    const order = n[i * 5 + 3]!;
    if (!Number.isNaN(order)) row.order = order;
    return row;
  });
}
