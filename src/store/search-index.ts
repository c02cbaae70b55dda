// The search index: an SQLite database in the cache folder (beside psg's own index) with
// one FTS5 table of every readable article's title, summary and body, and the stamp (size,
// modification and change time) of each file as psg's own load found it, so that no file is
// stat-ed twice. A search first brings it up to date from those stamps, so an edited, added,
// deleted or renamed file shows at once; a damaged database,
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
  /** How many readable articles there are. */
  count: number;
  /** The readable articles' paths, by position: asked for only when something changed. */
  paths: () => readonly string[];
  /**
   * What fixes the list of paths, as a few strings or bytes (the archive's joined paths and
   * its order): hashed with the stamps, it tells an unchanged archive in one step.
   */
  identity: readonly (string | Uint8Array)[];
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

// meta.value has no declared type, so that a blob stays a blob. Beside the tag and the
// folder, meta holds what the rows were made from (saveState): every position's path,
// its row id in the text table and the file's stamp, as three values.
const TABLES = `
  CREATE TABLE meta(key TEXT PRIMARY KEY, value NOT NULL);
  CREATE VIRTUAL TABLE text USING fts5(title, summary, body, tokenize = 'unicode61 remove_diacritics 2');
`;

/** One number for the whole list of articles and their stamps: while it holds, no row need be compared. */
function fingerprint(identity: readonly (string | Uint8Array)[], stamps: Float64Array): string {
  const hash = createHash('sha1');
  for (const part of identity) hash.update(part);
  hash.update(new Uint8Array(stamps.buffer, stamps.byteOffset, stamps.byteLength));
  return hash.digest('hex');
}

/** NFC, so that an accent written as a separate mark folds like a composed one. */
const nfc = (s: string) => s.normalize('NFC');

