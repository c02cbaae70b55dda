// The search index: an SQLite database in the cache folder (beside psg's own index) with
// one FTS5 table of every readable article's title, summary and body, and each file's size,
// modification time and change time. A search first brings it up to date from those
// stamps, so an edited, added, deleted or renamed file shows at once; a damaged database,
// or one from another version of psg or for another folder, is deleted and built again.
//
// The table keeps the text it indexed: a contentless one would be a third of the size, but
// it cannot take a row out exactly (its word counts drift, and with them every score), and
// scores must stay those of an index built afresh. The passage shown is cut from the file.
// Words are folded by SQLite's unicode61 tokenizer with remove_diacritics 2, so accents and
// case never matter, in the text or in the query.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { trace } from '../ui/trace.js';
import { readBodies } from './search-read.js';

type Db = BetterSqlite3.Database;

/** Bump when the tables or the meaning of a row change. */
const SCHEMA = 2;
/** Title and summary count above the body (BM25 weights of the three columns). */
const WEIGHTS = [8, 4, 1] as const;
/**
 * A file changed this close to the run's start is indexed but its stamp not kept: a second
 * change within the clock's step would leave the stamp as it was (psg's index does the same).
 */
const RACY_MS = 2000;
/** Rows written between commits while the index is built or brought up to date. */
const ROWS_A_TRANSACTION = 5000;

/** What the index needs of the archive: its readable articles, their stamps, their titles and summaries. */
export interface SearchSource {
  /** The articles folder. */
  root: string;
  /** The readable articles, by position. */
  paths: readonly string[];
  /** Three numbers a position: size, mtimeMs, ctimeMs, as the archive found them (no second stat). */
  stamps: Float64Array;
  /** The title and summary of the article at a position. */
  head(i: number): { title: string; summary: string };
  /** When this run started (for RACY_MS). */
  startedAt: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SearchHit {
  /** The article's position in the source. */
  position: number;
  /** BM25 with the column weights: lower is better. */
  score: number;
}

export function searchIndexPath(dir: string, realRoot: string): string {
  const id = createHash('sha256').update(realRoot).digest('hex').slice(0, 24);
  return join(dir, `search-${id}.sqlite`);
}

async function sqlite(): Promise<typeof BetterSqlite3> {
  return (await import('better-sqlite3')).default;
}

// meta.value has no declared type, so that a blob (the ids) stays a blob.
const TABLES = `
  CREATE TABLE meta(key TEXT PRIMARY KEY, value NOT NULL);
  CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT NOT NULL, size REAL NOT NULL, mtime REAL NOT NULL, ctime REAL NOT NULL);
  CREATE VIRTUAL TABLE text USING fts5(title, summary, body, tokenize = 'unicode61 remove_diacritics 2');
`;

/** One number for the whole list of articles and their stamps: while it holds, no row need be compared. */
function fingerprint(paths: readonly string[], stamps: Float64Array): string {
  const hash = createHash('sha1');
  hash.update(paths.join('\0'));
  hash.update(new Uint8Array(stamps.buffer, stamps.byteOffset, stamps.byteLength));
  return hash.digest('hex');
}

/** NFC, so that an accent written as a separate mark folds like a composed one. */
const nfc = (s: string) => s.normalize('NFC');

type FileRow = [id: number, path: string, size: number, mtime: number, ctime: number];

class SearchIndex {
  /** The row id of each position, once synced; positions by row id for the hits. */
  private positionOf = new Int32Array(0);

  constructor(private readonly db: Db) {
    // better-sqlite3's default page cache (16 MB) grows the process by some 130 MB more
    // during a build, for no gain in speed (measured at 100,000 articles).
    db.pragma('cache_size = -4000');
  }

