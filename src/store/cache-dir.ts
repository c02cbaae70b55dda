// Where psg keeps its index: the user's cache folder, never the articles folder.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function cacheDir(env: NodeJS.ProcessEnv): string {
  if (env.PSG_CACHE_DIR) return env.PSG_CACHE_DIR;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'psg', 'cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'psg');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'psg');
}
