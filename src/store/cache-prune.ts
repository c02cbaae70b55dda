// Keeping the cache folder small: each archive psg has read leaves one index file there
// (index-<hash>.psgidx). An index whose archive folder is gone, or that nobody has used for
// PRUNE_AFTER_DAYS, is removed, at most once a day; `psg cache clear` removes them all.
// Only psg's own files are touched: index files and the temp files of an interrupted write.
import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PRUNE_AFTER_DAYS = 60;
const DAY_MS = 86_400_000;
/** Touched after each pruning, so that the folder is looked through at most once a day. */
const MARK = '.last-pruned';

const INDEX = /^index-[0-9a-f]+\.psgidx$/;
/** Files kept beside an index and named after it (its folder stamps, validate's results). */
const COMPANION = /^(index-[0-9a-f]+)\.(?:dirs|validate|validate\.json)$/;
// writeFileAtomic's temp file: ".<name>.<pid>.<hex>.tmp".
// The code cache's (see src/boot.ts): ".code-<node>-<arch>-<crc>.v8.<pid>.tmp".
const TEMP = /^\.(?:index-[0-9a-f]+\.(?:psgidx|dirs|validate|validate\.json)\.\d+\.[0-9a-f]+|code-[\w.-]+\.v8\.\d+)\.tmp$/;
/** The compiled code of psg's own script, kept by src/boot.ts. */
const CODE = /^code-[\w.-]+\.v8$/;

export interface CacheFiles {
  files: number;
  bytes: number;
}

/** The archive folder an index was made for, from its header; undefined when unreadable. */
function indexRoot(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(8192);
    const n = readSync(fd, buf, 0, buf.length, 0);
    // A 64-byte prelude line, then the header's JSON line.
    const text = buf.subarray(0, n).toString('utf8');
    const start = text.indexOf('\n') + 1;
    const end = text.indexOf('\n', start);
    if (start === 0 || end === -1) return undefined;
    const header = JSON.parse(text.slice(start, end)) as { root?: unknown };
    return typeof header.root === 'string' ? header.root : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Remove a file of psg's; `counted` says whether it counts as an index file (companions add bytes only). */
function remove(file: string, removed: CacheFiles, counted = true): void {
  try {
    const { size } = statSync(file);
    unlinkSync(file);
    if (counted) removed.files++;
    removed.bytes += size;
  } catch {
    // Gone already, or not ours to remove: either way nothing to do.
  }
}

const entries = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/**
 * Remove the index files no archive needs any more: their archive folder is gone (a moved
 * or deleted archive, a test's temporary folder), or they are older than PRUNE_AFTER_DAYS.
 * An archive in daily use whose files have not changed in that long loses its index once,
 * and the next run builds it again.
 */
export function pruneIndexes(dir: string, now = Date.now()): CacheFiles {
  const removed = { files: 0, bytes: 0 };
  for (const name of entries(dir)) {
    const file = join(dir, name);
    if (TEMP.test(name)) {
      // A write that was interrupted; one still going on is seconds old, not a day.
      if (now - safeMtime(file) > DAY_MS) remove(file, removed);
      continue;
    }
    if (!INDEX.test(name)) continue;
    const root = indexRoot(file);
    if ((root !== undefined && !existsSync(root)) || now - safeMtime(file) > PRUNE_AFTER_DAYS * DAY_MS) remove(file, removed);
  }
  // What was kept beside an index that is gone goes with it.
  for (const name of entries(dir)) {
    const companion = COMPANION.exec(name);
    if (companion && !existsSync(join(dir, `${companion[1]}.psgidx`))) remove(join(dir, name), removed, false);
  }
  return removed;
}

function safeMtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

/** Prune when the last pruning was a day ago or more; costs one stat otherwise. */
export function pruneIndexesDaily(dir: string, now = Date.now()): void {
  const mark = join(dir, MARK);
  try {
    if (existsSync(mark) && now - statSync(mark).mtimeMs < DAY_MS) return;
    if (!existsSync(dir)) return;
    pruneIndexes(dir, now);
    if (existsSync(mark)) utimesSync(mark, now / 1000, now / 1000);
    else writeFileSync(mark, '');
  } catch {
    // The cache is a convenience: a folder psg cannot tidy is no reason to fail a command.
  }
}

/** `psg cache clear`: every index file and leftover temp file of psg in the cache folder, and its code cache. */
export function clearIndexes(dir: string): CacheFiles {
  const removed = { files: 0, bytes: 0 };
  for (const name of entries(dir)) {
    if (INDEX.test(name) || COMPANION.test(name) || TEMP.test(name)) remove(join(dir, name), removed, INDEX.test(name));
    // Not an index: it is made again, whole, by the next run, and is not counted.
    else if (CODE.test(name)) rmSync(join(dir, name), { force: true });
  }
  return removed;
}
