// Where psg keeps its index: the user's cache folder, never the articles folder.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export function cacheDir(env: NodeJS.ProcessEnv): string {
  if (env.PSG_CACHE_DIR) return env.PSG_CACHE_DIR;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'psg', 'cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'psg');
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and is to be ignored.
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'psg');
}
