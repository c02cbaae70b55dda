// The first lines of an index file: its prelude, header and paths, read without the rest.
// A stat worker reads them itself, so that it can stat the files the index names while the
// main thread is still reading (and checking) the whole index; this module imports only fs,
// so the worker stays quick to start.
import { closeSync, openSync, readSync } from 'node:fs';

export const PRELUDE = 64;
export const PRELUDE_PATTERN = /^psg-index (\d+) (\d+) (\d+) (\d+) *\n$/;

/**
 * The id, count and paths (UTF-8, NUL between them, as the index stores them) of the index in
 * `file`, unchecked: the caller trusts them only once the main thread's full read, with its
 * checksums, gives the same id.
 */
export function readIndexPaths(file: string): { id: string; count: number; bytes: Buffer } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const prelude = Buffer.alloc(PRELUDE);
    if (readSync(fd, prelude, 0, PRELUDE, 0) !== PRELUDE) return undefined;
    const m = PRELUDE_PATTERN.exec(prelude.toString('latin1'));
    if (!m) return undefined;
    const metaBytes = Number(m[1]);
    // The header line: read until its newline (it is short).
    let head = Buffer.alloc(0);
    let nl = -1;
    while (nl === -1 && head.length < metaBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(4096, metaBytes - head.length));
      const n = readSync(fd, chunk, 0, chunk.length, PRELUDE + head.length);
      if (n === 0) return undefined;
      head = Buffer.concat([head, chunk.subarray(0, n)]);
      nl = head.indexOf(0x0a);
    }
    if (nl === -1) return undefined;
    const header = JSON.parse(head.toString('utf8', 0, nl)) as { id?: unknown; count?: unknown; pathsBytes?: unknown };
    const { id, count, pathsBytes } = header;
    if (typeof id !== 'string' || typeof count !== 'number' || typeof pathsBytes !== 'number' || !Number.isSafeInteger(pathsBytes) || nl + 1 + pathsBytes > metaBytes) return undefined;
    const bytes = Buffer.allocUnsafe(pathsBytes);
    for (let at = 0; at < pathsBytes; ) {
      const n = readSync(fd, bytes, at, pathsBytes - at, PRELUDE + nl + 1 + at);
      if (n === 0) return undefined;
      at += n;
    }
    return { id, count, bytes };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
