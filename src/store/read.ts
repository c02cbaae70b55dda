// Read one article file's bytes safely: too large a file is reported, never read whole.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { LIMITS } from '../core/article.js';
import { type ArticleFile, decodeArticle } from '../core/article-file.js';
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

export function readBytes(abs: string, limit: number = LIMITS.fileBytes): ReadBytes {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  try {
    const st = fstatSync(fd);
    const stamp = { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
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
    return { ok: false, reason: 'unreadable', message: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    closeSync(fd);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Read and decode one article; a file that cannot be read becomes a problem. */
export function readArticle(abs: string, path: string, ctx: CoreContext): ArticleFile & { stamp?: FileStamp } {
  const read = readBytes(abs);
  if (read.ok) return { ...decodeArticle(path, read.bytes, ctx), stamp: read.stamp };
  const message =
    read.reason === 'too-large'
      ? `The file is ${megabytes(Number(read.message))}, over the ${megabytes(LIMITS.fileBytes)} an article may be; is it an article?`
      : `The file cannot be read (${read.message}); check its permissions`;
  const file: ArticleFile & { stamp?: FileStamp } = {
    path,
    bom: false,
    problems: [error(read.reason === 'too-large' ? 'file-too-large' : 'file-unreadable', message, { line: 1, column: 1 })],
  };
  if (read.stamp) file.stamp = read.stamp;
  return file;
}
