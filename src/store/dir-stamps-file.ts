// The folder stamps of dir-stamps.ts on disk, beside the index, and the check that every
// folder still has its stamp.
import { closeSync, lstatSync, readSync } from 'node:fs';
import { writeFileAtomic } from './atomic.js';
import type { DirStamps } from './dir-stamps.js';
import { openRegular } from './read.js';

export function dirStampsPath(indexFile: string): string {
  return indexFile.replace(/\.psgidx$/, '.dirs');
}

/** The stamps stored beside the index, with the id of the index they go with; undefined when none or damaged. */
export function readDirStamps(indexFile: string): (DirStamps & { index: string }) | undefined {
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
    const data = JSON.parse(bytes.toString('utf8')) as { index?: unknown; rels?: unknown; stamps?: unknown };
    if (typeof data.index !== 'string' || !Array.isArray(data.rels) || !Array.isArray(data.stamps)) return undefined;
    if (data.stamps.length !== data.rels.length * 2 || !data.rels.every((r) => typeof r === 'string') || !data.stamps.every((s) => typeof s === 'number')) return undefined;
    return { index: data.index, rels: data.rels as string[], stamps: data.stamps as number[] };
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
export function writeDirStamps(indexFile: string, indexId: string, dirs: DirStamps, startedAt: number, racyMs = 2000): void {
  const stamps = dirs.stamps.slice();
  for (let i = 0; i < dirs.rels.length; i++) {
    if (stamps[i * 2]! >= startedAt - racyMs || stamps[i * 2 + 1]! >= startedAt - racyMs) stamps[i * 2] = stamps[i * 2 + 1] = -1;
  }
  try {
    writeFileAtomic(dirStampsPath(indexFile), (write) => write(JSON.stringify({ index: indexId, rels: dirs.rels, stamps })), { overwrite: true });
  } catch {
    // Only saves time: without it, the next run lists the folders.
  }
}

/** Whether every folder still has its stamp (so the folders hold what they held). */
export function dirsUnchanged(root: string, dirs: DirStamps): boolean {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  for (let i = 0; i < dirs.rels.length; i++) {
    if (dirs.stamps[i * 2]! < 0) return false;
    const rel = dirs.rels[i]!;
    const st = lstatSync(rel === '' ? root : prefix + rel, { throwIfNoEntry: false });
    if (!st?.isDirectory() || st.mtimeMs !== dirs.stamps[i * 2] || st.ctimeMs !== dirs.stamps[i * 2 + 1]) return false;
  }
  return dirs.rels.length > 0;
}

