// The few git questions psg asks: where the repository is, where its hooks go, and what is
// staged for the next commit (names and contents from the index, not the working copy).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { PsgError } from '../errors.js';

function git(cwd: string, args: string[]): Buffer {
  return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
}

/** The top folder of the working tree holding `cwd`. */
export function gitTopLevel(cwd: string): string {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new PsgError(missing ? 'git is not installed (or not on PATH)' : `${cwd} is not inside a git repository`, {
      hint: missing ? 'Install git, then run the command again' : 'Run it in the archive’s git repository (git init makes one)',
    });
  }
}

/** The folder git runs hooks from (core.hooksPath, or .git/hooks), absolute. */
export function gitHooksDir(cwd: string): string {
  return resolve(cwd, git(cwd, ['rev-parse', '--git-path', 'hooks']).toString('utf8').trim());
}

/** Paths (from the top folder) of the files added, copied, modified or renamed in the index. */
export function stagedPaths(top: string): string[] {
  const out = git(top, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--no-renames']).toString('utf8');
  return out.split('\0').filter((p) => p !== '');
}

/** The staged bytes of one file. */
export function stagedBytes(top: string, path: string): Buffer {
  return git(top, ['cat-file', 'blob', `:${path}`]);
}
