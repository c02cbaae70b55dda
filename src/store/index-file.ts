// The index: what every article file said when psg last read it, with the file's size,
// modification time and change time. A row is used only while all three still match, so an
// edited, added, deleted or renamed file shows at once. The file is written atomically; a
// damaged one, or one from another version of psg, is ignored and rebuilt.
//
// Laid out so that checking 100,000 files against it reads a few megabytes and parses a few
// arrays, and printing records needs no parsing at all:
//   prelude   64 bytes: "psg-index <metaBytes> <binaryBytes>", space-padded, then "\n"
//   meta      JSON lines: header {version, root, count}, the paths (one string, NUL between
//             them, so a whole scan is compared in one step), kinds, date keys, orders, titles
//   binary    Float64 × 4 a row (size, mtimeMs, ctimeMs, record length), then Int32 × n: the
//             rows newest first (the archive's order)
//   records   each readable row's JSON record and "\n", newest first, so that a list of
//             everything is one pass over the file; read only when asked for
// Rows are in the order the folder scan gives, so a run compares paths by position.
import { createHash } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleType } from '../core/article.js';
import { ByteBatcher } from '../ui/chunked.js';
import { writeFileAtomic } from './atomic.js';
import { type FileStamp, openRegular } from './read.js';

/** Bump when the index layout or the meaning of a record changes. */
const LAYOUT = 6;
const PRELUDE = 64;
const KEY_WIDTH = 19;
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

/** Read exactly `length` bytes at `position` into the start of `buf`. */
function readInto(fd: number, buf: Buffer, length: number, position: number): Buffer {
  let at = 0;
  while (at < length) {
    const n = readSync(fd, buf, at, length - at, position + at);
    check(n > 0);
    at += n;
  }
  return buf;
}

function readAt(fd: number, length: number, position: number): Buffer {
  return readInto(fd, Buffer.allocUnsafe(length), length, position);
}

/** How much of the records a streaming read holds at once. */
const WINDOW = 1 << 20;

/** A loaded index, read column by column. It keeps its file open to read records later. */
export class IndexData {
  private titleList: string[] | undefined;
  private pathList: string[] | undefined;
  private region: Buffer | undefined;
  private lazyReads = 0;

  constructor(
    readonly count: number,
    /** Paths in scan order (row order), NUL between them. */
    readonly joinedPaths: string,
    private readonly numbers: Float64Array,
    /** Row numbers, newest first. */
    readonly order: Int32Array,
    private readonly kinds: string,
    private readonly dateKeys: string,
    private readonly orders: (number | null)[],
    private readonly titlesJson: () => string,
    private readonly fd: number,
    private readonly recordsAt: number,
    private readonly recordsLength: number,
    private readonly recordStarts: Float64Array,
  ) {}

  /** Paths in scan order (row order). */
  get paths(): string[] {
    this.pathList ??= this.count === 0 ? [] : this.joinedPaths.split('\0');
    return this.pathList;
  }

