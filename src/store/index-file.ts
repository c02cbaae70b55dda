// The index: what every article file said when psg last read it, with the file's size,
// modification time and change time. A row is used only while all three still match, so an
// edited, added, deleted or renamed file shows at once. The file is written atomically; a
// damaged one, or one from another version of psg, is ignored and rebuilt.
//
// It is stored in columns, one line each, so that an unchanged archive of 100,000 articles
// loads as a few arrays rather than 100,000 objects, and records are printed without parsing:
//   1 header            {"format":"psg-index","version":…,"root":…,"count":n}
//   2 paths             ["2019/…md", …]
//   3 numbers           [size, mtimeMs, ctimeMs, recordLength, …] four a row
//   4 kinds             one letter a row: n news, l letter, p page (upper case: draft), - unreadable
//   5 date keys         one string, 19 characters a row ('YYYY-MM-DDTHH:MM:SS', spaces when undated)
//   6 orders            [order or null, …]
//   7 titles            ["…", …] (parsed only when rows must be sorted again)
//   8… records          each readable row's JSON record on a line of its own, in row order
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArticleType } from '../core/article.js';
import { writeFileAtomic } from './atomic.js';
import type { FileStamp } from './read.js';

/** Bump when the index layout or the meaning of a record changes. */
const LAYOUT = 3;
const KEY_WIDTH = 19;
const SECTIONS = 6; // lines after the header, before the records
const NEWLINE = Buffer.from('\n');

const KIND: Record<ArticleType, string> = { news: 'n', letter: 'l', page: 'p' };
const TYPE_OF: Record<string, ArticleType> = { n: 'news', l: 'letter', p: 'page' };

/** One row to write: a file's stamp and what the commands order and pre-filter by. */
export interface RowData extends FileStamp {
  path: string;
  type?: ArticleType;
  draft: boolean;
  dateKey: string;
  order?: number;
  title: string;
  /** The JSON record: bytes from an index, or text made in this run. */
  record?: Uint8Array | string;
}

interface Header {
  format: 'psg-index';
  version: string;
  root: string;
  count: number;
}

export function indexPath(dir: string, realRoot: string): string {
  const id = createHash('sha256').update(realRoot).digest('hex').slice(0, 24);
  return join(dir, `index-${id}.psgidx`);
}

const versionTag = (psgVersion: string) => `${LAYOUT}/${psgVersion}`;

class DamagedIndex extends Error {}
function check(ok: boolean): asserts ok {
  if (!ok) throw new DamagedIndex();
}

/** A loaded index, read column by column. */
export class IndexData {
  private titleList: string[] | undefined;

  constructor(
    readonly count: number,
    readonly paths: string[],
    private readonly numbers: number[],
    private readonly kinds: string,
    private readonly dateKeys: string,
    private readonly orders: (number | null)[],
    private readonly titlesJson: string,
    private readonly buf: Buffer,
    private readonly recordStarts: Float64Array,
  ) {}

  sameStamp(row: number, st: FileStamp): boolean {
    const n = this.numbers;
    return n[row * 4] === st.size && n[row * 4 + 1] === st.mtimeMs && n[row * 4 + 2] === st.ctimeMs;
  }

