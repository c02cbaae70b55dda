// Move an article file without ever replacing another: `git mv` when git tracks the file (so
// history follows it), else a hard link to the new name then removal of the old one — the
// link fails when the target exists, so two publishers can never both win.
import { spawnSync } from 'node:child_process';
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import { errnoCode, PsgError } from '../errors.js';

export type MoveMethod = 'git mv' | 'rename';

function git(args: string[], cwd: string) {
  // GIT_* variables from a hook or an editor could point git at another repository.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));
  return spawnSync('git', args, { cwd, env, encoding: 'utf8' });
}

/** True when `file` is tracked in a git work tree (false where git is not installed). */
export function isTrackedByGit(file: string): boolean {
  const result = git(['ls-files', '--error-unmatch', '--', basename(file)], dirname(file));
  return result.error === undefined && result.status === 0;
}

function exists(target: string): PsgError {
  return new PsgError(`${target} already exists; nothing was moved`, {
    hint: 'Rename or remove that file first, or publish with another --date',
  });
}

/** Remove `dir` and the folders above it while they are empty, up to (not including) `root`. */
function removeEmptyFolders(dir: string, root: string): void {
  for (; dir !== root && dir.startsWith(root + sep); dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return; // not empty (or not ours to remove): the folders above are not empty either
    }
  }
}

/**
 * Move `from` to `to` (absolute paths), creating the target folder; never replaces a file.
 * Folders the move leaves empty are removed, up to `root` (the articles folder), so that no
 * empty year or drafts folder stays behind.
 */
export function moveFile(from: string, to: string, root?: string): MoveMethod {
  if (existsSync(to)) throw exists(to);
  const made = mkdirSync(dirname(to), { recursive: true });
  try {
    const method = move(from, to);
    if (root !== undefined) removeEmptyFolders(dirname(from), root);
    return method;
  } catch (error) {
    // Leave no empty folder behind from a move that did not happen.
    for (let dir = dirname(to); made && dir.startsWith(made); dir = dirname(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        break;
      }
    }
    throw error;
  }
}

function move(from: string, to: string): MoveMethod {
  if (isTrackedByGit(from)) {
    const cwd = dirname(from);
    const result = git(['mv', '--', basename(from), relative(cwd, to)], cwd);
    if (result.status !== 0) {
      throw new PsgError(`git mv could not move ${from}: ${(result.stderr || '').trim().replace(/^fatal: /, '')}`, {
        hint: 'Check `git status`, then try again',
      });
    }
    return 'git mv';
  }
  try {
    linkSync(from, to);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST') throw exists(to);
    // Some file systems have no hard links: an exclusive copy is the next best thing.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    try {
      copyFileSync(from, to, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if (errnoCode(copyError) === 'EEXIST') throw exists(to);
      throw copyError;
    }
  }
  unlinkSync(from);
  return 'rename';
}
