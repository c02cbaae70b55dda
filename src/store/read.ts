// Read one article file's bytes safely: too large a file is reported, never read whole.
import { closeSync, constants, fstatSync, openSync, type PathLike, readSync, type Stats } from 'node:fs';
import { LIMITS } from '../core/article.js';
import { type ArticleFile, decodeArticle, frontMatterEnd } from '../core/article-file.js';
import type { CoreContext } from '../core/context.js';
import { error } from '../core/problem.js';

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export type ReadBytes =
  | { ok: true; bytes: Buffer; stamp: FileStamp }
  | { ok: false; reason: 'too-large' | 'unreadable' | 'not-a-file'; message: string; stamp?: FileStamp };

/** What a path is when it is not a regular file, for messages ("a named pipe (FIFO)"). */
export function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

export type Opened = { ok: true; fd: number; stat: Stats } | { ok: false; reason: 'unreadable' | 'not-a-file'; message: string };

// Without O_NONBLOCK, opening a named pipe waits for a writer for ever.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Open a path for reading, and keep it only if it is a regular file: a pipe or a device
 * would block a read or never end. The open file's own stat decides, so a file swapped for
 * a pipe after a scan looked at it is refused too. `flags` adds open flags (O_NOFOLLOW).
 */
export function openRegular(path: PathLike, flags = 0): Opened {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS | flags);
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isFile()) return { ok: true, fd, stat };
    closeSync(fd);
    return { ok: false, reason: 'not-a-file', message: kindOf(stat) };
  } catch (e) {
    closeSync(fd);
    return { ok: false, reason: 'unreadable', message: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}

// One buffer for every head read: list and digest read thousands of files, and a fresh
// buffer for each is most of their garbage.
const HEAD_BYTES = 16 * 1024;
const headBuffer = Buffer.allocUnsafe(HEAD_BYTES);

const unreadable = (e: unknown): ReadBytes => ({ ok: false, reason: 'unreadable', message: (e as NodeJS.ErrnoException).code ?? String(e) });

/**
 * A regular file's bytes and stamp, at most `limit` of them (a larger file is reported, never
 * read). With `headOnly`, only as much as its front matter needs (list and digest never look
 * at bodies): the first 16 KB when they hold the closing delimiter, else the whole file, so
 * that the head gives the same verdict as the whole; those bytes may live in a shared
 * buffer, so decode them before the next read.
 */
export function readBytes(abs: PathLike, limit: number = LIMITS.fileBytes, headOnly = false, flags = 0): ReadBytes {
  const opened = openRegular(abs, flags);
  if (!opened.ok) return opened;
  const { fd, stat: st } = opened;
  try {
    const stamp = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
    // Before the head: a file too large to be an article is one whether or not its head is read.
    if (st.size > limit) return { ok: false, reason: 'too-large', message: `${st.size}`, stamp };
    if (headOnly) {
      const n = readSync(fd, headBuffer, 0, Math.min(HEAD_BYTES, st.size), 0);
      const end = frontMatterEnd(headBuffer, n, n === st.size);
      if (end !== -1) return { ok: true, bytes: headBuffer.subarray(0, end), stamp };
    }
    const bytes = Buffer.allocUnsafe(st.size);
    let at = 0;
    while (at < st.size) {
      const n = readSync(fd, bytes, at, st.size - at, at);
      if (n === 0) break; // the file shrank while we read it
      at += n;
    }
    return { ok: true, bytes: at === st.size ? bytes : bytes.subarray(0, at), stamp };
  } catch (e) {
    return unreadable(e);
  } finally {
    closeSync(fd);
  }
}

/** "3.0 MB (3,145,728 bytes)": rounded for reading, exact so that two sizes never look alike. */
function bytesText(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB (${bytes.toLocaleString('en')} bytes)`;
}

/** Read and decode one article; a file that cannot be read becomes a problem. */
export function readArticle(
  abs: string,
  path: string,
  ctx: CoreContext,
  part: 'whole' | 'front-matter' | 'check' = 'whole',
): ArticleFile & { stamp?: FileStamp } {
  // 'check' reads the whole file (its encoding is checked) but decodes the front matter only.
  const read = readBytes(abs, LIMITS.fileBytes, part === 'front-matter');
  if (read.ok) return { ...decodeArticle(path, read.bytes, ctx, { frontMatterOnly: part === 'check' }), stamp: read.stamp };
  const message =
    read.reason === 'too-large'
      ? `The file is ${bytesText(Number(read.message))}, over the ${bytesText(LIMITS.fileBytes)} an article may be: move it out of the articles folder, or split it`
      : read.reason === 'not-a-file'
        ? `This is ${read.message}, not a regular file, so psg does not read it: move it out of the articles folder`
        : `The file cannot be read (${read.message}); check its permissions`;
  const file: ArticleFile & { stamp?: FileStamp } = {
    path,
    bom: false,
    problems: [error(read.reason === 'too-large' ? 'file-too-large' : 'file-unreadable', message, { line: 1, column: 1 })],
  };
  if (read.stamp) file.stamp = read.stamp;
  return file;
}