/** Typed arrays to and from the blobs they are stored as (copied: a blob's bytes may not be aligned). */
const bytes = (a: Int32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const int32 = (b: Buffer) => new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
const float64 = (b: Buffer) => new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));

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

  private blob(key: string, bytesPer: number, count?: number): Buffer | undefined {
    const value = this.meta(key);
    if (!Buffer.isBuffer(value) || value.length % bytesPer !== 0) return undefined;
    return count === undefined || value.length === count * bytesPer ? value : undefined;
  }

  /** What the rows were made from: each position's path, row id and stamp (size -1: not to be trusted). */
  private state(building: boolean): { paths: string[]; ids: Int32Array; stamps: Float64Array } {
    if (building) return { paths: [], ids: new Int32Array(0), stamps: new Float64Array(0) };
    const joined = this.meta('paths');
    const ids = this.blob('ids', 4);
    const count = ids ? ids.length / 4 : 0;
    const stamps = this.blob('stamps', 24, count);
    // Rows without a record of what they were made from cannot be brought up to date.
    if (typeof joined !== 'string' || !ids || !stamps) throw new Error('the index does not say what its rows were made from');
    const paths = count === 0 ? [] : joined.split('\0');
    if (paths.length !== count) throw new Error('the stored paths and row ids disagree');
    return { paths, ids: int32(ids), stamps: float64(stamps) };
  }

  /** Store the state; `paths` left out when they are those stored already. */
  private saveState(paths: readonly string[] | undefined, ids: Int32Array, stamps: Float64Array): void {
    if (paths) this.setMeta('paths', paths.join('\0'));
    this.setMeta('ids', bytes(ids));
    this.setMeta('stamps', bytes(stamps));
  }

  /**
   * Bring the rows into line with the articles: add new ones, re-read changed ones, drop
   * gone ones. An unchanged archive costs one fingerprint; a changed one, one pass over the
   * stored stamps (by position while no file was added or removed) and the reading of the
   * files that changed. Rows are written thousands to a transaction, so memory stays flat;
   * each commit also stores which rows are up to date, so a run stopped half way leaves an
   * index that the next one finishes, and whose word counts are those of its rows.
   */
  async sync(source: SearchSource, building = false): Promise<number> {
    const { count, stamps } = source;
    const print = fingerprint(source.identity, stamps);
    trace('search index: fingerprint');
    if (this.meta('fingerprint') === print) {
      const ids = this.blob('ids', 4, count);
      if (ids) {
        this.remember(int32(ids));
        trace('search index: unchanged');
        return 0;
      }
    }
    const paths = source.paths();
    const old = this.state(building);
    // While no file was added, removed or renamed, a path keeps its position.
    const samePaths = old.paths.length === paths.length && old.paths.every((p, i) => p === paths[i]);
    const oldAt = samePaths ? undefined : new Map(old.paths.map((p, i) => [p, i]));
    let nextId = 1;
    for (const id of old.ids) nextId = Math.max(nextId, id + 1);
    const ids = new Int32Array(count);
    // The stamps stored as the work goes on: none (-1) for a row not yet read.
    const kept = Float64Array.from(stamps);
    const toRead: number[] = [];
    for (let i = 0; i < count; i++) {
      let o: number | undefined = i;
      if (oldAt) {
        o = oldAt.get(paths[i]!);
        if (o !== undefined) oldAt.delete(paths[i]!);
      }
      if (o !== undefined) {
        ids[i] = old.ids[o]!;
        if (old.stamps[o * 3] === stamps[i * 3] && old.stamps[o * 3 + 1] === stamps[i * 3 + 1] && old.stamps[o * 3 + 2] === stamps[i * 3 + 2]) continue;
      } else ids[i] = nextId++;
      toRead.push(i);
      kept[i * 3] = -1;
    }
    const gone = oldAt ? [...oldAt.values()].map((o) => old.ids[o]!) : [];
    trace(`search index: ${toRead.length} to read, ${gone.length} gone`);
    const deleteText = this.db.prepare('DELETE FROM text WHERE rowid = ?');
    const insertText = this.db.prepare('INSERT INTO text(rowid, title, summary, body) VALUES (?, ?, ?, ?)');
    const racy = source.startedAt - RACY_MS;
    let trusted = true;
    const store = (start: number, bodies: string[]) => {
      bodies.forEach((body, k) => {
        const i = toRead[start + k]!;
        const id = ids[i]!;
        // Nothing to delete for a new file (or one a stopped run left unwritten): a no-op.
        if (!building) deleteText.run(id);
        const { title, summary } = source.head(i);
        insertText.run(id, nfc(title), nfc(summary), body);
        // A stamp too recent to trust is kept as none: the next run reads the file again.
        if (stamps[i * 3 + 1]! < racy && stamps[i * 3 + 2]! < racy) kept[i * 3] = stamps[i * 3]!;
        else trusted = false;
      });
    };
    // Thousands of rows a transaction: FTS5 writes a segment at every commit, and fewer,
    // larger ones cost a third less to write and merge than one a chunk. An update of a
    // few files is one transaction, the state stored once.
    const save = () => this.saveState(samePaths && !building ? undefined : paths, ids, kept);
    let pending = 0;
    let done = 0;
    try {
      this.db.exec('BEGIN');
      for (const id of gone) deleteText.run(id);
      this.setMeta('fingerprint', '');
      for await (const chunk of readBodies(source.root, toRead.map((i) => paths[i]!))) {
        if (!this.db.inTransaction) this.db.exec('BEGIN');
        store(chunk.start, chunk.bodies);
        done += chunk.bodies.length;
        pending += chunk.bodies.length;
        if (pending >= ROWS_A_TRANSACTION && done < toRead.length) {
          if (!building) save();
          this.db.exec('COMMIT');
          pending = 0;
        }
        source.onProgress?.(done, toRead.length);
      }
      if (!this.db.inTransaction) this.db.exec('BEGIN');
      save();
      this.setMeta('fingerprint', trusted ? print : '');
      this.db.exec('COMMIT');
    } finally {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    }
    this.remember(ids);
    trace('search index: updated');
    return toRead.length + gone.length;
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
    await index.sync(source, true);
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
  trace('search index: library loaded');
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
    await index.sync(source, true);
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
