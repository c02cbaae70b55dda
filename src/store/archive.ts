// The articles folder as data: every file found, read and decoded, newest first. Files that
// have not changed since the last run come from the index without being read or parsed; an
// article is parsed from its stored record only when a command asks for it.
import { realpathSync, statSync, unlinkSync } from 'node:fs';
import type { Article, ArticleType } from '../core/article.js';
import type { CoreContext } from '../core/context.js';
import { compareSortKeys } from '../core/query.js';
import { fromRecord } from '../core/record.js';
import { Columns, type RowData } from './columns.js';
import { type IndexData, indexPath, readIndex, type RecordBytes, writeIndex } from './index-file.js';
import { indexRows, unpackRows } from './index-rows.js';
import { runTask, startTaskPool, type TaskPool } from './parallel.js';
import { scanArticles, type Skipped } from './scan.js';
import { dropStatWorkers, scanPool, statAll } from './stat.js';
import type { DirStamps } from './dir-stamps.js';
import { dirsUnchanged, readDirStamps, writeDirStamps } from './dir-stamps-file.js';
import { trace } from '../ui/trace.js';

export interface CacheOptions {
  /** The cache folder, prepared by the caller; no index is used without one. */
  dir: string;
  version: string;
}

/** Where the records come from: the index (an unchanged run), or the rows of this run. */
type Records = { index: IndexData } | { rows: readonly RowData[] };

/**
 * Readable articles, newest first (pages last, by order), addressed by position: every key a
 * query needs from the columns (see columns.ts), the whole article or its JSON record on
 * demand. A record whose block of the index is damaged is made again from its file, and the
 * index is dropped so that the next run rebuilds it.
 */
export class Archive {
  private parsed: (Article | undefined)[];
  private remade = new Map<number, Buffer>();

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
    if ('index' in this.records) return this.records.index.record(row) ?? this.remake(row);
    return this.records.rows[row]!.record!;
  }

  /**
   * The records of the articles at `positions` in turn, as bytes valid only until `fn`
   * returns: for an unchanged archive they stream from the index in one pass.
   */
  eachRecord(positions: readonly number[], fn: (bytes: Buffer, position: number) => void): void {
    if ('index' in this.records) {
      let k = 0;
      this.records.index.eachRecord(
        positions.map((i) => this.rows[i]!),
        (bytes: RecordBytes, row) => fn(bytes ?? this.remake(row), positions[k++]!),
      );
      return;
    }
    for (const i of positions) {
      const record = this.record(i);
      fn(typeof record === 'string' ? Buffer.from(record, 'utf8') : Buffer.from(record.buffer, record.byteOffset, record.length), i);
    }
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

/** The folder stamps kept beside the index, when every folder still has its stamp. */
function unchangedDirs(root: string, file: string | undefined): { index: string } | undefined {
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
    const files = index.paths;
    return { startedAt, root, realRoot, file, index, files, count: files.length, ...compare(files, statAll(prefix, files), index), unreachable: [], dirsStale: false };
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
async function planParallel(root: string, cache: CacheOptions | undefined, early: { pool?: TaskPool }): Promise<Plan> {
  const startedAt = Date.now();
  const realRoot = realpathSync(root);
  const file = cache ? indexPath(cache.dir, realRoot) : undefined;
  const indexBytes = file === undefined ? 0 : (statSync(file, { throwIfNoEntry: false })?.size ?? 0);
  // No index at all: every file will be read, so the readers start now and load their
  // modules while this thread finds the files (they are closed if there turn out to be few).
  if (indexBytes === 0) early.pool = startTaskPool('index-rows');
  trace('planning');
  const pool = indexBytes > LARGE_INDEX_BYTES ? scanPool() : undefined;
  if (!pool) {
    dropStatWorkers();
    return plan(root, cache);
  }
  // While no folder has changed, the files are the index's: they are only stat-ed, not listed.
  const same = unchangedDirs(root, file);
  trace(same ? 'no folder changed' : 'folders changed');
  let scanning = same ? undefined : pool.scanStat(root);
  if (scanning) trace('shares handed out');
  const index = readIndex(file!, realRoot, cache!.version);
  trace('index read');
  if (index && same?.index === index.indexId) {
    const stating = pool.statKnown(root, index.joinedPaths, index.count);
    pool.help();
    const stamps = await stating;
    trace('files stat-ed');
    return { startedAt, root, realRoot, file, index, files: index.paths, count: index.count, ...compare(index.paths, stamps, index), unreachable: [], dirsStale: false };
  }
  scanning ??= pool.scanStat(root);
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

/** Put the kept rows and the fresh ones in order, and store the index if anything changed. */
function finish(p: Plan, fresh: RowData[], cache: CacheOptions | undefined, ctx: CoreContext): Archive {
  const { index } = p;
  const unreadable: string[] = [];
  if (index && fresh.length === 0 && p.count === index.count) {
    // Nothing changed: the index knows the order, and answers every query from its columns.
    const rows: number[] = [];
    for (const row of index.order) {
      if (index.type(row)) rows.push(row);
      else unreadable.push(index.paths[row]!);
    }
    unreadable.sort();
    // The folders were listed (something in them changed, not an article): keep their new stamps.
    if (p.dirs && p.dirsStale && p.file) writeDirStamps(p.file, index.indexId, p.dirs, p.startedAt);
    trace('archive ready');
    return new Archive(p.root, index, Int32Array.from(rows), { index }, ctx, p.file, unreadable, p.count, 0, p.unreachable);
  }
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
  const order: number[] = [];
  for (const i of newest) {
    if (columns.type(i)) order.push(i);
    else unreadable.push(rows[i]!.path);
  }
  if (p.file && cache) {
    try {
      const written = writeIndex(p.file, p.realRoot, cache.version, rows, newest, p.startedAt, undefined, columns);
      trace('index written');
      // The folder stamps hold only while the index holds every file the folders gave.
      const dirs = p.dirs ?? (index && !p.dirsStale ? readDirStamps(p.file) : undefined);
      if (dirs && written.complete) writeDirStamps(p.file, written.id, dirs, p.startedAt);
    } catch {
      // The index only saves time: a read-only or full cache folder must not stop the command.
    }
  }
  index?.close();
  unreadable.sort();
  trace('archive ready');
  return new Archive(p.root, columns, Int32Array.from(order), { rows }, ctx, p.file, unreadable, p.count, fresh.length, p.unreachable);
}

/** Load the archive, reading changed files on every core when there are many. */
export async function loadArchive(
  root: string,
  ctx: CoreContext,
  cache?: CacheOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<Archive> {
  const early: { pool?: TaskPool } = {};
  const p = await planParallel(root, cache, early);
  trace(`planned: ${p.toRead.length} files to read`);
  const fresh = await runTask('index-rows', indexRows, root, p.toRead, ctx, { onProgress, pool: early.pool, unpack: unpackRows });
  trace('files read');
  return finish(p, fresh, cache, ctx);
}

/** The same on the main thread only, for commands that need the archive inside a prompt's check. */
export function loadArchiveSync(root: string, ctx: CoreContext, cache?: CacheOptions): Archive {
  const p = plan(root, cache);
  return finish(p, indexRows(root, p.toRead, ctx), cache, ctx);
}
