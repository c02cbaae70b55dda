// The index: what every article file said when psg last read it, with the file's size,
// modification time and change time. A row is used only while all three still match, so an
// edited, added, deleted or renamed file shows at once. The file is written atomically; a
// damaged one, or one from another version of psg, is ignored and rebuilt.
//
// Laid out so that checking 100,000 files against it reads a few megabytes and parses a few
// arrays, and printing records needs no parsing at all:
//   prelude   64 bytes: "psg-index <metaBytes> <binaryBytes>", space-padded, then "\n"
//   meta      JSON lines: header {version, root, count}, paths, kinds, date keys, orders, titles
//   binary    Float64 × 4 a row (size, mtimeMs, ctimeMs, record length), then Int32 × n: the
//             rows newest first (the archive's order)
//   records   each readable row's JSON record and "\n", in row order; read only when asked for
// Rows are in the order the folder scan gives, so a run compares paths by position.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArticleType } from '../core/article.js';
import { writeFileAtomic } from './atomic.js';
import type { FileStamp } from './read.js';

/** Bump when the index layout or the meaning of a record changes. */
const LAYOUT = 5;
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

/** Read exactly `length` bytes at `position`. */
function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let at = 0;
  while (at < length) {
    const n = readSync(fd, buf, at, length - at, position + at);
    check(n > 0);
    at += n;
  }
  return buf;
}

/** A loaded index, read column by column. It keeps its file open to read records later. */
export class IndexData {
  private titleList: string[] | undefined;
  private region: Buffer | undefined;
  private lazyReads = 0;

  constructor(
    readonly count: number,
    /** Paths in scan order (row order). */
    readonly paths: string[],
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

  /** Read every record now, in one read (for a command that will print them all). */
  loadRecords(): void {
    this.region ??= readAt(this.fd, this.recordsLength, this.recordsAt);
  }

  /** A record's bytes: read on its own while few are wanted, then all records in one read. */
  record(row: number): Buffer {
    const start = this.recordStarts[row]!;
    const length = this.numbers[row * 4 + 3]!;
    if (!this.region && ++this.lazyReads > 64) this.region = readAt(this.fd, this.recordsLength, this.recordsAt);
    return this.region ? this.region.subarray(start, start + length) : readAt(this.fd, length, this.recordsAt + start);
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

/** A sound index for this root and version; undefined when there is none or it is damaged. */
export function readIndex(file: string, realRoot: string, psgVersion: string): IndexData | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
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
    const paths = JSON.parse(line(1)) as string[];
    const kinds = JSON.parse(line(2)) as string;
    const dateKeys = JSON.parse(line(3)) as string;
    const orders = JSON.parse(line(4)) as (number | null)[];
    check(paths.length === n && kinds.length === n && dateKeys.length === KEY_WIDTH * n && orders.length === n);
    check(binaryBytes === n * 32 + n * 4);
    const binary = readAt(fd, binaryBytes, PRELUDE + metaBytes);
    // Copied into arrays of their own: the bytes need not be aligned for Float64Array.
    const numbers = new Float64Array(n * 4);
    Buffer.from(numbers.buffer).set(binary.subarray(0, n * 32));
    const order = new Int32Array(n);
    Buffer.from(order.buffer).set(binary.subarray(n * 32));
    const recordsAt = PRELUDE + metaBytes + binaryBytes;
    const starts = new Float64Array(n);
    let pos = 0;
    for (let row = 0; row < n; row++) {
      starts[row] = pos;
      if (kinds[row] !== '-') pos += numbers[row * 4 + 3]! + 1;
    }
    check(recordsAt + pos === size);
    for (const row of order) check(row >= 0 && row < n);
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
  let kinds = '';
  let dateKeys = '';
  const orders: (number | null)[] = [];
  const titles: string[] = [];
  const numbers: number[] = [];
  // Records made in this run are joined as text, a megabyte at a time; stored ones stay bytes.
  const records: (Uint8Array | string)[] = [];
  let text = '';
  rows.forEach((r, i) => {
    if (!keep[i]) return;
    renumber[i] = paths.length;
    const readable = r.type !== undefined && r.record !== undefined;
    const record = readable ? r.record! : '';
    paths.push(r.path);
    kinds += readable ? (r.draft ? KIND[r.type!].toUpperCase() : KIND[r.type!]) : '-';
    dateKeys += r.dateKey.padEnd(KEY_WIDTH).slice(0, KEY_WIDTH);
    orders.push(r.order ?? null);
    titles.push(r.title);
    numbers.push(r.size, r.mtimeMs, r.ctimeMs, typeof record === 'string' ? Buffer.byteLength(record) : record.length);
    if (!readable) return;
    if (typeof record === 'string') {
      text += `${record}\n`;
      if (text.length > 1 << 20) {
        records.push(text);
        text = '';
      }
    } else {
      if (text) records.push(text);
      text = '';
      records.push(record, NEWLINE);
    }
  });
  if (text) records.push(text);
  const order = Int32Array.from(newest.map((i) => renumber[i]!).filter((i) => i >= 0));
  const header: Header = { format: 'psg-index', version: versionTag(psgVersion), root: realRoot, count: paths.length };
  const meta = Buffer.from(`${[header, paths, kinds, dateKeys, orders, titles].map((v) => JSON.stringify(v)).join('\n')}\n`);
  const binary = Buffer.concat([Buffer.from(Float64Array.from(numbers).buffer), Buffer.from(order.buffer)]);
  const prelude = `psg-index ${meta.length} ${binary.length}`.padEnd(PRELUDE - 1) + '\n';
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, [prelude, meta, binary, ...records], { overwrite: true });
}
