// psg's one native helper (native/stat.c): many files stat-ed in one call, each folder's path
// walked once. It is built by `npm install` where a compiler is present; where it is not, or
// PSG_NO_NATIVE is set, psg stats each file from JavaScript and gives the same stamps, more
// slowly. This module imports only what Node has, so that a worker thread loads it fast.
import { createRequire } from 'node:module';

export interface NativeStat {
  /**
   * Stat the files at prefix + each path of `paths` (UTF-8, NUL between them) into `out`
   * (size, mtimeMs, ctimeMs a file; -1s for a file not there; NaNs for any other error).
   * With a counter, paths are taken `chunk` at a time from counter[0], shared with other threads.
   */
  statJoined(prefix: string, paths: Buffer, out: Float64Array, follow: boolean, counter?: Int32Array, chunk?: number): void;
}

function load(): NativeStat | undefined {
  if (process.env.PSG_NO_NATIVE) return undefined;
  try {
    // The same place from src/store (tests) and dist/store (the program).
    const found = createRequire(import.meta.url)('../../native/build/Release/psg_native.node') as Partial<NativeStat>;
    return typeof found.statJoined === 'function' ? (found as NativeStat) : undefined;
  } catch {
    return undefined;
  }
}

export const native: NativeStat | undefined = load();
