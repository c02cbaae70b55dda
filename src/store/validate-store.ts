// The file validate keeps its results in, laid out so that a run with nothing changed reads
// only what it prints. Each file's results are three pieces of text: the plain report lines
// of all its problems, its own problems as JSON, and the problems the rules across files
// gave it as JSON. They are kept in blocks of BLOCK files (in report order, that is by
// path); a block holds its files' report lines, then their JSON, then the JSON of the rules
// across files, each part with its own checksum, so that printing reads one part of each
// block and checks only that. After the blocks come the table (a row of numbers a file,
// the paths, the series names) and, last, a fixed-size trailer that says where each part is.
// A cache file need not survive a power cut: it is written without fsync, and a torn or
// damaged one is found by its checksums.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Totals } from '../render/report.js';
import { ByteBatcher } from '../ui/chunked.js';
import { openRegular } from './read.js';

export const LAYOUT = 3;
/** Files a block. */
export const BLOCK = 256;
const TRAILER = 1024;

/** The numbers of a row, by field. */
export const F = {
  size: 0,
  mtimeMs: 1,
  ctimeMs: 2,
  /** Byte lengths of the three pieces. */
  stylish: 3,
  own: 4,
  arch: 5,
  /** crc32 of the rules across files' JSON: tells whether it changed without reading it. */
  archCrc: 6,
  errors: 7,
  warnings: 8,
  fixable: 9,
  suggestions: 10,
  /** FACTS | FUTURE. */
  flags: 11,
  /** The part as counted (NaN for none). */
  part: 12,
  partLine: 13,
  partColumn: 14,
  seriesLine: 15,
  seriesColumn: 16,
} as const;
export const FIELDS = 17;
export const FACTS = 1;
export const FUTURE = 2;

/** The three parts of a block. */
export const PARTS = 3;

export interface StoredHead {
  format: 'psg-validate';
  layout: number;
  key: string;
  today: string;
  count: number;
  totals: Totals;
}

export interface Stored extends StoredHead {
  /** FIELDS numbers a row, rows in report order (by position). */
  numbers: Float64Array;
  /** For each position, its row (scan order) when written. */
  scanRow: Int32Array;
  /** The paths in scan order, NUL between them, as the archive's columns join them. */
  joinedPaths: string;
  /** For each position, the series as counted ('' for none). */
  series: string[];
  /** For each block and part, its start in the file and crc32. */
  partStart: Float64Array;
  partCrc: Uint32Array;
  fd: number;
}

interface Trailer extends StoredHead {
  tableAt: number;
  tableBytes: number;
  tableCrc: number;
  pathsBytes: number;
  seriesBytes: number;
}

function readAt(fd: number, bytes: Buffer, position: number): boolean {
  let got = 0;
  while (got < bytes.length) {
    const n = readSync(fd, bytes, got, bytes.length - got, position + got);
    if (n === 0) return false;
    got += n;
  }
  return true;
}

/** Where each block's parts start, from the rows' lengths (one past the last: the table). */
function partStarts(numbers: Float64Array, count: number): Float64Array {
  const blocks = Math.ceil(count / BLOCK);
  const starts = new Float64Array(blocks * PARTS + 1);
  let at = 0;
  for (let b = 0; b < blocks; b++) {
    for (let part = 0; part < PARTS; part++) {
      starts[b * PARTS + part] = at;
      for (let p = b * BLOCK; p < Math.min(count, (b + 1) * BLOCK); p++) at += numbers[p * FIELDS + F.stylish + part]!;
    }
  }
  starts[blocks * PARTS] = at;
  return starts;
}

