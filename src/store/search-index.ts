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

type Db = BetterSqlite3.Database;

/** Bump when the tables or the meaning of a row change. */
const SCHEMA = 1;
/** Title and summary count above the body (BM25 weights of the three columns). */
const WEIGHTS = [8, 4, 1] as const;

export interface SearchDoc {
  title: string;
  summary: string;
  body: string;
}

/** What the index needs of the archive: its files, their stamps, and their text when asked. */
export interface SearchSource {
  paths: readonly string[];
  /** Three numbers a path: size, mtimeMs, ctimeMs (as statAll gives them); asked for only when needed. */
  stamps: () => Float64Array;
  /**
   * Set when psg's own index found every file unchanged: that index file's stamp. While it
   * is the one recorded at the last update, no file has changed since, and none is stat-ed.
   */
  settled?: string;
  doc(i: number): SearchDoc;
  onProgress?: (done: number, total: number) => void;
}

export interface SearchHit {
  path: string;
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

const TABLES = `
  CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT NOT NULL, size REAL NOT NULL, mtime REAL NOT NULL, ctime REAL NOT NULL);
  CREATE VIRTUAL TABLE text USING fts5(title, summary, body, tokenize = 'unicode61 remove_diacritics 2');
`;

/** One number for the whole file list and its stamps: when it is unchanged, no row need be compared. */
function fingerprint(paths: readonly string[], stamps: Float64Array): string {
  const hash = createHash('sha1');
  hash.update(paths.join('\0'));
  hash.update(new Uint8Array(stamps.buffer, stamps.byteOffset, stamps.byteLength));
  return hash.digest('hex');
}

/** NFC, so that an accent written as a separate mark folds like a composed one. */
const nfc = (s: string) => s.normalize('NFC');

class SearchIndex {
  constructor(private readonly db: Db) {}

  private meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  private setMeta(key: string, value: string): void {
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

  /** Bring the rows into line with the files: add new ones, re-read changed ones, drop gone ones. */
  sync(source: SearchSource): number {
    if (source.settled !== undefined && this.meta('settled') === source.settled) return 0;
    const { paths } = source;
    const stamps = source.stamps();
    trace('search index: files stat-ed');
    const print = fingerprint(paths, stamps);
    if (this.meta('fingerprint') === print) {
      if (source.settled !== undefined) this.setMeta('settled', source.settled);
      return 0;
    }
    const rows = this.db.prepare('SELECT id, path, size, mtime, ctime FROM files').all() as { id: number; path: string; size: number; mtime: number; ctime: number }[];
    const byPath = new Map(rows.map((r) => [r.path, r]));
    const insertFile = this.db.prepare('INSERT INTO files(path, size, mtime, ctime) VALUES (?, ?, ?, ?)');
    const updateFile = this.db.prepare('UPDATE files SET size = ?, mtime = ?, ctime = ? WHERE id = ?');
    const deleteFile = this.db.prepare('DELETE FROM files WHERE id = ?');
    const insertText = this.db.prepare('INSERT INTO text(rowid, title, summary, body) VALUES (?, ?, ?, ?)');
    const deleteText = this.db.prepare('DELETE FROM text WHERE rowid = ?');
    const toRead: number[] = [];
    for (let i = 0; i < paths.length; i++) {
      const row = byPath.get(paths[i]!);
      if (row) byPath.delete(paths[i]!);
      if (!row || row.size !== stamps[i * 3] || row.mtime !== stamps[i * 3 + 1] || row.ctime !== stamps[i * 3 + 2]) toRead.push(i);
    }
    trace(`search index: ${toRead.length} to read, ${byPath.size} gone`);
    let changed = byPath.size;
    this.db.transaction(() => {
      for (const gone of byPath.values()) {
        deleteText.run(gone.id);
        deleteFile.run(gone.id);
      }
      const existing = new Map(rows.map((r) => [r.path, r.id]));
      toRead.forEach((i, done) => {
        const path = paths[i]!;
        const doc = source.doc(i);
        let id = existing.get(path);
        if (id === undefined) id = Number(insertFile.run(path, stamps[i * 3]!, stamps[i * 3 + 1]!, stamps[i * 3 + 2]!).lastInsertRowid);
        else {
          deleteText.run(id);
          updateFile.run(stamps[i * 3]!, stamps[i * 3 + 1]!, stamps[i * 3 + 2]!, id);
        }
        insertText.run(id, nfc(doc.title), nfc(doc.summary), nfc(doc.body));
        changed++;
        if (done % 256 === 0) source.onProgress?.(done, toRead.length);
      });
      this.setMeta('fingerprint', print);
      this.setMeta('settled', source.settled ?? '');
    })();
    trace('search index: updated');
    return changed;
  }

  search(expression: string): SearchHit[] {
    return this.db
      .prepare(`SELECT files.path AS path, bm25(text, ${WEIGHTS.join(', ')}) AS score FROM text JOIN files ON files.id = text.rowid WHERE text MATCH ? ORDER BY score`)
      .all(expression) as SearchHit[];
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

/** Build a new index from every file, in a side file put in place when whole. */
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
    index.sync(source);
    db.close();
    renameSync(part, file);
  } catch (e) {
    if (db.open) db.close();
    rmSync(part, { force: true });
    throw e;
  }
  return open(file);
}

async function open(file: string): Promise<SearchIndex> {
  const Database = await sqlite();
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
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
    index.sync(source);
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
    index.sync(source);
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
