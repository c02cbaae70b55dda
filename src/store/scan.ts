// Find every article below the articles folder: *.md at any depth, skipping names that
// start with . or _ and node_modules. A symbolic link is followed only when it stays inside
// the folder; every folder and file is taken once, by its real path, so links can neither
// leave, loop nor count an article twice. Plain paths win over paths through links.
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';

export interface Skipped {
  path: string;
  why: string;
  /** For a folder that could not be read, the error code: its articles are missing (a problem). */
  code?: string;
}

export interface ScanResult {
  /** Paths relative to the root, with forward slashes, in a stable order (each folder sorted). */
  files: string[];
  /** Entries that were not followed, with why, for --debug. */
  skipped: Skipped[];
  /** Folders that could not be read ('.' for the articles folder itself): a problem to report. */
  unreadable: Skipped[];
}

export function skipName(name: string): boolean {
  return name.charCodeAt(0) === 46 /* . */ || name.charCodeAt(0) === 95 /* _ */ || name === 'node_modules';
}

export function isArticleName(name: string): boolean {
  return name.length > 3 && (name.endsWith('.md') || name.toLowerCase().endsWith('.md'));
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A folder's entries that count, sorted by name; undefined (and a note) when unreadable. */
export function entriesOf(abs: string, rel: string, skipped: Skipped[]): Dirent[] | undefined {
  try {
    return readdirSync(abs, { withFileTypes: true })
      .filter((e) => !skipName(e.name))
      .sort(byName);
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
}

/** Walk plain folders below `abs` (links are reported, not followed), in scan order. */
export function walkTree(abs: string, rel: string, real: string, visit: TreeVisitor, skipped: Skipped[]): void {
  if (visit.folder && !visit.folder(real)) return;
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
  const visit: TreeVisitor = {
    file: (rel) => files.push(rel),
    link: (abs, rel) => links.push({ abs, rel }),
    folder: (real) => !seenDirs.has(real) && Boolean(seenDirs.add(real)),
  };

  walkTree(root, '', realRoot, visit, skipped);
  // Links last, so that a file reached both ways keeps its plain path.
  for (let i = 0; i < links.length; i++) {
    const { abs, rel } = links[i]!;
    let real: string;
    let isDir: boolean;
    try {
      real = realpathSync(abs);
      const st = statSync(real);
      isDir = st.isDirectory();
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
  return { files, skipped, unreadable: skipped.filter((s) => s.code !== undefined) };
}
