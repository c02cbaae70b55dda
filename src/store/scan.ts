// Find every article below the articles folder: *.md at any depth, skipping names that
// start with . or _ and node_modules. A symbolic link is followed only when it stays inside
// the folder; every folder and file is taken once, by its real path, so links can neither
// leave, loop nor count an article twice. Plain paths win over paths through links.
import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

export interface ScanResult {
  /** Paths relative to the root, with forward slashes, sorted. */
  files: string[];
  /** Entries that were not followed, with why, for --debug. */
  skipped: { path: string; why: string }[];
}

function skipName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name === 'node_modules';
}

function isArticleName(name: string): boolean {
  return name.length > 3 && name.toLowerCase().endsWith('.md');
}

export function scanArticles(root: string): ScanResult {
  const realRoot = realpathSync(root);
  const prefix = realRoot.endsWith(sep) ? realRoot : realRoot + sep;
  const files: string[] = [];
  const skipped: ScanResult['skipped'] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const links: { abs: string; rel: string }[] = [];

  const addFile = (real: string, rel: string) => {
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(rel);
  };

  const walk = (abs: string, rel: string, real: string) => {
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      skipped.push({ path: rel || '.', why: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (skipName(name)) continue;
      const childRel = rel ? `${rel}/${name}` : name;
      // A plain entry of a real folder has a real path of its own: no realpath call needed.
      if (entry.isDirectory()) walk(join(abs, name), childRel, join(real, name));
      else if (entry.isFile()) {
        if (isArticleName(name)) addFile(join(real, name), childRel);
      } else if (entry.isSymbolicLink()) links.push({ abs: join(abs, name), rel: childRel });
    }
  };

  walk(root, '', realRoot);
  // Links last, so that a file reached both ways keeps its plain path.
  for (let i = 0; i < links.length; i++) {
    const { abs, rel } = links[i]!;
    let real: string;
    let isDir: boolean;
    try {
      real = realpathSync(abs);
      isDir = statSync(real).isDirectory();
    } catch {
      skipped.push({ path: rel, why: 'is a broken link' });
      continue;
    }
    if (real !== realRoot && !real.startsWith(prefix)) skipped.push({ path: rel, why: 'links outside the articles folder' });
    else if (isDir) walk(abs, rel, real);
    else if (isArticleName(rel)) addFile(real, rel);
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, skipped };
}
