// The articles folder as data: every file found, read and decoded, newest first. Files that
// have not changed since the last run come from the index without being read or parsed; an
// article is parsed from its stored record only when a command asks for it.
import { realpathSync, statSync } from 'node:fs';
import type { Article, ArticleType } from '../core/article.js';
import type { CoreContext } from '../core/context.js';
import { compareSortKeys } from '../core/query.js';
import { fromRecord } from '../core/record.js';
import { type IndexData, indexPath, readIndex, type RowData, writeIndex } from './index-file.js';
import { indexRows, unpackRows } from './index-rows.js';
import { runTask, startTaskPool, type TaskPool } from './parallel.js';
import { scanArticles, type Skipped } from './scan.js';
import { scanPool, statAll } from './stat.js';
import { trace } from '../ui/trace.js';

export interface CacheOptions {
  /** The cache folder; no index is used without one. */
  dir: string;
  version: string;
}

/** Where an entry's data lives: a row of the index, or a row made from the file in this run. */
type Source = { row: number } | { fresh: RowData };

/**
 * Readable articles, newest first (pages last, by order), addressed by position: cheap keys
 * (type, draft, date) for every one, the whole article or its JSON record on demand.
 */
export class Archive {
  private parsed: (Article | undefined)[];

  constructor(
    readonly root: string,
    private readonly sources: Source[],
    private readonly index: IndexData | undefined,
    /** Files that could not be read as articles (validate says why). */
    readonly unreadable: string[],
    /** How many .md files there are. */
    readonly total: number,
    /** How many were read rather than taken from the index. */
    readonly read: number,
    /** What hides articles from the scan: unreadable folders, names that are not UTF-8. */
    readonly unreachable: readonly Skipped[] = [],
  ) {
    this.parsed = new Array(sources.length);
  }

  get size(): number {
    return this.sources.length;
  }

  /** The file, relative to the articles folder. */
  path(i: number): string {
    const s = this.sources[i]!;
    return 'row' in s ? this.index!.paths[s.row]! : s.fresh.path;
  }

  type(i: number): ArticleType {
    const s = this.sources[i]!;
    return 'row' in s ? this.index!.type(s.row)! : s.fresh.type!;
  }

  draft(i: number): boolean {
    const s = this.sources[i]!;
    return 'row' in s ? this.index!.draft(s.row) : s.fresh.draft;
  }

  /** 'YYYY-MM-DD', or undefined for pages. */
  date(i: number): string | undefined {
    return this.dateKey(i).slice(0, 10) || undefined;
  }

  /** 'YYYY-MM-DDTHH:MM:SS', the key the archive is ordered by; '' for pages. */
  dateKey(i: number): string {
    const s = this.sources[i]!;
    return 'row' in s ? this.index!.dateKey(s.row) : s.fresh.dateKey;
  }

  article(i: number): Article {
    return (this.parsed[i] ??= fromRecord(JSON.parse(this.recordText(i))));
  }

  /** The article's JSON record: bytes straight from the index, or the text made in this run. */
  record(i: number): Uint8Array | string {
    const s = this.sources[i]!;
    return 'row' in s ? this.index!.record(s.row) : s.fresh.record!;
  }

  /**
   * The records of the articles at `positions` in turn, as bytes valid only until `fn`
   * returns: for an unchanged archive they stream from the index in one pass.
   */
  eachRecord(positions: readonly number[], fn: (bytes: Uint8Array) => void): void {
    const sources = this.sources;
    if (this.index && this.read === 0) {
      this.index.eachRecord(
        positions.map((i) => (sources[i] as { row: number }).row),
        fn,
      );
      return;
    }
    for (const i of positions) {
      const record = this.record(i);
      fn(typeof record === 'string' ? Buffer.from(record, 'utf8') : record);
    }
  }

  private recordText(i: number): string {
    const s = this.sources[i]!;
    if ('row' in s) return this.index!.record(s.row).toString('utf8');
    const record = s.fresh.record!;
    return typeof record === 'string' ? record : Buffer.from(record).toString('utf8');
  }

