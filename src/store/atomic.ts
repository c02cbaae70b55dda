// Files appear whole or not at all: write a temp file in the same folder (its name starts
// with a dot, so a scan never takes it for an article), flush it, then move it into place.
import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicOptions {
  /** Replace an existing file (a rewrite). Without it an existing path is an EEXIST error. */
  overwrite?: boolean;
  /** File mode for a new file; a rewrite keeps the old file's mode. */
  mode?: number;
}

function tempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Write `data` to `target` atomically. With `overwrite` the temp file is renamed over the
 * target; without it the temp file is hard-linked to the target, which fails with EEXIST
 * when the target exists, so two writers can never both win and nothing is replaced.
 */
/** The file's contents: text or bytes, several pieces, or a function that writes them in turn. */
export type AtomicData = string | Uint8Array | readonly (string | Uint8Array)[] | ((write: (piece: string | Uint8Array) => void) => void);

export function writeFileAtomic(target: string, data: AtomicData, options: AtomicOptions = {}): void {
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
  try {
    try {
      // Several pieces are written one after another, so a large file is never one big copy.
      const write = (piece: string | Uint8Array) => {
        const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
        let at = 0;
        while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
      };
      if (typeof data === 'function') data(write);
      else for (const piece of Array.isArray(data) ? data : [data as string | Uint8Array]) write(piece);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.overwrite) renameSync(temp, target);
    else linkSync(temp, target);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      /* already renamed into place */
    }
  }
}
