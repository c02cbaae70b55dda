// The index: what every article file said when psg last read it, with the file's size,
// modification time and change time. A row is used only while all three still match, so an
// edited, added, deleted or renamed file shows at once. The file is written atomically; one
// from another version of psg is ignored and rebuilt, and so is a damaged one: every part
// carries a CRC-32, checked as it is read.
//
// Laid out so that checking 100,000 files against it reads a few megabytes and parses a few
// arrays, every query is answered from its columns, and printing records needs no parsing:
//   prelude   64 bytes: "psg-index <metaBytes> <binaryBytes> <metaCrc> <binaryCrc>", padded, "\n"
//   meta      lines: the header {format, version, root, id, count, ids, blocks, pathsBytes,
//             titlesBytes, slugsBytes} as JSON; the paths as they are (UTF-8, NUL between
//             them, pathsBytes long: a name may hold a newline), so that a whole scan is
//             compared in one step and a stat thread hands them to the native helper without
//             parsing them; kinds and date keys as JSON; the titles as they are (titlesBytes
//             long, NUL between them, so that a few are read without making 100,000; a JSON
//             list when a title holds a NUL); the slugs as they are (slugsBytes long); the
//             names the ids stand for as JSON
//   binary    Float64 × 6 a row (see columns.ts), Int32 × n: the rows newest first, Int32 × n
//             authors, Int32 × n series, Int32 × (4n + 1) list starts, Int32 × ids list ids,
//             Uint32 × blocks: the CRC-32 of each 64 KB block of the records
//   records   each readable row's JSON record and "\n", newest first, so that a list of
//             everything is one pass over the file; read only when asked for, and each block
//             checked the first time it is read
// Rows are in the order the folder scan gives, so a run compares paths by position.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { ByteBatcher } from '../ui/chunked.js';
import { writeFileAtomic } from './atomic.js';
import { openRegular } from './read.js';
import { PRELUDE, PRELUDE_PATTERN } from './index-paths.js';
import { Columns, KEY_WIDTH, LISTS, NUMBERS, type RowData } from './columns.js';

export type { RowData } from './columns.js';

/** Bump when the index layout or the meaning of a record changes. */
const LAYOUT = 10;
const NEWLINE = Buffer.from('\n');
/** The records are checked in blocks of this many bytes. */
export const BLOCK = 1 << 16;

interface Header {
  format: 'psg-index';
  version: string;
  root: string;
  /** Made afresh for each index written: the files kept beside it name the index they go with. */
  id: string;
  count: number;
  /** How many list ids there are. */
  ids: number;
  /** How many blocks of records. */
  blocks: number;
  /** Bytes of the paths and of the slugs lines (without their newline), which are not JSON. */
  pathsBytes: number;
  slugsBytes: number;
  /** Bytes of the titles line when it is as they are (NUL between them); -1 when it is a JSON list (a title holds a NUL). */
  titlesBytes: number;
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

/** How much of the records a streaming read holds at once (whole blocks). */
export const WINDOW = 16 * BLOCK;

/** A record's bytes, or undefined when its block is damaged (the caller reads the file instead). */
export type RecordBytes = Buffer | undefined;

/** A loaded index: its columns, and its records read from the file it keeps open. */
export class IndexData extends Columns {
  private region: Buffer | undefined;
  private lazyReads = 0;
  /** Per block: 0 not yet checked, 1 sound, 2 damaged. */
  private readonly checked: Uint8Array;
  /** The paths as the file stores them (UTF-8, NUL between them): what the native stat helper takes. */
  rawPaths: Buffer | undefined;

  constructor(
    columns: Columns,
    /** This index's id (see Header). */
    readonly indexId: string,
    /** Row numbers, newest first. */
    readonly order: Int32Array,
    private readonly fd: number,
    private readonly recordsAt: number,
    private readonly recordsLength: number,
    private readonly recordStarts: Float64Array,
    private readonly blockCrcs: Uint32Array,
  ) {
    super(
      columns.count,
      columns.joinedPaths,
      columns.kinds,
      columns.dateKeys,
      () => columns.joinedTitles() ?? columns.allTitles(),
      columns.joinedSlugs,
      columns.names,
      columns.numbers,
      columns.authors,
      columns.series,
      columns.listStarts,
      columns.listIds,
    );
    this.checked = new Uint8Array(blockCrcs.length);
  }

