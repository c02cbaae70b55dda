// Rewrite an article in place, atomically, and only if nobody changed it since we read it:
// the bytes read are kept and compared with the file right before the rename.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { LIMITS } from '../core/article.js';
import { type ArticleFile, decodeArticle } from '../core/article-file.js';
import type { CoreContext } from '../core/context.js';
import { type ReadState, writeFileAtomic } from './atomic.js';
import { readArticle } from './read.js';

const BOM = '\uFEFF';

export type RewritableFile = ArticleFile & { read?: ReadState };

/** Read an article to rewrite it: decoded as readArticle does, with the exact bytes and stamps kept. */
export function readForRewrite(abs: string, path: string, ctx: CoreContext): RewritableFile {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch {
    return readArticle(abs, path, ctx); // says why, as a problem of the file
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > LIMITS.fileBytes) return readArticle(abs, path, ctx);
    const bytes = Buffer.allocUnsafe(st.size);
    let at = 0;
    while (at < st.size) {
      const n = readSync(fd, bytes, at, st.size - at, at);
      if (n === 0) break;
      at += n;
    }
    const read = { bytes: bytes.subarray(0, at), ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
    // Shrunk while read: not what the stamps say, so the rewrite will be refused.
    return { ...decodeArticle(path, read.bytes, ctx), read };
  } finally {
    closeSync(fd);
  }
}

/** Write the new text over the file, unless it no longer holds what `read` says (FileChangedError). */
export function rewriteArticle(abs: string, text: string, bom: boolean, read: ReadState | undefined): void {
  writeFileAtomic(abs, (bom ? BOM : '') + text, read ? { overwrite: true, unchanged: read } : { overwrite: true });
}
