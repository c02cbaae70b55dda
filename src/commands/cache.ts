// psg cache clear | dir: the index files psg keeps in the user's cache folder.
import { ExitCode } from '../errors.js';
import { cacheDir } from '../store/cache-dir.js';
import { clearIndexes } from '../store/cache-prune.js';
import type { Io } from '../ui/io.js';

export type CacheAction = 'clear' | 'dir';

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function cache(action: CacheAction, io: Io): number {
  const dir = cacheDir(io.env);
  if (action === 'dir') {
    io.out(`${dir}\n`);
    return ExitCode.ok;
  }
  const removed = clearIndexes(dir);
  const what = removed.files === 1 ? '1 index file' : `${removed.files} index files`;
  io.err(`${io.paintErr.dim('psg:')} removed ${what} (${megabytes(removed.bytes)}) from ${dir}; the next run reads every article again\n`);
  return ExitCode.ok;
}
