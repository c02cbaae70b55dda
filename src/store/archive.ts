// The articles folder as data: every file found, read and decoded, newest first. Files that
// have not changed since the last run come from the index without being read or parsed; an
// article is parsed from its stored record only when a command asks for it.
import { realpathSync, statSync, unlinkSync } from 'node:fs';
import type { Article, ArticleType } from '../core/article.js';
import type { CoreContext } from '../core/context.js';
import { compareSortKeys } from '../core/query.js';
import { fromRecord } from '../core/record.js';
import { Columns, type RowData } from './columns.js';
import { spliceColumns } from './columns-splice.js';
import { type IndexData, indexPath, readIndex, writeIndex } from './index-file.js';
import { indexRows, unpackRows } from './index-rows.js';
import { runTask, startTaskPool, type TaskName, type TaskPool } from './parallel.js';
import type { CheckedRow, CheckedWithRow } from './check-files.js';
import { scanArticles, type Skipped } from './scan.js';
import { dropStatWorkers, scanPool, statAll } from './stat.js';
import type { DirStamps } from './dir-stamps.js';
import { dirsUnchanged, readDirStamps, type StoredDirs, writeDirStamps } from './dir-stamps-file.js';
import { trace } from '../ui/trace.js';

export interface CacheOptions {
  /** The cache folder, prepared by the caller; no index is used without one. */
  dir: string;
  version: string;
}

/**
 * Where the records come from: the index (an unchanged run); the index for the rows it holds
 * and this run's rows for the others, through baseRow and was (a few files changed, see
 * Spliced in columns-splice.ts); or the rows of this run (the index written again).
 */
type Records = { index: IndexData; baseRow?: Int32Array; extra?: readonly RowData[]; was?: Int32Array } | { rows: readonly RowData[] };

/**
 * Readable articles, newest first (pages last, by order), addressed by position: every key a
 * query needs from the columns (see columns.ts), the whole article or its JSON record on
 * demand. A record whose block of the index is damaged is made again from its file, and the
 * index is dropped so that the next run rebuilds it.
 */
export class Archive {
  private parsed: (Article | undefined)[];
  private remade = new Map<number, Buffer>();
  /** With loadArchive's `check`: the checks of the files read in this run, by path. */
  checkedNow: Map<string, CheckedRow> | undefined;

  constructor(
    readonly root: string,
    /** The keys, by row. */
    readonly columns: Columns,
    /** The row of each position. */
    private readonly rows: Int32Array,
    private readonly records: Records,
    private readonly ctx: CoreContext,
    /** The index file (dropped when damage is found in it); the cache's other files are named after it. */
    readonly indexFile: string | undefined,
    /** Files that could not be read as articles (validate says why). */
    readonly unreadable: string[],
    /** How many .md files there are. */
    readonly total: number,
    /** How many were read rather than taken from the index. */
    readonly read: number,
    /** What hides articles from the scan: unreadable folders, names that are not UTF-8. */
    readonly unreachable: readonly Skipped[] = [],
  ) {
    this.parsed = new Array(rows.length);
  }

  get size(): number {
    return this.rows.length;
  }

  /**
   * The columns of the index this archive was made from (its own columns when it was made
   * from files alone), and a row's row there: the file as the index knew it, which for a file
   * edited in place is its previous version; −1 for a file the index did not hold.
   */
  get baseColumns(): Columns {
    return 'index' in this.records ? this.records.index : this.columns;
  }

  previousRow(row: number): number {
    if (!('index' in this.records)) return -1;
    const { baseRow, was } = this.records;
    if (!baseRow) return row;
    const b = baseRow[row]!;
    return b >= 0 ? b : (was?.[-b - 1] ?? -1);
  }

  /** The row of the columns that position `i` is. */
  row(i: number): number {
    return this.rows[i]!;
  }

  /** The file, relative to the articles folder. */
  path(i: number): string {
    return this.columns.path(this.rows[i]!);
  }

  type(i: number): ArticleType {
    return this.columns.type(this.rows[i]!)!;
  }

  draft(i: number): boolean {
    return this.columns.draft(this.rows[i]!);
  }