  stamp(row: number): FileStamp {
    const n = this.numbers;
    return { size: n[row * 4]!, mtimeMs: n[row * 4 + 1]!, ctimeMs: n[row * 4 + 2]! };
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

  order(row: number): number | undefined {
    return this.orders[row] ?? undefined;
  }

  title(row: number): string {
    this.titleList ??= JSON.parse(this.titlesJson) as string[];
    return this.titleList[row] ?? '';
  }

  record(row: number): Buffer {
    const start = this.recordStarts[row]!;
    return this.buf.subarray(start, start + this.numbers[row * 4 + 3]!);
  }

  row(row: number): RowData {
    const data: RowData = { path: this.paths[row]!, ...this.stamp(row), draft: this.draft(row), dateKey: this.dateKey(row), title: this.title(row) };
    const type = this.type(row);
    if (type) {
      data.type = type;
      data.record = this.record(row);
    }
    const order = this.order(row);
    if (order !== undefined) data.order = order;
    return data;
  }
}

/** A sound index for this root and version; undefined when there is none or it is damaged. */
export function readIndex(file: string, realRoot: string, psgVersion: string): IndexData | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    const ends: number[] = [];
    let at = 0;
    for (let i = 0; i <= SECTIONS; i++) {
      const nl = buf.indexOf(0x0a, at);
      check(nl !== -1);
      ends.push(nl);
      at = nl + 1;
    }
    const line = (i: number) => buf.toString('utf8', i === 0 ? 0 : ends[i - 1]! + 1, ends[i]);
    const header = JSON.parse(line(0)) as Header;
    if (header.format !== 'psg-index' || header.version !== versionTag(psgVersion) || header.root !== realRoot) return undefined;
    const n = header.count;
    const paths = JSON.parse(line(1)) as string[];
    const numbers = JSON.parse(line(2)) as number[];
    const kinds = JSON.parse(line(3)) as string;
    const dateKeys = JSON.parse(line(4)) as string;
    const orders = JSON.parse(line(5)) as (number | null)[];
    check(paths.length === n && numbers.length === 4 * n && kinds.length === n && dateKeys.length === KEY_WIDTH * n && orders.length === n);
    const starts = new Float64Array(n);
    let pos = ends[SECTIONS]! + 1;
    for (let row = 0; row < n; row++) {
      starts[row] = pos;
      if (kinds[row] === '-') continue;
      pos += numbers[row * 4 + 3]!;
      check(buf[pos] === 0x0a);
      pos++;
    }
    check(pos === buf.length);
    return new IndexData(n, paths, numbers, kinds, dateKeys, orders, line(SECTIONS), buf, starts);
  } catch {
    return undefined; // damaged or truncated: rebuild
  }
}

/**
 * Write the index. Rows whose file changed within `racyMs` of `startedAt` are left out:
 * a second write in the same clock tick could leave size and times unchanged, and such a
 * file must be read again next time rather than trusted (git calls this "racily clean").
 */
export function writeIndex(file: string, realRoot: string, psgVersion: string, rows: readonly RowData[], startedAt: number, racyMs = 2000): void {
  const paths: string[] = [];
  const numbers: number[] = [];
  let kinds = '';
  let dateKeys = '';
  const orders: (number | null)[] = [];
  const titles: string[] = [];
  // Records made in this run are joined as text and encoded once; stored ones stay bytes.
  const chunks: (Uint8Array | string)[] = [];
  let text = '';
  for (const r of rows) {
    if (r.mtimeMs >= startedAt - racyMs || r.ctimeMs >= startedAt - racyMs) continue;
    const readable = r.type !== undefined && r.record !== undefined;
    paths.push(r.path);
    const record = r.record;
    numbers.push(r.size, r.mtimeMs, r.ctimeMs, !readable ? 0 : typeof record === 'string' ? Buffer.byteLength(record) : record!.length);
    kinds += readable ? (r.draft ? KIND[r.type!].toUpperCase() : KIND[r.type!]) : '-';
    dateKeys += r.dateKey.padEnd(KEY_WIDTH).slice(0, KEY_WIDTH);
    orders.push(r.order ?? null);
    titles.push(r.title);
    if (!readable) continue;
    if (typeof record === 'string') {
      text += `${record}\n`;
      // Pieces of about a megabyte: one huge string would be copied whole when encoded.
      if (text.length > 1 << 20) {
        chunks.push(text);
        text = '';
      }
    } else {
      if (text) chunks.push(text);
      text = '';
      chunks.push(record!, NEWLINE);
    }
  }
  if (text) chunks.push(text);
  const header: Header = { format: 'psg-index', version: versionTag(psgVersion), root: realRoot, count: paths.length };
  const head = [header, paths, numbers, kinds, dateKeys, orders, titles].map((v) => JSON.stringify(v)).join('\n');
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, [`${head}\n`, ...chunks], { overwrite: true });
}
