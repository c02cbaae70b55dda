// The cache folder made ready once a run: created level by level (Node's recursive mkdir
// never returns under /proc), then checked to be a folder psg may write in. A cache that
// cannot be used is never fatal: the caller runs without its index.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { errnoCode } from '../errors.js';

export type CacheReady = { ok: true } | { ok: false; why: string };

/** No cache folder is this many levels below one that exists: a path that deep is a mistake. */
const MAX_NEW_LEVELS = 32;

/** Make `dir` (absolute) if it is missing, and say whether psg can keep its index there. */
export function prepareCacheDir(dir: string): CacheReady {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    let isDir: boolean;
    try {
      isDir = statSync(at).isDirectory();
    } catch (e) {
      const code = errnoCode(e);
      if (code === 'ENOTDIR') return { ok: false, why: `the cache folder ${dir} lies below a file` };
      if (code !== 'ENOENT') return { ok: false, why: `${at} cannot be reached (${code ?? String(e)})` };
      if (missing.push(at) > MAX_NEW_LEVELS || dirname(at) === at) return { ok: false, why: `${at} cannot be made` };
      continue;
    }
    if (!isDir) return { ok: false, why: `${at === dir ? 'the cache folder ' : ''}${at} is not a folder` };
    break;
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level, { mode: 0o700 });
    } catch (e) {
      // Another psg may have made it meanwhile; what it is, is checked below.
      if (errnoCode(e) !== 'EEXIST') return { ok: false, why: `the cache folder ${level === dir ? dir : `${dir} needs ${level}, which`} cannot be made (${errnoCode(e) ?? String(e)})` };
    }
  }
  try {
    if (!statSync(dir).isDirectory()) return { ok: false, why: `the cache folder ${dir} is not a folder` };
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (e) {
    return { ok: false, why: `the cache folder ${dir} is not writable (${errnoCode(e) ?? String(e)})` };
  }
  return { ok: true };
}