  private meta(key: string): unknown {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: unknown } | undefined)?.value;
  }

  private setMeta(key: string, value: string | Buffer): void {
    this.db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)').run(key, value);
  }

  /** True when this database was made by this version of psg for this folder. */
  belongsTo(tag: string, root: string): boolean {
    return this.meta('tag') === tag && this.meta('root') === root;
  }

  init(tag: string, root: string): void {
    // Articles of a few kilobytes each pack into large pages with little left over (4 KB
    // pages hold one and most of the next in overflow): about 15% smaller on disk.
    this.db.pragma('page_size = 65536');
    this.db.exec(TABLES);
    this.setMeta('tag', tag);
    this.setMeta('root', root);
  }

  private remember(ids: Int32Array): void {
    let top = 0;
    for (const id of ids) top = Math.max(top, id);
    this.positionOf = new Int32Array(top + 1).fill(-1);
    ids.forEach((id, i) => (this.positionOf[id] = i));
  }

  /**
   * Bring the rows into line with the articles: add new ones, re-read changed ones, drop
   * gone ones. An unchanged archive costs one fingerprint; a changed one, one pass over the
   * stored stamps and the reading of the files that changed. Each chunk read is its own
   * transaction, so memory stays flat; the fingerprint is written last, so a run stopped
   * half way leaves rows that the next one finds stale and reads again.
   */
  async sync(source: SearchSource): Promise<number> {
    const { paths, stamps } = source;
    const print = fingerprint(paths, stamps);
    if (this.meta('fingerprint') === print) {
      const blob = this.meta('ids');
      if (Buffer.isBuffer(blob) && blob.length === paths.length * 4) {
        this.remember(new Int32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.length)));
        trace('search index: unchanged');
        return 0;
      }
    }
    const rows = this.db.prepare('SELECT id, path, size, mtime, ctime FROM files').raw().all() as FileRow[];
    const byPath = new Map<string, FileRow>();
    let nextId = 1;
    for (const r of rows) {
      byPath.set(r[1], r);
      nextId = Math.max(nextId, r[0] + 1);
    }
    const ids = new Int32Array(paths.length);
    const toRead: number[] = [];
    const fresh: boolean[] = [];
    for (let i = 0; i < paths.length; i++) {
      const row = byPath.get(paths[i]!);
      if (row) {
        byPath.delete(paths[i]!);
        ids[i] = row[0];
        if (row[2] === stamps[i * 3] && row[3] === stamps[i * 3 + 1] && row[4] === stamps[i * 3 + 2]) continue;
      } else ids[i] = nextId++;
      toRead.push(i);
      fresh.push(!row);
    }
    trace(`search index: ${toRead.length} to read, ${byPath.size} gone`);
    const deleteFile = this.db.prepare('DELETE FROM files WHERE id = ?');
    const deleteText = this.db.prepare('DELETE FROM text WHERE rowid = ?');
    this.db.transaction(() => {
      for (const gone of byPath.values()) {
        deleteText.run(gone[0]);
        deleteFile.run(gone[0]);
      }
    })();
    const putFile = this.db.prepare('INSERT OR REPLACE INTO files(id, path, size, mtime, ctime) VALUES (?, ?, ?, ?, ?)');
    const insertText = this.db.prepare('INSERT INTO text(rowid, title, summary, body) VALUES (?, ?, ?, ?)');
    const racy = source.startedAt - RACY_MS;
    let trusted = true;
    let done = 0;
    const store = (start: number, bodies: string[]) => {
      bodies.forEach((body, k) => {
        const i = toRead[start + k]!;
        const id = ids[i]!;
        if (!fresh[start + k]) deleteText.run(id);
        const { title, summary } = source.head(i);
        insertText.run(id, nfc(title), nfc(summary), body);
        const [size, mtime, ctime] = [stamps[i * 3]!, stamps[i * 3 + 1]!, stamps[i * 3 + 2]!];
        // An untrusted stamp is stored as none (-1): the next run reads the file again.
        const settled = mtime < racy && ctime < racy;
        if (!settled) trusted = false;
        putFile.run(id, paths[i]!, settled ? size : -1, mtime, ctime);
      });
    };
    // Thousands of rows a transaction: FTS5 writes a segment at every commit, and fewer,
    // larger ones cost a third less to write and merge than one a chunk.
    let pending = 0;
    try {
      for await (const chunk of readBodies(source.root, toRead.map((i) => paths[i]!))) {
        if (!this.db.inTransaction) this.db.exec('BEGIN');
        store(chunk.start, chunk.bodies);
        done += chunk.bodies.length;
        pending += chunk.bodies.length;
        if (pending >= ROWS_A_TRANSACTION) {
          this.db.exec('COMMIT');
          pending = 0;
        }
        source.onProgress?.(done, toRead.length);
      }
      if (this.db.inTransaction) this.db.exec('COMMIT');
    } finally {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    }
    this.db.transaction(() => {
      this.setMeta('fingerprint', trusted ? print : '');
      this.setMeta('ids', Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength));
    })();
    this.remember(ids);
    trace('search index: updated');
    return toRead.length + byPath.size;
  }

  search(expression: string): SearchHit[] {
    const rows = this.db.prepare(`SELECT rowid, bm25(text, ${WEIGHTS.join(', ')}) FROM text WHERE text MATCH ?`).raw().all(expression) as [number, number][];
    const out: SearchHit[] = [];
    for (const [id, score] of rows) {
      const position = this.positionOf[id] ?? -1;
      if (position >= 0) out.push({ position, score });
    }
    return out;
  }

  close(): void {
    this.db.close();
  }
}