  /** 'YYYY-MM-DD', or undefined for pages. */
  date(i: number): string | undefined {
    return this.columns.date(this.rows[i]!);
  }

  /** 'YYYY-MM-DDTHH:MM:SS', the key the archive is ordered by; '' for pages. */
  dateKey(i: number): string {
    return this.columns.dateKey(this.rows[i]!);
  }

  /** The regions the article is about (its own, then its places'), as articleRegions gives them. */
  regions(i: number): string[] {
    return this.columns.regions(this.rows[i]!);
  }

  article(i: number): Article {
    return (this.parsed[i] ??= fromRecord(JSON.parse(Buffer.from(this.record(i)).toString('utf8'))));
  }

  /** The articles at `positions`, parsed from records streamed in one pass. */
  articlesAt(positions: readonly number[]): Article[] {
    const out: Article[] = [];
    const missing = positions.filter((i) => this.parsed[i] === undefined);
    if (missing.length > 64) this.eachRecord(missing, (bytes, i) => (this.parsed[i] = fromRecord(JSON.parse(bytes.toString('utf8')))));
    for (const i of positions) out.push(this.article(i));
    return out;
  }

  /** The article's JSON record: bytes straight from the index, or the text made in this run. */
  record(i: number): Uint8Array | string {
    const row = this.rows[i]!;
    if ('index' in this.records) {
      const { index, baseRow, extra } = this.records;
      if (!baseRow) return index.record(row) ?? this.remake(row);
      const b = baseRow[row]!;
      if (b < 0) return extra![-b - 1]!.record!;
      return index.record(b) ?? this.remake(row);
    }
    return this.records.rows[row]!.record!;
  }

  /**
   * The records of the articles at `positions` in turn, as bytes valid only until `fn`
   * returns: for an unchanged archive they stream from the index in one pass.
   */
  eachRecord(positions: readonly number[], fn: (bytes: Buffer, position: number) => void): void {
    this.eachRecordIn(positions, (buf, start, end, i) => fn(start === 0 && end === buf.length ? buf : buf.subarray(start, end), i));
  }

  /**
   * The same, each record given as bytes [start, end) of `buf` (no buffer made for each);
   * `window` (WINDOW bytes) is where records from the index are read into.
   */
  eachRecordIn(positions: readonly number[] | Int32Array, fn: (buf: Buffer, start: number, end: number, position: number) => void, window?: Buffer): void {
    const own = (i: number) => {
      const record = this.record(i);
      const buf = typeof record === 'string' ? Buffer.from(record, 'utf8') : Buffer.from(record.buffer, record.byteOffset, record.length);
      fn(buf, 0, buf.length, i);
    };
    if ('index' in this.records) {
      const { index, baseRow } = this.records;
      // Runs of rows the index holds stream from it; this run's rows come in between.
      const stream = (run: readonly number[] | Int32Array) => {
        let k = 0;
        const rows = new Int32Array(run.length);
        for (let r = 0; r < run.length; r++) rows[r] = baseRow ? baseRow[this.rows[run[r]!]!]! : this.rows[run[r]!]!;
        index.eachRecordIn(
          rows,
          (buf, start, end) => {
            const i = run[k++]!;
            if (buf) fn(buf, start, end, i);
            else {
              const remade = this.remake(this.rows[i]!);
              fn(remade, 0, remade.length, i);
            }
          },
          window,
        );
      };
      if (!baseRow) return stream(positions);
      let run: number[] = [];
      for (const i of positions) {
        if (baseRow[this.rows[i]!]! >= 0) {
          run.push(i);
          continue;
        }
        stream(run);
        run = [];
        own(i);
      }
      stream(run);
      return;
    }
    for (const i of positions) own(i);
  }

  /** A damaged record, made again from its file (unchanged, by its stamp); the index is dropped. */
  private remake(row: number): Buffer {
    let bytes = this.remade.get(row);
    if (bytes) return bytes;
    trace('damaged record: reading its file');
    if (this.indexFile) {
      try {
        unlinkSync(this.indexFile);
      } catch {
        // gone already, or the cache is read-only: the damage is found again next time
      }
    }
    const [fresh] = indexRows(this.root, [this.columns.path(row)], this.ctx);
    if (fresh?.record === undefined) throw new Error(`${this.columns.path(row)} changed while psg read it; run the command again`);
    bytes = Buffer.from(fresh.record);
    this.remade.set(row, bytes);
    return bytes;
  }

