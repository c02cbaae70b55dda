// The folder stamps of dir-stamps.ts on disk, beside the index, and the check that every
// folder still has its stamp.
import { closeSync, lstatSync, readSync } from 'node:fs';
import { writeFileAtomic } from './atomic.js';
import type { DirStamps } from './dir-stamps.js';
import { openRegular } from './read.js';

export function dirStampsPath(indexFile: string): string {
  return indexFile.replace(/\.psgidx$/, '.dirs');
}

/**
 * Folder stamps as stored: with the id of the index they go with and how many files it
 * holds, and how the folders' files differ from the index's while the index is behind (see
 * columns-splice.ts): its rows whose files are gone, and files it does not hold.
 */
export type StoredDirs = DirStamps & { index: string; count: number; gone: number[]; extra: string[] };

/** The stamps stored beside the index, with the id of the index they go with; undefined when none or damaged. */
export function readDirStamps(indexFile: string): StoredDirs | undefined {
  const opened = openRegular(dirStampsPath(indexFile));
  if (!opened.ok) return undefined;
  try {
    // A few hundred folders: tens of kilobytes. Anything far larger is not ours.
    if (opened.stat.size > 64 * 1024 * 1024) return undefined;
    const bytes = Buffer.allocUnsafe(opened.stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(opened.fd, bytes, at, bytes.length - at, at);
      if (n === 0) return undefined;
      at += n;
    }
    const data = JSON.parse(bytes.toString('utf8')) as { index?: unknown; count?: unknown; rels?: unknown; stamps?: unknown; gone?: unknown; extra?: unknown };
    const { index, count, rels, stamps, gone, extra } = data;
    if (typeof index !== 'string' || typeof count !== 'number' || !Array.isArray(rels) || !Array.isArray(stamps) || !Array.isArray(gone) || !Array.isArray(extra)) return undefined;
    if (stamps.length !== rels.length * 2 || !rels.every((r) => typeof r === 'string') || !stamps.every((s) => typeof s === 'number')) return undefined;
    if (!gone.every((g) => Number.isInteger(g) && g >= 0 && g < count) || !extra.every((e) => typeof e === 'string')) return undefined;
    return { index, count, rels: rels as string[], stamps: stamps as number[], gone: gone as number[], extra: extra as string[] };
  } catch {
    return undefined;
  } finally {
    closeSync(opened.fd);
  }
}

/**
 * Store the stamps for the index with this id. A folder changed within `racyMs` of the
 * scan's start could change again in the same clock tick without its stamp moving, so it is
 * stored as unknown (git's "racily clean"): the next run lists it again.
 */
export function writeDirStamps(
  indexFile: string,
  indexId: string,
  count: number,
  dirs: DirStamps,
  startedAt: number,
  differ: { gone: readonly number[]; extra: readonly string[] } = { gone: [], extra: [] },
  racyMs = 2000,
): void {
  const stamps = dirs.stamps.slice();
  for (let i = 0; i < dirs.rels.length; i++) {
    if (stamps[i * 2]! >= startedAt - racyMs || stamps[i * 2 + 1]! >= startedAt - racyMs) stamps[i * 2] = stamps[i * 2 + 1] = -1;
  }
  try {
    writeFileAtomic(dirStampsPath(indexFile), (write) => write(JSON.stringify({ index: indexId, count, rels: dirs.rels, stamps, gone: differ.gone, extra: differ.extra })), { overwrite: true, durable: false });
  } catch {
    // Only saves time: without it, the next run lists the folders.
  }
}

/** Whether the i-th folder of `dirs` still has its stamp (a folder stored as unknown never has). */
export function dirStampHolds(root: string, dirs: DirStamps, i: number): boolean {
  if (dirs.stamps[i * 2]! < 0) return false;
  const rel = dirs.rels[i]!;
  const st = lstatSync(rel === '' ? root : `${root.endsWith('/') ? root : `${root}/`}${rel}`, { throwIfNoEntry: false });
  return st?.isDirectory() === true && st.mtimeMs === dirs.stamps[i * 2] && st.ctimeMs === dirs.stamps[i * 2 + 1];
}

/** Whether every folder still has its stamp (so the folders hold what they held). */
export function dirsUnchanged(root: string, dirs: DirStamps): boolean {
  for (let i = 0; i < dirs.rels.length; i++) if (!dirStampHolds(root, dirs, i)) return false;
  return dirs.rels.length > 0;
}

