// Files appear whole or not at all: write a temp file in the same folder (its name starts
// with a dot, so a scan never takes it for an article), flush it, then move it into place.
import { closeSync, fstatSync, fsyncSync, linkSync, lstatSync, openSync, readSync, renameSync, unlinkSync, writeSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PsgError } from '../errors.js';
import { removeStaleTemps } from './stale-temps.js';

/** What a rewrite read: it replaces the file only while the file still holds exactly this. */
export interface ReadState {
  bytes: Uint8Array;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export interface AtomicOptions {
  /** Replace an existing file (a rewrite). Without it an existing path is an EEXIST error. */
  overwrite?: boolean;
  /** File mode for a new file; a rewrite keeps the old file's mode. */
  mode?: number;
  /** With overwrite: refuse (FileChangedError) unless the target still holds what was read. */
  unchanged?: ReadState;
  /**
   * False for a cache file, which need not survive a power cut (its checksums find a torn
   * one, and it is made again): the flush to disk is skipped. Articles are always flushed.
   */
  durable?: boolean;
}

/** The target no longer holds what was read: somebody saved it meanwhile, and nothing was written. */
export class FileChangedError extends PsgError {
  constructor(target: string) {
    super(`${target} changed while psg was rewriting it; nothing was written`, { hint: 'Run the command again' });
    this.name = 'FileChangedError';
  }
}

// Named as stale-temps.ts expects, so that a later run can tell psg's leftovers from anyone else's.
function tempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** All of an open file's bytes, up to `limit` + 1 (enough to tell it differs). */
function readAll(fd: number, limit: number): Buffer {
  const bytes = Buffer.allocUnsafe(limit + 1);
  let at = 0;
  for (;;) {
    const n = readSync(fd, bytes, at, bytes.length - at, at);
    if (n === 0 || at + n === bytes.length) return bytes.subarray(0, at + n);
    at += n;
  }
}

/** Whether the open file still holds exactly what was read: same inode, stamps and bytes. */
function holds(fd: number, read: ReadState): boolean {
  const st = fstatSync(fd);
  if (st.ino !== read.ino || st.size !== read.size || st.mtimeMs !== read.mtimeMs || st.ctimeMs !== read.ctimeMs) return false;
  return readAll(fd, read.bytes.length).equals(read.bytes);
}

/** Open the target and check it still holds what was read; the fd is the caller's to close. */
function openUnchanged(target: string, read: ReadState): number {
  let fd: number;
  try {
    fd = openSync(target, 'r');
  } catch {
    throw new FileChangedError(target); // removed or renamed away meanwhile
  }
  if (!holds(fd, read)) {
    closeSync(fd);
    throw new FileChangedError(target);
  }
  return fd;
}

/** The file's contents: text or bytes, several pieces, or a function that writes them in turn. */
export type AtomicData = string | Uint8Array | readonly (string | Uint8Array)[] | ((write: (piece: string | Uint8Array) => void) => void);

/**
 * Write `data` to `target` atomically. With `overwrite` the temp file is renamed over the
 * target; without it the temp file is hard-linked to the target, which fails with EEXIST
 * when the target exists, so two writers can never both win and nothing is replaced.
 * With `unchanged`, the target is compared with what was read right before the rename, so
 * an editor's save made while psg worked is never replaced.
 */
export function writeFileAtomic(target: string, data: AtomicData, options: AtomicOptions = {}): void {
  removeStaleTemps(dirname(target));
  const temp = tempPath(target);
  let mode = options.mode ?? 0o644;
  if (options.overwrite) {
    try {
      mode = statSync(target).mode & 0o7777;
    } catch {
      /* a new file */
    }
  }
  const fd = openSync(temp, 'wx', mode);
  const written: Buffer[] = [];
  try {
    try {
      // Several pieces are written one after another, so a large file is never one big copy.
      const write = (piece: string | Uint8Array) => {
        const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        if (options.unchanged) written.push(Buffer.from(bytes));
        let at = 0;
        while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
      };
      if (typeof data === 'function') data(write);
      else for (const piece of Array.isArray(data) ? data : [data as string | Uint8Array]) write(piece);
      if (options.durable !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.overwrite && options.unchanged) replaceUnchanged(temp, target, options.unchanged, Buffer.concat(written));
    else if (options.overwrite) renameSync(temp, target);
    else linkSync(temp, target);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      /* already renamed into place */
    }
  }
}

/**
 * The rename of a rewrite, guarded on both sides. Before it: the target must still hold what
 * was read. After it: the file just replaced, still open, must not have changed in the
 * instant between the check and the rename (an editor writing in place through a file it had
 * open); if it did, that save is put back and the rewrite counts as refused.
 */
function replaceUnchanged(temp: string, target: string, read: ReadState, ours: Buffer): void {
  const old = openUnchanged(target, read);
  try {
    const st = statSync(temp);
    // The path must still name the file checked: an editor's save by rename in the meantime
    // would otherwise be replaced unseen (the checks after the rename look at the old file).
    if (lstatSync(target, { throwIfNoEntry: false })?.ino !== fstatSync(old).ino) throw new FileChangedError(target);
    renameSync(temp, target);
    const now = fstatSync(old);
    if (now.size === read.size && now.mtimeMs === read.mtimeMs && readAll(old, read.bytes.length).equals(read.bytes)) return;
    const saved = readAll(old, Math.max(now.size, read.size) + (1 << 20));
    try {
      writeFileAtomic(target, saved, { overwrite: true, unchanged: { bytes: ours, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: statSync(target).ctimeMs } });
    } catch {
      /* the target changed yet again: whatever is there now is newer than both */
    }
    throw new FileChangedError(target);
  } finally {
    closeSync(old);
  }
}