/** The results stored under `key`, or undefined (none, another key or layout, damaged). The fd is the caller's to close. */
export function readStored(file: string, key: string): Stored | undefined {
  const opened = openRegular(file);
  if (!opened.ok) return undefined;
  const { fd, stat } = opened;
  try {
    if (stat.size < TRAILER) throw new Error('short');
    const tail = Buffer.allocUnsafe(TRAILER);
    if (!readAt(fd, tail, stat.size - TRAILER)) throw new Error('short');
    const t = JSON.parse(tail.toString('utf8')) as Trailer;
    if (t.format !== 'psg-validate' || t.layout !== LAYOUT || t.key !== key || t.tableAt + t.tableBytes + TRAILER !== stat.size) throw new Error('other');
    const table = Buffer.allocUnsafeSlow(t.tableBytes);
    if (!readAt(fd, table, t.tableAt) || crc32(table) !== t.tableCrc) throw new Error('damaged');
    const n = t.count;
    const blocks = Math.ceil(n / BLOCK);
    const numbers = new Float64Array(table.buffer, 0, n * FIELDS);
    let at = n * FIELDS * 8;
    const scanRow = new Int32Array(table.buffer, at, n);
    at += n * 4;
    const partCrc = new Uint32Array(table.buffer, at, blocks * PARTS);
    at += blocks * PARTS * 4;
    const joinedPaths = table.toString('utf8', at, at + t.pathsBytes);
    at += t.pathsBytes;
    const series = n === 0 ? [] : table.toString('utf8', at, at + t.seriesBytes).split('\0');
    const partStart = partStarts(numbers, n);
    if (series.length !== n || partStart[blocks * PARTS] !== t.tableAt) throw new Error('damaged');
    return { ...t, numbers, scanRow, joinedPaths, series, partStart, partCrc, fd };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

/** One part of each block, read when first asked for and checked against its checksum. */
export class PartReader {
  private block = -1;
  private bytes: Buffer = Buffer.alloc(0);
  private ok = false;
  /** Where each position's piece starts in `bytes`. */
  private starts: number[] = [];

  constructor(
    private readonly stored: Stored,
    private readonly part: number,
  ) {}

  /** The piece of position `p`, or undefined when its block is damaged. Valid until the next call. */
  piece(p: number): Buffer | undefined {
    if (!this.load(p)) return undefined;
    const at = this.starts[p - this.block * BLOCK]!;
    return this.bytes.subarray(at, at + this.stored.numbers[p * FIELDS + F.stylish + this.part]!);
  }

  /** The piece of position `p` copied into `out` (no view made of it); false when its block is damaged. */
  pieceInto(p: number, out: ByteBatcher): boolean {
    if (!this.load(p)) return false;
    const at = this.starts[p - this.block * BLOCK]!;
    out.addRange(this.bytes, at, at + this.stored.numbers[p * FIELDS + F.stylish + this.part]!);
    return true;
  }

  /** The block of position `p` read and checked, unless it is the one held; false when it is damaged. */
  private load(p: number): boolean {
    const s = this.stored;
    const b = Math.floor(p / BLOCK);
    if (b !== this.block) {
      this.block = b;
      const from = s.partStart[b * PARTS + this.part]!;
      const length = s.partStart[b * PARTS + this.part + 1]! - from;
      if (this.bytes.length < length) this.bytes = Buffer.allocUnsafe(Math.max(length, this.bytes.length * 2));
      const view = this.bytes.subarray(0, length);
      this.ok = readAt(s.fd, view, from) && crc32(view) === s.partCrc[b * PARTS + this.part];
      this.starts = [];
      let at = 0;
      for (let q = b * BLOCK; q < Math.min(s.count, (b + 1) * BLOCK); q++) {
        this.starts.push(at);
        at += s.numbers[q * FIELDS + F.stylish + this.part]!;
      }
    }
    return this.ok;
  }
}

/** Writes a new results file, row by row in report order, into a temp file renamed into place at the end. */
export class StoredWriter {
  private readonly temp: string;
  private fd: number | undefined;
  private out: ByteBatcher | undefined;
  private written = 0;
  private readonly numbers: Float64Array;
  private readonly scanRow: Int32Array;
  private readonly series: string[] = [];
  private readonly partCrc: Uint32Array;
  private pending: [(string | Uint8Array)[], (string | Uint8Array)[], (string | Uint8Array)[]] = [[], [], []];
  private p = 0;
  failed = false;

  constructor(
    private readonly file: string,
    private readonly head: Omit<StoredHead, 'format' | 'layout'>,
    private readonly joinedPaths: string,
  ) {
    const n = head.count;
    this.numbers = new Float64Array(n * FIELDS);
    this.scanRow = new Int32Array(n);
    this.partCrc = new Uint32Array(Math.ceil(n / BLOCK) * PARTS);
    this.temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      this.fd = openSync(this.temp, 'wx', 0o644);
      const fd = this.fd;
      this.out = new ByteBatcher((bytes) => {
        let at = 0;
        while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
        this.written += bytes.length;
        return true;
      });
    } catch {
      this.failed = true;
    }
  }

  /** The next position's row: its numbers (lengths are filled in here), series and pieces. */
  add(row: number, numbers: ArrayLike<number>, series: string, pieces: [string | Uint8Array, string | Uint8Array, string | Uint8Array]): void {
    if (this.failed) return;
    const p = this.p++;
    this.numbers.set(numbers, p * FIELDS);
    for (let part = 0; part < PARTS; part++) {
      const piece = pieces[part]!;
      this.numbers[p * FIELDS + F.stylish + part] = typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length;
      // Bytes may be a reader's, reused for its next block: copied.
      this.pending[part]!.push(typeof piece === 'string' ? piece : Buffer.from(piece));
    }
    this.scanRow[p] = row;
    this.series.push(series);
    if (this.p % BLOCK === 0 || this.p === this.head.count) this.flushBlock();
  }

  private flushBlock(): void {
    const b = Math.ceil(this.p / BLOCK) - 1;
    try {
      for (let part = 0; part < PARTS; part++) {
        let crc = 0;
        for (const piece of this.pending[part]!) {
          crc = crc32(piece, crc);
          this.out!.add(piece);
        }
        this.partCrc[b * PARTS + part] = crc;
      }
    } catch {
      this.failed = true;
    }
    this.pending = [[], [], []];
  }

  /** Write the table and trailer and put the file in place; false when it could not be stored. */
  finish(): boolean {
    if (this.failed || this.p !== this.head.count) return this.abort();
    try {
      this.out!.flush();
      const tableAt = this.written;
      const paths = Buffer.from(this.joinedPaths, 'utf8');
      const series = Buffer.from(this.series.join('\0'), 'utf8');
      const parts = [Buffer.from(this.numbers.buffer), Buffer.from(this.scanRow.buffer), Buffer.from(this.partCrc.buffer), paths, series];
      let tableCrc = 0;
      for (const part of parts) {
        tableCrc = crc32(part, tableCrc);
        this.out!.add(part);
      }
      const tableBytes = parts.reduce((sum, part) => sum + part.length, 0);
      const trailer: Trailer = { format: 'psg-validate', layout: LAYOUT, ...this.head, tableAt, tableBytes, tableCrc, pathsBytes: paths.length, seriesBytes: series.length };
      const text = JSON.stringify(trailer);
      if (Buffer.byteLength(text) >= TRAILER) return this.abort();
      this.out!.add(text.padEnd(TRAILER - 1) + '\n');
      this.out!.flush();
      closeSync(this.fd!);
      this.fd = undefined;
      renameSync(this.temp, this.file);
      return true;
    } catch {
      return this.abort();
    }
  }

  abort(): false {
    this.failed = true;
    try {
      if (this.fd !== undefined) closeSync(this.fd);
    } catch {
      /* closed already */
    }
    this.fd = undefined;
    try {
      unlinkSync(this.temp);
    } catch {
      /* never made, or renamed into place */
    }
    return false;
  }
}