export interface SearchStore {
  /** The cache folder; undefined for a plain scan (an index for this run only, built and dropped). */
  dir?: string;
  /** psg's version: an index made by another is rebuilt. */
  version: string;
  realRoot: string;
}

const tagOf = (version: string) => `${SCHEMA}/${version}`;

/** Build a new index from every file, in a side file put in place when whole, and keep it open. */
async function build(file: string, store: SearchStore, source: SearchSource): Promise<SearchIndex> {
  const Database = await sqlite();
  mkdirSync(store.dir!, { recursive: true });
  const part = `${file}.${process.pid}.part`;
  rmSync(part, { force: true });
  const db = new Database(part);
  try {
    // Nothing to protect while building: a crash leaves only the side file.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    const index = new SearchIndex(db);
    index.init(tagOf(store.version), store.realRoot);
    await index.sync(source);
    // Put in place whole; the connection stays open on it for this run's search.
    renameSync(part, file);
    return index;
  } catch (e) {
    if (db.open) db.close();
    rmSync(part, { force: true });
    throw e;
  }
}

async function open(file: string): Promise<SearchIndex> {
  const Database = await sqlite();
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // A cache: a run stopped half way is safe (the rollback journal), and damage found later
  // is rebuilt; waiting for the disk on every update would cost more than it protects.
  db.pragma('synchronous = OFF');
  return new SearchIndex(db);
}

function remove(file: string): void {
  try {
    for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  } catch {
    // Not ours to remove (a folder in its place, say): the search runs on a temporary index instead.
  }
}

/**
 * Search an index made from every file for this run only: the plain scan. SQLite's private
 * temporary database (an empty name) spills to a file it deletes on close, so that 100,000
 * articles never sit in memory at once.
 */
async function searchTemporary(store: SearchStore, source: SearchSource, expression: string): Promise<SearchHit[]> {
  const Database = await sqlite();
  const index = new SearchIndex(new Database(''));
  try {
    index.init(tagOf(store.version), store.realRoot);
    await index.sync(source);
    return index.search(expression);
  } finally {
    index.close();
  }
}

/** Bring the index up to date and run the search; a damaged index is rebuilt once. */
async function searchOnDisk(file: string, store: SearchStore, source: SearchSource, expression: string): Promise<SearchHit[]> {
  let index: SearchIndex | undefined;
  try {
    index = await open(file);
    if (!index.belongsTo(tagOf(store.version), store.realRoot)) throw new Error('another version or folder');
    await index.sync(source);
  } catch {
    // Missing, damaged, from another version: start again.
    index?.close();
    index = undefined;
    remove(file);
  }
  try {
    index ??= await build(file, store, source);
    return index.search(expression);
  } finally {
    index?.close();
  }
}

/** Match bad syntax apart from a damaged index: only the first is the user's to fix. */
export class BadSearch extends Error {}

/**
 * The files that match `expression` (FTS5 syntax, built by core/search-query), best first.
 * With a cache folder the index there is used and kept up to date; without one, or when the
 * folder cannot be written, the same search runs on a temporary index built for this run.
 */
export async function runSearch(store: SearchStore, source: SearchSource, expression: string): Promise<SearchHit[]> {
  try {
    if (store.dir !== undefined) {
      const file = searchIndexPath(store.dir, store.realRoot);
      try {
        return await searchOnDisk(file, store, source, expression);
      } catch (e) {
        if (isSyntaxError(e)) throw e;
        // Damaged in a way only a search shows: build it again.
        remove(file);
        try {
          return await searchOnDisk(file, store, source, expression);
        } catch (again) {
          if (isSyntaxError(again)) throw again;
          // The index only saves time: an unwritable or broken cache must not stop the search.
        }
      }
    }
    return await searchTemporary(store, source, expression);
  } catch (e) {
    if (isSyntaxError(e)) throw new BadSearch((e as Error).message);
    throw e;
  }
}

function isSyntaxError(e: unknown): boolean {
  return e instanceof Error && /fts5: syntax error|unknown special query|no such column/i.test(e.message);
}