  /** Whether no damage has been met in the records so far. */
  get sound(): boolean {
    return !this.checked.includes(2);
  }

  /**
   * Check the blocks that hold bytes [from, to) of the records; `held` holds the records
   * from byte `heldAt`, and blocks it does not hold whole are read on their own.
   */
  private blocksSound(from: number, to: number, held?: Buffer, heldAt = 0, heldEnd = heldAt + (held?.length ?? 0)): boolean {
    let ok = true;
    for (let b = Math.floor(from / BLOCK); b * BLOCK < to; b++) {
      if (this.checked[b] === 0) {
        const start = b * BLOCK;
        const end = Math.min(this.recordsLength, start + BLOCK);
        let bytes: Buffer;
        if (held && start >= heldAt && end <= heldEnd) bytes = held.subarray(start - heldAt, end - heldAt);
        else {
          try {
            bytes = readAt(this.fd, end - start, this.recordsAt + start);
          } catch {
            this.checked[b] = 2;
            ok = false;
            continue;
          }
        }
        this.checked[b] = crc32(bytes) === this.blockCrcs[b] ? 1 : 2;
      }
      if (this.checked[b] === 2) ok = false;
    }
    return ok;
  }

  private span(row: number): [number, number] {
    const start = this.recordStarts[row]!;
    return [start, start + this.recordLength(row)];
  }

  /** A record's bytes: read on their own while few are wanted, then all records in one read. */
  record(row: number): RecordBytes {
    const [start, end] = this.span(row);
    if (!this.region && ++this.lazyReads > 64) {
      try {
        this.region = readAt(this.fd, this.recordsLength, this.recordsAt);
      } catch {
        this.region = Buffer.alloc(this.recordsLength); // fails every check below: the files are read instead
      }
    }
    if (this.region) return this.blocksSound(start, end, this.region, 0) ? this.region.subarray(start, end) : undefined;
    // The whole blocks that hold the record, so that they can be checked.
    const from = Math.floor(start / BLOCK) * BLOCK;
    const to = Math.min(this.recordsLength, Math.ceil(end / BLOCK) * BLOCK);
    let held: Buffer;
    try {
      held = readAt(this.fd, to - from, this.recordsAt + from);
    } catch {
      return undefined;
    }
    return this.blocksSound(start, end, held, from) ? held.subarray(start - from, end - from) : undefined;
  }

  /**
   * Each row's record in turn, read through one window of the file rather than all at once:
   * records are stored newest first, so the archive's order (or its reverse) reads the file
   * in one pass. The bytes given to `fn` are valid only until it returns; undefined when the
   * record's block is damaged.
   */
  eachRecord(rows: Iterable<number>, fn: (bytes: RecordBytes, row: number) => void): void {
    this.eachRecordIn(rows, (buf, start, end, row) => fn(buf?.subarray(start, end), row));
  }

