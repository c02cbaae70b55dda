// The first lines of an index file: its prelude, header and paths, read without the rest.
// A stat worker reads them itself, so that it can stat the files the index names while the
// main thread is still reading (and checking) the whole index; this module imports only fs,
// so the worker stays quick to start.
import { closeSync, openSync, readSync } from 'node:fs';

export const PRELUDE = 64;
export const PRELUDE_PATTERN = /^psg-index (\d+) (\d+) (\d+) (\d+) *\n$/;

/**
 * The id and paths (NUL between them) of the index in `file`, unchecked: the caller trusts
 * them only once the main thread's full read, with its checksums, gives the same id.
 */
export function readIndexPaths(file: string): { id: string; joined: string } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const prelude = Buffer.alloc(PRELUDE);
    if (readSync(fd, prelude, 0, PRELUDE, 0) !== PRELUDE) return undefined;
    const m = PRELUDE_PATTERN.exec(prelude.toString('latin1'));
    if (!m) return undefined;
    const metaBytes = Number(m[1]);
    // The header line, then the paths line: read until the second newline.
    const chunks: Buffer[] = [];
    let newlines = 0;
    let read = 0;
    while (newlines < 2 && read < metaBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, metaBytes - read));
      const n = readSync(fd, chunk, 0, chunk.length, PRELUDE + read);
      if (n === 0) return undefined;
      for (let at = chunk.indexOf(0x0a); at !== -1 && at < n; at = chunk.indexOf(0x0a, at + 1)) newlines++;
      chunks.push(chunk.subarray(0, n));
      read += n;
    }
    const meta = Buffer.concat(chunks);
    const first = meta.indexOf(0x0a);
    const second = meta.indexOf(0x0a, first + 1);
    if (first === -1 || second === -1) return undefined;
    const header = JSON.parse(meta.toString('utf8', 0, first)) as { id?: unknown };
    const joined = JSON.parse(meta.toString('utf8', first + 1, second)) as unknown;
    return typeof header.id === 'string' && typeof joined === 'string' ? { id: header.id, joined } : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
