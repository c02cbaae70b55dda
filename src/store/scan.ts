// Find every article below the articles folder: *.md at any depth, skipping names that
// start with . or _ and node_modules. A symbolic link is followed only when it stays inside
// the folder; every folder and file is taken once, by its real path, so links can neither
// leave, loop nor count an article twice. Plain paths win over paths through links.
import { isUtf8 } from 'node:buffer';
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';
import { type DirStamps, newDirStamps, stampDir } from './dir-stamps.js';

export interface Skipped {
  path: string;
  why: string;
  /**
   * Set when articles are missing because of this entry (a problem to report): the error
   * code of a folder that could not be read, or 'name-not-utf8' for a name that is not UTF-8.
   */
  code?: string;
}

export interface ScanResult {
  /** Paths relative to the root, with forward slashes, in a stable order (each folder sorted). */
  files: string[];
  /** Entries that were not followed, with why, for --debug. */
  skipped: Skipped[];
  /**
   * Entries that hide articles: folders that could not be read ('.' for the articles folder
   * itself) and names that are not UTF-8 (shown with \xNN for their bad bytes).
   */
  unreadable: Skipped[];
  /** Every folder listed, with its stamp; only when no link was met and nothing was skipped. */
  dirs?: DirStamps;
}

export function skipName(name: string): boolean {
  return name.charCodeAt(0) === 46 /* . */ || name.charCodeAt(0) === 95 /* _ */ || name === 'node_modules';
}

export function isArticleName(name: string): boolean {
  return name.length > 3 && (name.endsWith('.md') || name.toLowerCase().endsWith('.md'));
}

