// Create a new article file inside the articles folder: whole or not at all, never over an
// existing file, never outside the folder.
import { closeSync, mkdirSync, openSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errnoCode, PsgError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { relativeInside } from './paths.js';

const inside = (root: string, path: string): boolean => relativeInside(root, path) !== undefined;

export interface CreateOptions {
  /** How to show the path in messages (relative to where the user is). */
  shown?: (abs: string) => string;
}

/**
 * Write `text` to `rel` (forward slashes) below `root` and return the absolute path. The
 * path is checked twice: as written, and after the folders are made, through their real
 * paths, so that neither "../" nor a symbolic link can carry the file out of the folder.
 * An existing file is an error (exit 2) that says what to do.
 */
export function createArticleFile(root: string, rel: string, text: string, options: CreateOptions = {}): string {
  const show = options.shown ?? ((p: string) => p);
  const target = join(root, ...rel.split('/'));
  if (!inside(root, target) || rel.split('/').some((part) => part === '..' || part === '')) {
    throw new PsgError(`refusing to write ${rel}: the path leaves the articles folder`, { hint: 'Choose a different title' });
  }
  const folder = dirname(target);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new PsgError(`cannot make the folder ${show(folder)}: ${errnoCode(error) ?? String(error)}`, {
      hint: 'Check that the articles folder is writable',
      cause: error,
    });
  }
  const realRoot = realpathSync(root);
  const realFolder = realpathSync(folder);
  if (realFolder !== realRoot && !inside(realRoot, realFolder)) {
    throw new PsgError(`refusing to write into ${show(folder)}: it links outside the articles folder`, {
      hint: `Replace the link at ${show(folder)} with a real folder`,
    });
  }
  try {
    writeExclusive(target, text);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') {
      throw new PsgError(`${show(target)} already exists; psg new never overwrites a file`, {
        hint: 'Edit that file, or give the new article another title or date',
      });
    }
    throw new PsgError(`cannot write ${show(target)}: ${errnoCode(error) ?? String(error)}`, {
      hint: 'Check that the articles folder is writable and the disk is not full',
      cause: error,
    });
  }
  return target;
}

// File systems without hard links (FAT, some network and FUSE mounts) refuse the link that
// makes a new file appear whole; they say so with one of these.
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);

/**
 * A new file, whole or not at all, never over an existing one. Where hard links are refused,
 * the name is claimed with an exclusive create (O_EXCL, which fails when the file exists) and
 * the written temp file is then renamed over that empty claim.
 */
function writeExclusive(target: string, text: string): void {
  try {
    writeFileAtomic(target, text, { overwrite: false });
    return;
  } catch (error) {
    if (!NO_HARD_LINKS.has(errnoCode(error) ?? '')) throw error;
  }
  closeSync(openSync(target, 'wx', 0o644));
  try {
    writeFileAtomic(target, text, { overwrite: true });
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  }
}

// Read here, with the same rules as articles.
export { readTemplate } from './template.js';