  /**
   * Every readable article as its keys give it, without parsing a record: path, slug, title,
   * type, date (day only), draft, regions (resolved), places, tags, author, series, part and
   * order; summary and sources are left empty. For checks that need no more (is a slug
   * free, what is a series' next part).
   */
  keyArticles(): Article[] {
    const cols = this.columns;
    return Array.from(this.rows, (row) => {
      const a: Article = { path: cols.path(row), slug: cols.slug(row), title: cols.title(row), type: cols.type(row)!, summary: '', regions: cols.regions(row), places: cols.nameList(cols.placeIds(row)), tags: cols.nameList(cols.tagIds(row)), sources: [], draft: cols.draft(row) };
      const date = cols.date(row);
      if (date !== undefined) a.date = { date };
      const author = cols.author(row);
      if (author !== undefined) a.author = author;
      const series = cols.seriesName(row);
      if (series !== undefined) a.series = series;
      const part = cols.part(row);
      if (part !== undefined) a.part = part;
      const order = cols.pageOrder(row);
      if (order !== undefined) a.order = order;
      return a;
    });
  }

  private all: Article[] | undefined;

  /** Every readable article, newest first. */
  get articles(): Article[] {
    this.all ??= this.articlesAt(Array.from(this.rows, (_, i) => i));
    return this.all;
  }
}

interface Plan {
  startedAt: number;
  root: string;
  realRoot: string;
  file: string | undefined;
  index: IndexData | undefined;
  /** Every article file, in scan order. */
  files: string[];
  /** How many there are. */
  count: number;
  /** For each file, its index row when the file is unchanged, else -1 (to be read). */
  rowAt: Int32Array;
  /** Files to read: new, changed, or not in the index. */
  toRead: string[];
  /** What hides articles from the scan (see ScanResult.unreadable). */
  unreachable: Skipped[];
  /** The folders this run listed, with their stamps, when they are worth keeping. */
  dirs?: DirStamps;
  /** Whether the folder stamps kept beside the index need writing again (no index write would). */
  dirsStale: boolean;
}

/** About 2,000 articles' worth of index: below that, one thread checks faster than workers start. */
const LARGE_INDEX_BYTES = 2_000_000;

/** Which files still match their index row (rowAt) and which must be read (toRead). */
function compare(files: string[], stamps: Float64Array | undefined, index: IndexData | undefined): Pick<Plan, 'rowAt' | 'toRead'> {
  const rowAt = new Int32Array(files.length).fill(-1);
  const toRead: string[] = [];
  let rowOf: Map<string, number> | undefined;
  if (index && stamps && files === index.paths) {
    // The same files as last time, in the same order: only the stamps need comparing.
    for (let i = 0; i < files.length; i++) {
      if (index.sameStamp(i, stamps[i * 3]!, stamps[i * 3 + 1]!, stamps[i * 3 + 2]!)) rowAt[i] = i;
      else toRead.push(files[i]!);
    }
    return { rowAt, toRead };
  }
  files.forEach((rel, i) => {
    let row: number | undefined;
    if (index && stamps) {
      // Rows are stored in scan order: while nothing was added or removed, positions agree.
      if (index.paths[i] === rel) row = i;
      else {
        rowOf ??= new Map(index.paths.map((path, r) => [path, r]));
        row = rowOf.get(rel);
      }
    }
    if (row !== undefined && index!.sameStamp(row, stamps![i * 3]!, stamps![i * 3 + 1]!, stamps![i * 3 + 2]!)) rowAt[i] = row;
    else toRead.push(rel);
  });
  return { rowAt, toRead };
}

/**
 * The files when no folder changed: the index's (less those the folder stamps say are gone),
 * and the few it does not hold yet. `stamps` are the index's files' own, by row.
 */
