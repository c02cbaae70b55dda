// The file names of an archive's articles, for what needs nothing but names: psg new's check
// that a slug is free (a slug is the file's name less its date, so no file need be read).
// A folder that keeps the stamp stored beside the index holds the files the index names in it
// (with the differences the stamps note): those names come from the index's checked first
// sections, and nothing is stat-ed or read. Only the folders whose stamps moved are listed;
// with no index, or many folders moved, all of them are.
import { realpathSync } from 'node:fs';
import { nameParts } from '../core/article.js';
import type { CacheOptions } from './archive.js';
import { dirStampHolds, readDirStamps } from './dir-stamps-file.js';
import { indexPath, readIndexNames } from './index-file.js';
import { entriesOf, isArticleName, scanArticles, type Skipped } from './scan.js';

export interface ArchiveNames {
  /** The path of an article file whose slug is `slug`, other than `own`; undefined when none. */
  owner(slug: string, own?: string): string | undefined;
}

/** The article files of the folder, by name, from the index where it can answer. */
export function archiveNames(root: string, cache: CacheOptions | undefined): ArchiveNames {
  return (cache && fromIndex(root, cache)) ?? fromNames(scanArticles(root).files);
}

function fromNames(paths: readonly string[]): ArchiveNames {
  return { owner: (slug, own) => paths.find((p) => p !== own && nameParts(p).slug === slug) };
}

function fromIndex(root: string, cache: CacheOptions): ArchiveNames | undefined {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  const file = indexPath(cache.dir, realRoot);
  const dirs = readDirStamps(file);
  if (!dirs) return undefined;
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const known = new Set(dirs.rels);
  // The folders whose stamp moved (psg new wrote into this year's, say): only these are listed.
  const moved = new Set(dirs.rels.filter((_, i) => !dirStampHolds(root, dirs, i)));
  if (dirs.rels.length === 0 || moved.size > Math.max(8, dirs.rels.length / 4)) return undefined;
  const index = readIndexNames(file, realRoot, cache.version);
  if (!index || index.id !== dirs.index || index.count !== dirs.count) return undefined;
  const gone = new Set(dirs.gone);
  const folderOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
  // Files the index lacks in folders that kept their stamps, and every file of those that did not.
  const listed = dirs.extra.filter((path) => !moved.has(folderOf(path)));
  const skipped: Skipped[] = [];
  const list = (rel: string) => {
    for (const entry of entriesOf(rel === '' ? root : prefix + rel, rel, skipped) ?? []) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        // A folder new since the stamps (or renamed) is listed whole; a known one answers for itself.
        if (!known.has(path)) list(path);
      } else if (!entry.isSymbolicLink() && isArticleName(entry.name)) listed.push(path);
    }
  };
  for (const rel of moved) list(rel);
  const others = fromNames(listed);
  const joined = `\0${index.slugs}\0`;
  let paths: string[] | undefined;
  let unreadable: number[] | undefined;
  return {
    owner(slug, own) {
      // Each place the slug is a whole entry of the joined slugs is a row; its number is the
      // count of NULs before the NUL that opens it.
      const needle = `\0${slug}\0`;
      let row = 0;
      let counted = 0; // the NULs before this offset are counted in row
      for (let at = joined.indexOf(needle); at !== -1; at = joined.indexOf(needle, at + 1)) {
        for (let k = joined.indexOf('\0', counted); k !== -1 && k < at; k = joined.indexOf('\0', k + 1)) row++;
        counted = at;
        if (gone.has(row)) continue;
        paths ??= index.paths().split('\0');
        const path = paths[row]!;
        // A row in a folder that was listed is answered by the listing.
        if (path !== own && !moved.has(folderOf(path))) return path;
      }
      // A file the index holds as no article has no slug there: its name gives it.
      unreadable ??= [...index.kinds.matchAll(/-/g)].map((m) => m.index);
      for (const r of unreadable) {
        if (gone.has(r)) continue;
        paths ??= index.paths().split('\0');
        const path = paths[r]!;
        if (path !== own && !moved.has(folderOf(path)) && nameParts(path).slug === slug) return path;
      }
      return others.owner(slug, own);
    },
  };
}