/** A name as text, its bytes that are not UTF-8 written \xNN: what it is, never mistaken for another. */
export function nameText(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    const end = i + extra + 1;
    // isUtf8 on the one character also catches overlong forms and surrogates.
    if (extra >= 0 && end <= bytes.length && isUtf8(bytes.subarray(i, end))) {
      out += bytes.toString('utf8', i, end);
      i = end;
    } else {
      out += `\\x${b.toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Names are bytes, and a name that is not UTF-8 cannot be opened by its decoded path (that
 * fails, or opens the file whose name is its decoding). Decoding turns bad bytes into U+FFFD,
 * so only a folder with U+FFFD in a name is read again as bytes: each name that is not UTF-8
 * is taken out of `entries` and noted, when it may hold articles.
 */
function dropNonUtf8(abs: string, rel: string, entries: Dirent[], skipped: Skipped[]): void {
  for (const raw of readdirSync(abs, { withFileTypes: true, encoding: 'buffer' })) {
    const bytes = raw.name;
    if (isUtf8(bytes)) continue;
    const decoded = bytes.toString('utf8');
    // Its decoded twin in the listing (a real file named so, if any, stays).
    const kind = (e: Dirent<string | Buffer>) => (e.isFile() ? 1 : 0) + (e.isDirectory() ? 2 : 0) + (e.isSymbolicLink() ? 4 : 0);
    const at = entries.findIndex((e) => e.name === decoded && kind(e) === kind(raw));
    if (at !== -1) entries.splice(at, 1);
    // . and _ are one byte in UTF-8: a name skipped is skipped whatever follows.
    if (bytes[0] === 46 || bytes[0] === 95 || (raw.isFile() && !isArticleName(decoded))) continue;
    skipped.push({ path: (rel ? `${rel}/` : '') + nameText(bytes), why: 'has a name that is not UTF-8', code: 'name-not-utf8' });
  }
}

/** A folder's entries that count, sorted by name; undefined (and a note) when unreadable. */
export function entriesOf(abs: string, rel: string, skipped: Skipped[]): Dirent[] | undefined {
  try {
    const entries = readdirSync(abs, { withFileTypes: true });
    if (entries.some((e) => e.name.includes('\uFFFD'))) dropNonUtf8(abs, rel, entries, skipped);
    return entries.filter((e) => !skipName(e.name)).sort(byName);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    skipped.push({ path: rel || '.', why: `cannot be read (${code})`, code });
    return undefined;
  }
}

export interface TreeVisitor {
  file(rel: string): void;
  link(abs: string, rel: string): void;
  /** Called with each folder's real path before it is read; false skips it (already read). */
  folder?(real: string): boolean;
  /** Called with each folder about to be listed (after `folder` let it through). */
  entered?(abs: string, rel: string): void;
}

/** Walk plain folders below `abs` (links are reported, not followed), in scan order. */
export function walkTree(abs: string, rel: string, real: string, visit: TreeVisitor, skipped: Skipped[]): void {
  if (visit.folder && !visit.folder(real)) return;
  visit.entered?.(abs, rel);
  const entries = entriesOf(abs, rel, skipped);
  if (!entries) return;
  const at = rel ? `${rel}/` : '';
  for (const entry of entries) {
    const name = entry.name;
    // A plain entry of a real folder has a real path of its own: no realpath call needed.
    if (entry.isDirectory()) walkTree(`${abs}/${name}`, at + name, `${real}/${name}`, visit, skipped);
    else if (entry.isSymbolicLink()) visit.link(`${abs}/${name}`, at + name);
    // A pipe or a device named like an article is taken too: reading refuses it, and says so.
    else if (isArticleName(name)) visit.file(at + name);
  }
}

export function scanArticles(root: string): ScanResult {
  const realRoot = realpathSync(root);
  const prefix = realRoot.endsWith(sep) ? realRoot : realRoot + sep;
  const files: string[] = [];
  const skipped: Skipped[] = [];
  // Real paths of the folders read, so that no folder is read twice.
  const seenDirs = new Set<string>();
  const linkedFiles = new Set<string>();
  const links: { abs: string; rel: string }[] = [];
  const dirs = newDirStamps();
  const visit: TreeVisitor = {
    file: (rel) => files.push(rel),
    link: (abs, rel) => links.push({ abs, rel }),
    folder: (real) => !seenDirs.has(real) && Boolean(seenDirs.add(real)),
    entered: (abs, rel) => stampDir(dirs, abs, rel),
  };

  walkTree(root, '', realRoot, visit, skipped);
  // Links last, so that a file reached both ways keeps its plain path.
  for (let i = 0; i < links.length; i++) {
    const { abs, rel } = links[i]!;
    let real: string;
    let isDir: boolean;
    try {
      // The native call: the JavaScript one decodes the link's text on the way.
      const bytes = realpathSync.native(abs, { encoding: 'buffer' });
      // A target whose path is not UTF-8 cannot be named by a decoded path.
      if (!isUtf8(bytes)) {
        skipped.push({ path: rel, why: 'links to a name that is not UTF-8', code: 'name-not-utf8' });
        continue;
      }
      real = bytes.toString('utf8');
      isDir = statSync(real).isDirectory();
    } catch {
      skipped.push({ path: rel, why: 'is a broken link' });
      continue;
    }
    if (real !== realRoot && !real.startsWith(prefix)) skipped.push({ path: rel, why: 'links outside the articles folder' });
    else if (isDir) walkTree(abs, rel, real, visit, skipped);
    // A link to a pipe or a device is taken like one: reading refuses it, and says so.
    else if (isArticleName(basename(rel))) {
      // Already taken through its plain path (its folder was read, and the name is not skipped)?
      const taken = seenDirs.has(dirname(real)) && !skipName(basename(real)) && isArticleName(basename(real));
      if (!taken && !linkedFiles.has(real)) {
        linkedFiles.add(real);
        files.push(rel);
      }
    }
  }
  const result: ScanResult = { files, skipped, unreadable: skipped.filter((s) => s.code !== undefined) };
  // Through links, a folder's stamp says nothing of what the scan takes from elsewhere.
  if (links.length === 0 && skipped.length === 0) result.dirs = dirs;
  return result;
}