function knownFiles(prefix: string, index: IndexData, stamps: Float64Array, same: StoredDirs): Pick<Plan, 'files' | 'count' | 'rowAt' | 'toRead'> {
  if (same.gone.length === 0 && same.extra.length === 0) return { files: index.paths, count: index.count, ...compare(index.paths, stamps, index) };
  const gone = new Uint8Array(index.count);
  for (const row of same.gone) gone[row] = 1;
  const files: string[] = [];
  const rowAt: number[] = [];
  const toRead: string[] = [];
  const paths = index.paths;
  for (let row = 0; row < index.count; row++) {
    if (gone[row]) continue;
    files.push(paths[row]!);
    const kept = index.sameStamp(row, stamps[row * 3]!, stamps[row * 3 + 1]!, stamps[row * 3 + 2]!);
    rowAt.push(kept ? row : -1);
    if (!kept) toRead.push(paths[row]!);
  }
  // Files the index does not hold are read every time, until it is written again.
  const extraStamps = statAll(prefix, same.extra);
  same.extra.forEach((rel, i) => {
    if (extraStamps[i * 3]! < 0) return; // gone since, in a folder whose stamp did not move: a race, left out
    files.push(rel);
    rowAt.push(-1);
    toRead.push(rel);
  });
  return { files, count: files.length, rowAt: Int32Array.from(rowAt), toRead };
}

/** The folder stamps kept beside the index, when every folder still has its stamp. */
function unchangedDirs(root: string, file: string | undefined): StoredDirs | undefined {
  const stored = file === undefined ? undefined : readDirStamps(file);
  return stored && dirsUnchanged(root, stored) ? stored : undefined;
}

/** Scan the folder and check each file against the index, on this thread. */
function plan(root: string, cache: CacheOptions | undefined): Plan {
  const startedAt = Date.now();
  const realRoot = realpathSync(root);
  const file = cache ? indexPath(cache.dir, realRoot) : undefined;
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const same = unchangedDirs(root, file);
  // Without an index there is nothing to compare with: every file is read.
  const index = file && cache ? readIndex(file, realRoot, cache.version) : undefined;
  if (index && same?.index === index.indexId) {
    // No folder changed: the files are the index's, and only their stamps need checking.
    trace('no folder changed');
    return { startedAt, root, realRoot, file, index, ...knownFiles(prefix, index, statAll(prefix, index.paths), same), unreachable: [], dirsStale: false };
  }
  const { files, unreadable, dirs } = scanArticles(root);
  const stamps = index ? statAll(prefix, files) : undefined;
  const p: Plan = { startedAt, root, realRoot, file, index, files, count: files.length, ...compare(files, stamps, index), unreachable: unreadable, dirsStale: dirs !== undefined };
  if (dirs) p.dirs = dirs;
  return p;
}

/**
 * The same for a large archive: worker threads find and stat the files while this thread
 * reads the index. Falls back to `plan` when there is no large index, or links to follow.
 */
async function planParallel(root: string, cache: CacheOptions | undefined, early: { pool?: TaskPool }, task: TaskName): Promise<Plan> {
  const startedAt = Date.now();
  const realRoot = realpathSync(root);
  const file = cache ? indexPath(cache.dir, realRoot) : undefined;
  const indexBytes = file === undefined ? 0 : (statSync(file, { throwIfNoEntry: false })?.size ?? 0);
  // No index at all: every file will be read, so the readers start now and load their
  // modules while this thread finds the files (they are closed if there turn out to be few).
  if (indexBytes === 0) early.pool = startTaskPool(task);
  trace('planning');
  const pool = indexBytes > LARGE_INDEX_BYTES ? scanPool() : undefined;
  if (!pool) {
    dropStatWorkers();
    return plan(root, cache);
  }
  // While no folder has changed, the files are the index's: they are only stat-ed, not listed.
  const same = unchangedDirs(root, file);
  trace(same ? 'no folder changed' : 'folders changed');
  // The workers stat the index's files (reading its paths themselves) or walk the folders,
  // while this thread reads the index.
  const known = same ? pool.statKnown(root, file!, same.index, same.count) : undefined;
  const scanning = same ? undefined : pool.scanStat(root);
  trace('work handed out');
  const index = readIndex(file!, realRoot, cache!.version);
  trace('index read');
  if (known) {
    const sound = index?.indexId === same!.index && index.count === same!.count;
    if (sound) known.help(index.rawPaths ?? index.joinedPaths);
    const stamps = await known.stamps;
    trace('files stat-ed');
    // The index was written again since the folder stamps (another psg at work): the plain way.
    if (!sound) return plan(root, cache);
    return { startedAt, root, realRoot, file, index, ...knownFiles(`${root}/`, index, stamps, same!), unreachable: [], dirsStale: false };
  }
  // This thread takes its share of the folders too, once the index is read.
  pool.help();
  const found = await scanning;
  trace('files found and stat-ed');
  if (!found) return plan(root, cache);
  // The scan's paths, joined, are compared with the index's in one step; they are split
  // into a list only when they differ.
  const files = index && found.joined === index.joinedPaths ? index.paths : found.joined === '' ? [] : found.joined.split('\0');
  // Anything that hides articles sends the scan the plain way: nothing is hidden here.
  return { startedAt, root, realRoot, file, index, files, count: found.count, ...compare(files, found.stamps, index), unreachable: [], dirs: found.dirs, dirsStale: true };
}

