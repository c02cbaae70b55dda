// Where `digest --out` writes. A regular file is replaced atomically; a device, a FIFO or a
// terminal is written through as a stream (replacing one with a file would destroy it); a
// symbolic link is followed to the file it names, so the link stays a link; and an article
// is never replaced by a digest.
import { closeSync, lstatSync, openSync, readlinkSync, realpathSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PsgError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { relativeInside } from './paths.js';

/** The path a write to `target` lands on: links followed, even one that names no file yet. */
function landing(target: string): string {
  let path = target;
  for (let hops = 0; hops < 40; hops++) {
    try {
      return realpathSync(path);
    } catch {
      /* no such file (yet): follow a dangling link by hand, else resolve the folder */
    }
    let link: string | undefined;
    try {
      if (lstatSync(path).isSymbolicLink()) link = readlinkSync(path);
    } catch {
      link = undefined;
    }
    if (link === undefined) {
      let folder: string;
      try {
        folder = realpathSync(dirname(path));
      } catch {
        return path; // the write will say the folder is missing
      }
      return join(folder, basename(path));
    }
    path = resolve(dirname(path), link);
  }
  return path;
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Refuse to put a digest where an article is, or could be: any .md inside the articles folder. */
function refuseArticle(shown: string, paths: string[], articlesDir: string): void {
  const root = realOr(articlesDir);
  for (const path of paths) {
    if (!/\.md$/i.test(path)) continue;
    if (relativeInside(root, path) === undefined && relativeInside(articlesDir, path) === undefined) continue;
    throw new PsgError(`will not write the digest to ${shown}: it is an article file in the articles folder`, {
      hint: 'Give --out a path outside the articles folder, or one that does not end in .md',
    });
  }
}

/**
 * The open file a path names through /proc/self/fd/N or /dev/fd/N (as /dev/stdout does),
 * followed link by link: a socket there (a parent's pipe often is one) cannot be opened again.
 */
function ownDescriptor(target: string): number | undefined {
  let path = target;
  for (let hops = 0; hops < 40; hops++) {
    const fd = /^\/(?:proc\/self|dev)\/fd\/(\d+)$/.exec(path)?.[1];
    if (fd !== undefined) return Number(fd);
    try {
      if (!lstatSync(path).isSymbolicLink()) return undefined;
      path = resolve(dirname(path), readlinkSync(path));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function writeAll(fd: number, document: string): void {
  const bytes = Buffer.from(document, 'utf8');
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Write a whole document to --out; `shown` is the path as the user gave it. */
export function writeOut(target: string, shown: string, document: string, articlesDir: string): void {
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(target);
  } catch {
    existing = undefined;
  }
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    const own = ownDescriptor(target);
    if (own !== undefined) return writeAll(own, document);
    // Through the path as given: the path names the device or FIFO through any links.
    const fd = openSync(target, 'w');
    try {
      writeAll(fd, document);
    } finally {
      closeSync(fd);
    }
    return;
  }
  const real = landing(target);
  refuseArticle(shown, [target, real], articlesDir);
  writeFileAtomic(real, document, { overwrite: true });
}