  /**
   * The same, each record given as bytes [start, end) of a buffer rather than a view of its
   * own: printing 100,000 records makes no 100,000 small buffers. `buf` is undefined when
   * the record's block is damaged. `window` (WINDOW bytes) is where the file is read into.
   */
  eachRecordIn(rows: Iterable<number>, fn: (buf: Buffer | undefined, start: number, end: number, row: number) => void, window: Buffer = Buffer.allocUnsafe(WINDOW)): void {
    if (this.region) {
      for (const row of rows) {
        const [start, end] = this.span(row);
        fn(this.blocksSound(start, end, this.region, 0) ? this.region : undefined, start, end, row);
      }
      return;
    }
    let from = 0;
    let to = 0; // the window holds bytes [from, to) of the records region
    let last = 0;
    for (const row of rows) {
      const start = this.recordStarts[row]!;
      const end = start + this.recordLength(row);
      if (end - start > WINDOW - BLOCK) {
        const bytes = this.record(row);
        fn(bytes, 0, bytes?.length ?? 0, row);
      } else {
        if (start < from || end > to) {
          // Going forward, the window starts at this record's block; going back, it ends with it.
          from = start >= last ? Math.floor(start / BLOCK) * BLOCK : Math.max(0, Math.ceil(end / BLOCK) * BLOCK - WINDOW);
          to = Math.min(this.recordsLength, from + WINDOW);
          try {
            readInto(this.fd, window, to - from, this.recordsAt + from);
          } catch {
            to = from; // nothing held: each block is read on its own, and fails its check
          }
        }
        fn(this.blocksSound(start, end, window, from, to) ? window : undefined, start - from, end - from, row);
      }
      last = start;
    }
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}

function nulCount(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\0'); at !== -1; at = text.indexOf('\0', at + 1)) n++;
  return n;
}

/** Typed arrays of their own from the binary section: its bytes need not be aligned. */
function take<T extends Float64Array | Int32Array | Uint32Array>(make: new (n: number) => T, n: number, bytes: Buffer, at: { pos: number }): T {
  const out = new make(n);
  const length = n * out.BYTES_PER_ELEMENT;
  Buffer.from(out.buffer).set(bytes.subarray(at.pos, at.pos + length));
  at.pos += length;
  return out;
}

/** The index's first sections, checked: its header and the lines of names (paths, kinds, keys, titles, slugs, names). */
interface IndexMeta {
  size: number;
  metaBytes: number;
  binaryBytes: number;
  binaryCrc: number;
  meta: Buffer;
  /** Where each of the seven lines starts and ends in `meta`. */
  lines: [number, number][];
  header: Header;
}

/**
 * The header and the lines of names of the index open at `fd`, checked against their
 * checksum; undefined when they are of another root or version. Throws when damaged.
 */
function readMeta(fd: number, size: number, realRoot: string, psgVersion: string): IndexMeta | undefined {
  check(size >= PRELUDE);
  const prelude = PRELUDE_PATTERN.exec(readAt(fd, PRELUDE, 0).toString('latin1'));
  check(prelude !== null);
  const metaBytes = Number(prelude[1]);
  const binaryBytes = Number(prelude[2]);
  check(PRELUDE + metaBytes + binaryBytes <= size);
  const meta = readAt(fd, metaBytes, PRELUDE);
  check(crc32(meta) === Number(prelude[3]));
  const first = meta.indexOf(0x0a);
  check(first !== -1);
  const header = JSON.parse(meta.toString('utf8', 0, first)) as Header;
  if (header.format !== 'psg-index' || header.version !== versionTag(psgVersion) || header.root !== realRoot || typeof header.id !== 'string') return undefined;
  check(Number.isSafeInteger(header.pathsBytes) && Number.isSafeInteger(header.slugsBytes) && Number.isSafeInteger(header.titlesBytes));
  const lines: [number, number][] = [[0, first]];
  // The raw lines (paths, titles, slugs) are as long as the header says; the others end at a newline.
  const raw: Record<number, number> = { 1: header.pathsBytes, 5: header.slugsBytes };
  if (header.titlesBytes >= 0) raw[4] = header.titlesBytes;
  for (let at = first + 1; at < meta.length; ) {
    const end = raw[lines.length] !== undefined ? at + raw[lines.length]! : meta.indexOf(0x0a, at);
    check(end >= at && end < meta.length && meta[end] === 0x0a);
    lines.push([at, end]);
    at = end + 1;
  }
  check(lines.length === 7);
  return { size, metaBytes, binaryBytes, binaryCrc: Number(prelude[4]), meta, lines, header };
}

/**
 * The index's id, count, slugs, kinds ('-' for a file that is no article) and (on demand)
 * paths, NUL between them, read from its checked first sections only: what psg new needs
 * to know that a slug is free. Undefined when there is no sound index for this root and
 * version.
 */
export function readIndexNames(file: string, realRoot: string, psgVersion: string): { id: string; count: number; slugs: string; kinds: string; paths: () => string } | undefined {
  const opened = openRegular(file);
  if (!opened.ok) return undefined;
  try {
    const m = readMeta(opened.fd, opened.stat.size, realRoot, psgVersion);
    if (!m) return undefined;
    const text = (i: number) => m.meta.toString('utf8', m.lines[i]![0], m.lines[i]![1]);
    const slugs = text(5);
    const kinds = JSON.parse(text(2)) as unknown;
    const n = m.header.count;
    check(nulCount(slugs) === Math.max(0, n - 1) && typeof kinds === 'string' && kinds.length === n);
    return { id: m.header.id, count: n, slugs, kinds, paths: () => text(1) };
  } catch {
    return undefined;
  } finally {
    closeSync(opened.fd);
  }
}

/** A sound index for this root and version; undefined when there is none or it is damaged. */
export function readIndex(file: string, realRoot: string, psgVersion: string): IndexData | undefined {
  // Only a regular file, opened without waiting: a FIFO or a device in its place must never block the run.
  const opened = openRegular(file);
  if (!opened.ok) return undefined;
  const fd = opened.fd;
  try {
    const m = readMeta(fd, opened.stat.size, realRoot, psgVersion);
    if (!m) {
      closeSync(fd);
      return undefined;
    }
    const { size, metaBytes, binaryBytes, meta, lines, header } = m;
    const line = (i: number) => meta.toString('utf8', lines[i]![0], lines[i]![1]);
    const { count: n, ids, blocks } = header;
    const paths = line(1);
    const kinds = JSON.parse(line(2)) as string;
    const dateKeys = JSON.parse(line(3)) as string;
    const slugs = line(5);
    const names = JSON.parse(line(6)) as string[];
    check(nulCount(paths) === Math.max(0, n - 1) && typeof kinds === 'string' && kinds.length === n && typeof dateKeys === 'string' && dateKeys.length === KEY_WIDTH * n);
    check(nulCount(slugs) === Math.max(0, n - 1) && Array.isArray(names));
    check(binaryBytes === n * NUMBERS * 8 + n * 4 * 3 + (n * LISTS + 1) * 4 + ids * 4 + blocks * 4);
    const binary = readAt(fd, binaryBytes, PRELUDE + metaBytes);
    check(crc32(binary) === m.binaryCrc);
    const at = { pos: 0 };
    const numbers = take(Float64Array, n * NUMBERS, binary, at);
    const order = take(Int32Array, n, binary, at);
    const authors = take(Int32Array, n, binary, at);
    const series = take(Int32Array, n, binary, at);
    const listStarts = take(Int32Array, n * LISTS + 1, binary, at);
    const listIds = take(Int32Array, ids, binary, at);
    const blockCrcs = take(Uint32Array, blocks, binary, at);
    const recordsAt = PRELUDE + metaBytes + binaryBytes;
    // Records are stored in the archive's order: the unreadable rows have none.
    const starts = new Float64Array(n);
    let pos = 0;
    for (const row of order) {
      check(row >= 0 && row < n);
      if (kinds[row] === '-') continue;
      starts[row] = pos;
      pos += numbers[row * NUMBERS + 3]! + 1;
    }
    check(recordsAt + pos === size && blocks === Math.ceil(pos / BLOCK));
    const titles = lines[4]!;
    // One string (NUL between the titles) unless a title holds a NUL; a list then.
    const titlesOf = () => (header.titlesBytes >= 0 ? meta.toString('utf8', titles[0], titles[1]) : (JSON.parse(meta.toString('utf8', titles[0], titles[1])) as string[]));
    const columns = new Columns(n, paths, kinds, dateKeys, titlesOf, slugs, names, numbers, authors, series, listStarts, listIds);
    const data = new IndexData(columns, header.id, order, fd, recordsAt, pos, starts, blockCrcs);
    data.rawPaths = meta.subarray(lines[1]![0], lines[1]![1]);
    return data;
  } catch {
    closeSync(fd);
    return undefined; // damaged or truncated: rebuild
  }
}

/**
 * Write the index: `rows` in scan order, `newest` their positions newest first. Rows whose
 * file changed within `racyMs` of `startedAt` are left out: a second write in the same clock
 * tick could leave size and times unchanged, and such a file must be read again next time
 * rather than trusted (git calls this "racily clean"). The cache folder must exist: the
 * caller prepares it, and treats any failure here as "run without an index". Gives the
 * new index's id, and whether it holds every row (none left out as racy).
 */
export function writeIndex(
  file: string,
  realRoot: string,
  psgVersion: string,
  rows: readonly RowData[],
  newest: readonly number[],
  startedAt: number,
  racyMs = 2000,
  /** The columns of all `rows`, when the caller has them: used as they are if every row is kept. */
  built?: Columns,
): { id: string; complete: boolean } {
  const keep = rows.map((r) => r.mtimeMs < startedAt - racyMs && r.ctimeMs < startedAt - racyMs);
  const renumber = new Int32Array(rows.length).fill(-1);
  let kept = 0;
  rows.forEach((_, i) => {
    if (keep[i]) renumber[i] = kept++;
  });
  const columns = built && kept === rows.length ? built : Columns.fromRows(rows, (i) => keep[i]!);
  const readable = (r: RowData) => r.type !== undefined && r.record !== undefined;
  const order = Int32Array.from(newest.filter((i) => keep[i]).map((i) => renumber[i]!));
  // The records, newest first, in blocks with a CRC each.
  const recordRows = newest.filter((i) => keep[i] && readable(rows[i]!));
  let recordsLength = 0;
  for (const i of recordRows) recordsLength += columns.recordLength(renumber[i]!) + 1;
  const blockCrcs = new Uint32Array(Math.ceil(recordsLength / BLOCK));
  {
    // Each block is gathered whole and checksummed in one call: two calls a record cost more.
    let block = 0;
    const crcOf = new ByteBatcher((bytes) => {
      blockCrcs[block++] = crc32(bytes);
      return true;
    }, BLOCK);
    for (const i of recordRows) {
      // As bytes: a string would be let go early, for fear it might not fit, and the blocks
      // must be exactly BLOCK long.
      const record = rows[i]!.record!;
      crcOf.add(typeof record === 'string' ? Buffer.from(record, 'utf8') : record);
      crcOf.add(NEWLINE);
    }
    crcOf.flush();
  }
  const id = randomBytes(8).toString('hex');
  const rawPaths = Buffer.from(columns.joinedPaths, 'utf8');
  const rawSlugs = Buffer.from(columns.joinedSlugs, 'utf8');
  const joinedTitles = columns.joinedTitles();
  const titles = joinedTitles === undefined ? Buffer.from(`${JSON.stringify(columns.allTitles())}\n`) : Buffer.from(`${joinedTitles}\n`);
  const header: Header = {
    format: 'psg-index',
    version: versionTag(psgVersion),
    root: realRoot,
    id,
    count: columns.count,
    ids: columns.listIds.length,
    blocks: blockCrcs.length,
    pathsBytes: rawPaths.length,
    slugsBytes: rawSlugs.length,
    titlesBytes: joinedTitles === undefined ? -1 : titles.length - 1,
  };
  // The meta lines are written one by one: joined, they would be another copy of them all.
  const json = (v: unknown) => Buffer.from(`${JSON.stringify(v)}\n`);
  const meta = [json(header), rawPaths, NEWLINE, json(columns.kinds), json(columns.dateKeys), titles, rawSlugs, NEWLINE, json(columns.names)];
  const metaBytes = meta.reduce((n, line) => n + line.length, 0);
  let metaCrc = 0;
  for (const line of meta) metaCrc = crc32(line, metaCrc);
  const bytesOf = (a: Float64Array | Int32Array | Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const binary = Buffer.concat([columns.numbers, order, columns.authors, columns.series, columns.listStarts, columns.listIds, blockCrcs].map(bytesOf));
  const prelude = `psg-index ${metaBytes} ${binary.length} ${metaCrc} ${crc32(binary)}`.padEnd(PRELUDE - 1) + '\n';
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
      for (const i of recordRows) {
        batch.add(rows[i]!.record!);
        batch.add(NEWLINE);
      }
      batch.flush();
    },
    { overwrite: true, durable: false },
  );
  return { id, complete: kept === rows.length };
}