/** The readable rows of `order` (newest first), and the paths of the others, sorted (validate says why). */
function splitReadable(columns: Columns, order: Iterable<number>): { rows: Int32Array; unreadable: string[] } {
  const rows: number[] = [];
  const unreadable: string[] = [];
  for (const row of order) {
    if (columns.type(row)) rows.push(row);
    else unreadable.push(columns.path(row));
  }
  return { rows: Int32Array.from(rows), unreadable: unreadable.sort() };
}

/** Put the kept rows and the fresh ones in order, and store the index if anything changed. */
function finish(p: Plan, fresh: RowData[], cache: CacheOptions | undefined, ctx: CoreContext): Archive {
  const { index } = p;
  if (index && fresh.length === 0 && p.count === index.count) {
    // Nothing changed: the index knows the order, and answers every query from its columns.
    const { rows, unreadable } = splitReadable(index, index.order);
    // The folders were listed (something in them changed, not an article): keep their new stamps.
    if (p.dirs && p.dirsStale && p.file) writeDirStamps(p.file, index.indexId, index.count, p.dirs, p.startedAt);
    trace('archive ready');
    return new Archive(p.root, index, rows, { index }, ctx, p.file, unreadable, p.count, 0, p.unreachable);
  }
  // A few files changed, came or went: the index's columns with those rows changed, and the
  // index left as it is (the next run reads those few files again) until there are many.
  if (index && fresh.length + index.count - p.rowAt.filter((row) => row >= 0).length <= Math.min(SPLICE_LIMIT, index.count / 50)) return spliced(p, index, fresh, ctx);
  // Rows in scan order: kept ones from the index (a damaged record read again from its file).
  let next = 0;
  const rows: RowData[] = [];
  let damaged = false;
  p.files.forEach((rel, i) => {
    const row = p.rowAt[i]!;
    if (row >= 0) {
      const kept = index!.row(row);
      if (kept.type) {
        const record = index!.record(row);
        if (record) kept.record = record;
        else {
          damaged = true;
          rows.push(indexRows(p.root, [rel], ctx)[0]!);
          return;
        }
      }
      rows.push(kept);
    } else rows.push(fresh[next++]!);
  });
  if (damaged) trace('damaged records read again from their files');
  // Files are usually named and filed by date, so the scan order reversed is nearly newest
  // first already, and the sort (a merge of runs) has little left to do.
  const newest = rows.map((_, i) => rows.length - 1 - i).sort((a, b) => compareSortKeys(rows[a]!, rows[b]!));
  trace('sorted');
  const columns = Columns.fromRows(rows);
  const { rows: order, unreadable } = splitReadable(columns, newest);
  if (p.file && cache) {
    try {
      const written = writeIndex(p.file, p.realRoot, cache.version, rows, newest, p.startedAt, undefined, columns);
      trace('index written');
      // The folder stamps hold only while the index holds every file the folders gave.
      const dirs = p.dirs ?? (index && !p.dirsStale ? readDirStamps(p.file) : undefined);
      if (dirs && written.complete) writeDirStamps(p.file, written.id, rows.length, dirs, p.startedAt);
    } catch {
      // The index only saves time: a read-only or full cache folder must not stop the command.
    }
  }
  index?.close();
  trace('archive ready');
  return new Archive(p.root, columns, order, { rows }, ctx, p.file, unreadable, p.count, fresh.length, p.unreachable);
}

