// The folders of the last scan, each with its modification and change time, kept beside the
// index (index-<hash>.dirs). Creating, deleting or renaming an entry changes its folder's
// modification time, and a change of permissions its change time; so while every folder of
// the last scan still has its stamp, the scan would find exactly the files the index holds,
// and a run needs only stat them, not list 100,000 names again. Edits in place do not touch
// a folder: the files' own stamps catch those.
// This module is a stat worker's, so it imports next to nothing; dir-stamps-file.ts keeps
// the stamps on disk.
import { lstatSync } from 'node:fs';

export interface DirStamps {
  /** Folders below the articles folder ('' is the folder itself), in scan order. */
  rels: string[];
  /** Two numbers a folder: mtimeMs, ctimeMs (-1 when it could not be stat-ed). */
  stamps: number[];
}

export function newDirStamps(): DirStamps {
  return { rels: [], stamps: [] };
}

/** Note a folder's stamp; called before its entries are listed, so a change after that shows. */
export function stampDir(into: DirStamps, abs: string, rel: string): void {
  const st = lstatSync(abs, { throwIfNoEntry: false });
  into.rels.push(rel);
  into.stamps.push(st?.isDirectory() ? st.mtimeMs : -1, st?.isDirectory() ? st.ctimeMs : -1);
}

/** Join the stamps of folders listed apart (the shares of a parallel scan), in order. */
export function joinDirStamps(parts: readonly DirStamps[]): DirStamps {
  const out = newDirStamps();
  for (const p of parts) {
    for (const r of p.rels) out.rels.push(r);
    for (const s of p.stamps) out.stamps.push(s);
  }
  return out;
}