  sameStamp(row: number, size: number, mtimeMs: number, ctimeMs: number): boolean {
    const n = this.numbers;
    return n[row * 4] === size && n[row * 4 + 1] === mtimeMs && n[row * 4 + 2] === ctimeMs;
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

  title(row: number): string {
    this.titleList ??= JSON.parse(this.titlesJson()) as string[];
    return this.titleList[row] ?? '';
  }

  /** A record's bytes: read on its own while few are wanted, then all records in one read. */
  record(row: number): Buffer {
    const start = this.recordStarts[row]!;
    const length = this.numbers[row * 4 + 3]!;
    if (!this.region && ++this.lazyReads > 64) this.region = readAt(this.fd, this.recordsLength, this.recordsAt);
    return this.region ? this.region.subarray(start, start + length) : readAt(this.fd, length, this.recordsAt + start);
  }

  /**
   * Each row's record in turn, read through one window of the file rather than all at once:
   * records are stored newest first, so the archive's order (or its reverse) reads the file
   * in one pass. The bytes given to `fn` are valid only until it returns.
   */
  eachRecord(rows: Iterable<number>, fn: (bytes: Buffer) => void): void {
    if (this.region) {
      for (const row of rows) fn(this.record(row));
      return;
    }
    const window = Buffer.allocUnsafe(WINDOW);
    let from = 0;
    let to = 0; // the window holds bytes [from, to) of the records region
    let last = 0;
    for (const row of rows) {
      const start = this.recordStarts[row]!;
      const end = start + this.numbers[row * 4 + 3]!;
      if (end - start > WINDOW) fn(readAt(this.fd, end - start, this.recordsAt + start));
      else {
        if (start < from || end > to) {
          // Going forward, the window starts at this record; going back, it ends with it.
          from = start >= last ? start : Math.max(0, end - WINDOW);
          to = Math.min(this.recordsLength, from + WINDOW);
          readInto(this.fd, window, to - from, this.recordsAt + from);
        }
        fn(window.subarray(start - from, end - from));
      }
      last = start;
    }
  }

  row(row: number): RowData {
    const data: RowData = { path: this.paths[row]!, ...this.stamp(row), draft: this.draft(row), dateKey: this.dateKey(row), title: this.title(row) };
    const type = this.type(row);
    if (type) {
      data.type = type;
      data.record = this.record(row);
    }
    const order = this.orders[row];
    if (order !== null && order !== undefined) data.order = order;
    return data;
  }
}

function nulCount(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\0'); at !== -1; at = text.indexOf('\0', at + 1)) n++;
  return n;
}

/** A sound index for this root and version; undefined when there is none or it is damaged. */
export function readIndex(file: string, realRoot: string, psgVersion: string): IndexData | undefined {
  // Only a regular file: a pipe put in its place must not hang psg.
  const opened = openRegular(file);
  if (!opened.ok) return undefined;
  const fd = opened.fd;
  try {
    const size = opened.stat.size;
    check(size >= PRELUDE);
    const prelude = /^psg-index (\d+) (\d+) *\n$/.exec(readAt(fd, PRELUDE, 0).toString('latin1'));
    check(prelude !== null);
    const metaBytes = Number(prelude[1]);
    const binaryBytes = Number(prelude[2]);
    check(PRELUDE + metaBytes + binaryBytes <= size);
    const meta = readAt(fd, metaBytes, PRELUDE);
    const lines: [number, number][] = [];
    for (let at = 0; at < meta.length; ) {
      const nl = meta.indexOf(0x0a, at);
      check(nl !== -1);
      lines.push([at, nl]);
      at = nl + 1;
    }
    check(lines.length === 6);
    const line = (i: number) => meta.toString('utf8', lines[i]![0], lines[i]![1]);
    const header = JSON.parse(line(0)) as Header;
    if (header.format !== 'psg-index' || header.version !== versionTag(psgVersion) || header.root !== realRoot) {
      closeSync(fd);
      return undefined;
    }
    const n = header.count;
    const paths = JSON.parse(line(1)) as string;
    const kinds = JSON.parse(line(2)) as string;
    const dateKeys = JSON.parse(line(3)) as string;
    const orders = JSON.parse(line(4)) as (number | null)[];
    check(typeof paths === 'string' && nulCount(paths) === Math.max(0, n - 1) && kinds.length === n && dateKeys.length === KEY_WIDTH * n && orders.length === n);
    check(binaryBytes === n * 32 + n * 4);
    const binary = readAt(fd, binaryBytes, PRELUDE + metaBytes);
    // Copied into arrays of their own: the bytes need not be aligned for Float64Array.
    const numbers = new Float64Array(n * 4);
    Buffer.from(numbers.buffer).set(binary.subarray(0, n * 32));
    const order = new Int32Array(n);
    Buffer.from(order.buffer).set(binary.subarray(n * 32));
    const recordsAt = PRELUDE + metaBytes + binaryBytes;
    // Records are stored in the archive's order: the unreadable rows have none.
    const starts = new Float64Array(n);
    let pos = 0;
    for (const row of order) {
      check(row >= 0 && row < n);
      if (kinds[row] === '-') continue;
      starts[row] = pos;
      pos += numbers[row * 4 + 3]! + 1;
    }
    check(recordsAt + pos === size);
    const titles = lines[5]!;
    return new IndexData(n, paths, numbers, order, kinds, dateKeys, orders, () => meta.toString('utf8', titles[0], titles[1]), fd, recordsAt, pos, starts);
  } catch {
    closeSync(fd);
    return undefined; // damaged or truncated: rebuild
  }
}

/**
 * Write the index: `rows` in scan order, `newest` their positions newest first. Rows whose
 * file changed within `racyMs` of `startedAt` are left out: a second write in the same clock
 * tick could leave size and times unchanged, and such a file must be read again next time
 * rather than trusted (git calls this "racily clean").
 */
export function writeIndex(
  file: string,
  realRoot: string,
  psgVersion: string,
  rows: readonly RowData[],
  newest: readonly number[],
  startedAt: number,
  racyMs = 2000,
): void {
  const keep = rows.map((r) => r.mtimeMs < startedAt - racyMs && r.ctimeMs < startedAt - racyMs);
  const renumber = new Int32Array(rows.length).fill(-1);
  const paths: string[] = [];
  const kinds: string[] = [];
  const dateKeys: string[] = [];
  const orders: (number | null)[] = [];
  const titles: string[] = [];
  const numbers = new Float64Array(rows.length * 4);
  const readable = (r: RowData) => r.type !== undefined && r.record !== undefined;
  rows.forEach((r, i) => {
    if (!keep[i]) return;
    const at = paths.length;
    renumber[i] = at;
    paths.push(r.path);
    kinds.push(readable(r) ? (r.draft ? KIND[r.type!].toUpperCase() : KIND[r.type!]) : '-');
    dateKeys.push(r.dateKey.padEnd(KEY_WIDTH).slice(0, KEY_WIDTH));
    orders.push(r.order ?? null);
    titles.push(r.title);
    const record = readable(r) ? r.record! : '';
    numbers[at * 4] = r.size;
    numbers[at * 4 + 1] = r.mtimeMs;
    numbers[at * 4 + 2] = r.ctimeMs;
    numbers[at * 4 + 3] = typeof record === 'string' ? Buffer.byteLength(record) : record.length;
  });
  const order = Int32Array.from(newest.filter((i) => keep[i]).map((i) => renumber[i]!));
  const header: Header = { format: 'psg-index', version: versionTag(psgVersion), root: realRoot, count: paths.length };
  // The meta lines are written one by one: joined, they would be another copy of them all.
  const meta = [header, paths.join('\0'), kinds.join(''), dateKeys.join(''), orders, titles].map((v) => Buffer.from(`${JSON.stringify(v)}\n`));
  const metaBytes = meta.reduce((n, line) => n + line.length, 0);
  const binary = Buffer.concat([Buffer.from(numbers.buffer, 0, paths.length * 32), Buffer.from(order.buffer)]);
  const prelude = `psg-index ${metaBytes} ${binary.length}`.padEnd(PRELUDE - 1) + '\n';
  writeFileAtomic(
    file,
    (write) => {
      write(prelude);
      for (const line of meta) write(line);
      write(binary);
      // The records, newest first, a megabyte a write.
      const batch = new ByteBatcher((bytes) => {
        write(bytes);
        return true;
      });
      for (const i of newest) {
        const r = rows[i]!;
        if (!keep[i] || !readable(r)) continue;
        batch.add(r.record!);
        batch.add(NEWLINE);
      }
      batch.flush();
    },
    { overwrite: true },
  );
}
