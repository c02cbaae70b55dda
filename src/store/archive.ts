// The articles folder as data: every file found, read and decoded, newest first. Files that
// have not changed since the last run come from the index without being read or parsed; an
// article is parsed from its stored record only when a command asks for it.
import { realpathSync, statSync } from 'node:fs';
import type { Article, ArticleType } from '../core/article.js';
import type { CoreContext } from '../core/context.js';
import { compareSortKeys } from '../core/query.js';
import { fromRecord } from '../core/record.js';
import { type IndexData, indexPath, readIndex, type RowData, writeIndex } from './index-file.js';
import { runLocal, runTask } from './parallel.js';
import { scanArticles } from './scan.js';

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
  ) {
    this.parsed = new Array(sources.length);
  }

  get size(): number {
    return this.sources.length;
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
    const s = this.sources[i]!;
    return ('row' in s ? this.index!.dateKey(s.row) : s.fresh.dateKey).slice(0, 10) || undefined;
  }

  article(i: number): Article {
    return (this.parsed[i] ??= fromRecord(JSON.parse(this.recordText(i))));
  }

  /** The article's JSON record as UTF-8, straight from the index when it is there. */
  record(i: number): Buffer {
    const s = this.sources[i]!;
    return 'row' in s ? this.index!.record(s.row) : Buffer.from(s.fresh.record as string);
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
  total: number;
  file: string | undefined;
  index: IndexData | undefined;
  /** Index rows whose file is unchanged. */
  kept: number[];
  /** Files to read: new, changed, or not in the index. */
  toRead: string[];
}

/** Scan the folder and check each file against the index: which rows hold, which files to read. */
function plan(root: string, cache: CacheOptions | undefined): Plan {
  const startedAt = Date.now();
  const realRoot = realpathSync(root);
  const { files } = scanArticles(root);
  const file = cache ? indexPath(cache.dir, realRoot) : undefined;
  const index = file && cache ? readIndex(file, realRoot, cache.version) : undefined;
  const rowOf = new Map<string, number>();
  if (index) index.paths.forEach((path, row) => rowOf.set(path, row));
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const kept: number[] = [];
  const toRead: string[] = [];
  for (const rel of files) {
    const row = rowOf.get(rel);
    if (row !== undefined) {
      const st = statSync(prefix + rel, { throwIfNoEntry: false });
      if (st && index!.sameStamp(row, st)) {
        kept.push(row);
        continue;
      }
    }
    toRead.push(rel);
  }
  return { startedAt, root, realRoot, total: files.length, file, index, kept, toRead };
}

/** Put the kept rows and the fresh ones in order, and store the index if anything changed. */
function finish(p: Plan, fresh: RowData[], cache: CacheOptions | undefined): Archive {
  const { index } = p;
  const unreadable: string[] = [];
  const sources: Source[] = [];
  if (index && fresh.length === 0 && p.kept.length === index.count) {
    // Nothing changed: the index is already in order.
    for (let row = 0; row < index.count; row++) {
      if (index.type(row)) sources.push({ row });
      else unreadable.push(index.paths[row]!);
    }
  } else {
    type Item = { keys: RowData; source: Source | undefined };
    const items: Item[] = p.kept.map((row) => ({ keys: index!.row(row), source: index!.type(row) ? { row } : undefined }));
    for (const row of fresh) items.push({ keys: row, source: row.type ? { fresh: row } : undefined });
    items.sort((a, b) => compareSortKeys(a.keys, b.keys));
    for (const item of items) {
      if (item.source) sources.push(item.source);
      else unreadable.push(item.keys.path);
    }
    if (p.file && cache) {
      try {
        writeIndex(p.file, p.realRoot, cache.version, items.map((item) => item.keys), p.startedAt);
      } catch {
        // The index only saves time: a read-only or full cache folder must not stop the command.
      }
    }
  }
  unreadable.sort();
  return new Archive(p.root, sources, index, unreadable, p.total, fresh.length);
}

/** Load the archive, reading changed files on every core when there are many. */
export async function loadArchive(root: string, ctx: CoreContext, cache?: CacheOptions): Promise<Archive> {
  const p = plan(root, cache);
  return finish(p, await runTask('index-rows', root, p.toRead, ctx), cache);
}

/** The same on the main thread only, for commands that need the archive inside a prompt's check. */
export function loadArchiveSync(root: string, ctx: CoreContext, cache?: CacheOptions): Archive {
  const p = plan(root, cache);
  return finish(p, runLocal('index-rows', root, p.toRead, ctx), cache);
}
