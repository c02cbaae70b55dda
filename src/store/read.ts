// Read one article file's bytes safely: too large a file is reported, never read whole.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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
  | { ok: false; reason: 'too-large' | 'unreadable'; message: string; stamp?: FileStamp };

// One buffer for every head read: list and digest read thousands of files, and a fresh
// buffer for each is most of their garbage.
const HEAD_BYTES = 16 * 1024;
const headBuffer = Buffer.allocUnsafe(HEAD_BYTES);

const unreadable = (e: unknown): ReadBytes => ({ ok: false, reason: 'unreadable', message: (e as NodeJS.ErrnoException).code ?? String(e) });

/**
 * A file's bytes and stamp. With `headOnly`, only as much as its front matter needs (list
 * and digest never look at bodies): the first 16 KB, or the whole file when they hold no
 * closing delimiter; those bytes may live in a shared buffer, so decode them before the
 * next read.
 */
export function readBytes(abs: string, limit: number = LIMITS.fileBytes, headOnly = false): ReadBytes {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (e) {
    return unreadable(e);
  }
  try {
    const st = fstatSync(fd);
    const stamp = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
    if (headOnly) {
      const n = readSync(fd, headBuffer, 0, Math.min(HEAD_BYTES, st.size), 0);
      const end = frontMatterEnd(headBuffer, n);
      if (end !== -1) return { ok: true, bytes: headBuffer.subarray(0, end), stamp };
    }
    if (st.size > limit) return { ok: false, reason: 'too-large', message: `${st.size}`, stamp };
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
      : `The file cannot be read (${read.message}); check its permissions`;
  const file: ArticleFile & { stamp?: FileStamp } = {
    path,
    bom: false,
    problems: [error(read.reason === 'too-large' ? 'file-too-large' : 'file-unreadable', message, { line: 1, column: 1 })],
  };
  if (read.stamp) file.stamp = read.stamp;
  return file;
}