  private all: Article[] | undefined;

  /** Every readable article, newest first. */
  get articles(): Article[] {
    this.all ??= this.sources.map((_, i) => this.article(i));
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

/** Scan the folder and check each file against the index, on this thread. */
function plan(root: string, cache: CacheOptions | undefined): Plan {
  const startedAt = Date.now();
  const realRoot = realpathSync(root);
  const file = cache ? indexPath(cache.dir, realRoot) : undefined;
  const { files, unreadable } = scanArticles(root);
  // Without an index there is nothing to compare with: every file is read.
  const index = file && cache ? readIndex(file, realRoot, cache.version) : undefined;
  const stamps = index ? statAll(root.endsWith('/') ? root : `${root}/`, files) : undefined;
  return { startedAt, root, realRoot, file, index, files, count: files.length, ...compare(files, stamps, index), unreachable: unreadable };
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
  if (!pool) return plan(root, cache);
  const scanning = pool.scanStat(root);
  trace('shares handed out');
  const index = readIndex(file!, realRoot, cache!.version);
  trace('index read');
  // This thread takes its share of the folders too, once the index is read.
  pool.help();
  const found = await scanning;
  trace('files found and stat-ed');
  if (!found) return plan(root, cache);
  // The scan's paths, joined, are compared with the index's in one step; they are split
  // into a list only when they differ.
  const files = index && found.joined === index.joinedPaths ? index.paths : found.joined === '' ? [] : found.joined.split('\0');
  // Anything that hides articles sends the scan the plain way: nothing is hidden here.
  return { startedAt, root, realRoot, file, index, files, count: found.count, ...compare(files, found.stamps, index), unreachable: [] };
}

/** Put the kept rows and the fresh ones in order, and store the index if anything changed. */
function finish(p: Plan, fresh: RowData[], cache: CacheOptions | undefined): Archive {
  const { index } = p;
  const unreadable: string[] = [];
  const sources: Source[] = [];
  if (index && fresh.length === 0 && p.count === index.count) {
    // Nothing changed: the index knows the order.
    for (const row of index.order) {
      if (index.type(row)) sources.push({ row });
      else unreadable.push(index.paths[row]!);
    }
  } else {
    // Rows in scan order, each with where its article comes from.
    let next = 0;
    const rows: RowData[] = [];
    const from: (Source | undefined)[] = [];
    p.files.forEach((_, i) => {
      const row = p.rowAt[i]!;
      if (row >= 0) {
        rows.push(index!.row(row));
        from.push(index!.type(row) ? { row } : undefined);
      } else {
        const made = fresh[next++]!;
        rows.push(made);
        from.push(made.type ? { fresh: made } : undefined);
      }
    });
    // Files are usually named and filed by date, so the scan order reversed is nearly newest
    // first already, and the sort (a merge of runs) has little left to do.
    const newest = rows.map((_, i) => rows.length - 1 - i).sort((a, b) => compareSortKeys(rows[a]!, rows[b]!));
    trace('sorted');
    for (const i of newest) {
      const source = from[i];
      if (source) sources.push(source);
      else unreadable.push(rows[i]!.path);
    }
    if (p.file && cache) {
      try {
        writeIndex(p.file, p.realRoot, cache.version, rows, newest, p.startedAt);
        trace('index written');
      } catch {
        // The index only saves time: a read-only or full cache folder must not stop the command.
      }
    }
  }
  unreadable.sort();
  trace('archive ready');
  return new Archive(p.root, sources, index, unreadable, p.count, fresh.length, p.unreachable);
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
  return finish(p, fresh, cache);
}

/** The same on the main thread only, for commands that need the archive inside a prompt's check. */
export function loadArchiveSync(root: string, ctx: CoreContext, cache?: CacheOptions): Archive {
  const p = plan(root, cache);
  return finish(p, indexRows(root, p.toRead, ctx), cache);
}
