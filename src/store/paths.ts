// Paths as psg shows and checks them: relative where a file is inside a folder, with
// forward slashes, and never mistaking "..name" for the parent folder.
import { isAbsolute, relative, sep } from 'node:path';

/** `abs` relative to `root`, with forward slashes; undefined when it is not inside (or is root). */
export function relativeInside(root: string, abs: string): string | undefined {
  const rel = relative(root, abs);
  if (rel === '' || rel.split(sep)[0] === '..' || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** A path as the user can open it from `cwd`: relative when inside it, '' for cwd itself, else absolute. */
export function shownPath(cwd: string, abs: string): string {
  return relative(cwd, abs) === '' ? '' : (relativeInside(cwd, abs) ?? abs);
}