/**
 * How many changed files the index may be behind before it is written again (and at most one
 * in fifty): each run reads them again, a few milliseconds, where writing the index costs
 * seconds at 100,000 files. A small archive's index is cheap to write, so it is written.
 */
const SPLICE_LIMIT = 500;

/** The index's rows whose files are gone, and the files it does not hold. */
function listingDiffers(p: Plan, index: IndexData): { gone: number[]; extra: string[] } {
  if (p.files === index.paths) return { gone: [], extra: [] };
  const listed = new Set(p.files);
  const held = new Set(index.paths);
  const gone: number[] = [];
  index.paths.forEach((path, row) => {
    if (!listed.has(path)) gone.push(row);
  });
  return { gone, extra: p.files.filter((path) => !held.has(path)) };
}

/** The archive from the index with this run's rows spliced in (see columns-splice.ts). */
function spliced(p: Plan, index: IndexData, fresh: RowData[], ctx: CoreContext): Archive {
  const drop = new Uint8Array(index.count).fill(1);
  for (const row of p.rowAt) if (row >= 0) drop[row] = 0;
  // A base row's title from its record (one block read), so that an edit in place need not
  // read every title. Only for a few files: past 64 records the index reads all of them.
  const baseTitle =
    fresh.length > 16
      ? undefined
      : (row: number): string | undefined => {
          const record = index.type(row) ? index.record(row) : undefined;
          if (!record) return undefined;
          try {
            return (JSON.parse(record.toString('utf8')) as { title?: string }).title;
          } catch {
            return undefined;
          }
        };
  const { columns, baseRow, order, was } = spliceColumns(index, index.order, drop, fresh, baseTitle);
  const { rows, unreadable } = splitReadable(columns, order);
  // The folders were listed: keep their stamps, with how their files differ from the index's.
  if (p.dirs && p.dirsStale && p.file) writeDirStamps(p.file, index.indexId, index.count, p.dirs, p.startedAt, listingDiffers(p, index));
  trace('archive ready (index spliced)');
  return new Archive(p.root, columns, rows, { index, baseRow, extra: fresh, was }, ctx, p.file, unreadable, p.count, fresh.length, p.unreachable);
}

/**
 * Load the archive, reading changed files on every core when there are many. With `check`,
 * each file read is checked by validate's rules in the same pass (one read serves both), and
 * the archive's `checkedNow` holds those checks by path.
 */
export async function loadArchive(
  root: string,
  ctx: CoreContext,
  cache?: CacheOptions,
  onProgress?: (done: number, total: number) => void,
  options: { check?: boolean } = {},
): Promise<Archive> {
  const early: { pool?: TaskPool } = {};
  const p = await planParallel(root, cache, early, options.check ? 'check-rows' : 'index-rows');
  trace(`planned: ${p.toRead.length} files to read`);
  if (!options.check) {
    const fresh = await runTask('index-rows', indexRows, root, p.toRead, ctx, { onProgress, pool: early.pool, unpack: unpackRows });
    trace('files read');
    return finish(p, fresh, cache, ctx);
  }
  // The rules load only where they are asked for.
  const { checkRows, unpackCheckRows } = await import('./check-files.js');
  const items = await runTask('check-rows', checkRows, root, p.toRead, ctx, { onProgress, pool: early.pool, unpack: unpackCheckRows as (packed: never) => CheckedWithRow[] });
  trace('files read and checked');
  const archive = finish(
    p,
    items.map((item) => item.row),
    cache,
    ctx,
  );
  archive.checkedNow = new Map(items.map((item, k) => [p.toRead[k]!, item.checked]));
  return archive;
}

/** The same on the main thread only, for commands that need the archive inside a prompt's check. */
export function loadArchiveSync(root: string, ctx: CoreContext, cache?: CacheOptions): Archive {
  const p = plan(root, cache);
  return finish(p, indexRows(root, p.toRead, ctx), cache, ctx);
}
