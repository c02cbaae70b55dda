// One writer at a time per letter series: two `psg new letter --place Cajamarca` at once must
// never take one part. The lock is a dot-file in the articles folder (the scanner skips it),
// created exclusively; a lock whose writer is gone, or that is older than any real hold, is
// stale and broken, so a killed psg never blocks a series for good.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { slugify } from '../core/slug.js';
import { errnoCode, PsgError } from '../errors.js';

/** No writer holds a lock this long (it reads the series and writes one file). */
const STALE_MS = 30_000;

export interface LockOptions {
  /** How long to wait for another writer before giving up (exit 2). */
  waitMs?: number;
  /** How to show the lock's path in messages. */
  shown?: (abs: string) => string;
}

export function seriesLockPath(root: string, series: string): string {
  return join(root, `.psg-series-${slugify(series)}.lock`);
}

interface Holder {
  pid: number;
  host: string;
}

function readHolder(path: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? { pid: holder.pid, host: holder.host } : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM'; // someone else's process, but there
  }
}

/** A lock left by a writer that is gone (on this machine), or older than any real hold. */
function isStale(path: string): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(path).mtimeMs;
  } catch {
    return false; // gone already: try again
  }
  if (age > STALE_MS) return true;
  const holder = readHolder(path);
  // A lock being written has no content yet: young and unreadable is not stale.
  return holder !== undefined && holder.host === hostname() && !alive(holder.pid);
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), created: new Date().toISOString() }));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Break a stale lock. Breakers take a lock of their own first, and look again under it, so
 * that two of them can never remove a fresh lock that a third has just made.
 */
function breakStale(path: string): void {
  const breaker = `${path}.break`;
  if (!tryCreate(breaker)) {
    if (isStale(breaker)) unlinkQuiet(breaker);
    return;
  }
  try {
    if (isStale(path)) unlinkQuiet(path);
  } finally {
    unlinkQuiet(breaker);
  }
}

function unlinkQuiet(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Run `work` holding the lock of `series`; waits for another writer, breaks stale locks. */
export async function withSeriesLock<T>(root: string, series: string, work: () => T, options: LockOptions = {}): Promise<T> {
  const path = seriesLockPath(root, series);
  const show = options.shown ?? ((p: string) => p);
  const deadline = Date.now() + (options.waitMs ?? 20_000);
  for (;;) {
    let made: boolean;
    try {
      made = tryCreate(path);
    } catch (error) {
      throw new PsgError(`cannot lock the series "${series}" (${show(path)}): ${errnoCode(error) ?? String(error)}`, {
        hint: 'Check that the articles folder is writable',
        cause: error,
      });
    }
    if (made) break;
    if (isStale(path)) {
      breakStale(path);
      continue;
    }
    if (Date.now() > deadline) {
      throw new PsgError(`another psg is writing a letter of "${series}"; nothing was written`, {
        hint: `Try again in a moment; if no psg is running, remove ${show(path)}`,
      });
    }
    await sleep(15 + Math.random() * 35);
  }
  try {
    return work();
  } finally {
    unlinkQuiet(path);
  }
}
