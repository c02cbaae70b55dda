// Where the articles are, what the config says, and the core context built from both.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Config, loadConfig } from './config.js';
import type { CoreContext } from './core/context.js';
import { isRealDate, todayIn } from './core/dates.js';
import { Gazetteer } from './core/gazetteer.js';
import { type TagInfo, TagVocabulary } from './core/tags.js';
import { loadBuiltInTags, loadGazetteerData } from './data.js';
import { PsgError } from './errors.js';
import { relativeInside } from './store/paths.js';

/** The options every command takes (commander's global options). */
export interface GlobalOptions {
  dir?: string;
  config?: string;
  color?: boolean;
  debug?: boolean;
  cache?: boolean;
}

export interface Workspace {
  cwd: string;
  config: Config;
  /** Absolute path of the articles folder (it may not exist yet: see requireArticlesDir). */
  articlesDir: string;
  /** Where the folder was named, for messages. */
  articlesFrom: '--dir' | 'PSG_DIR' | 'config' | 'default';
  ctx: CoreContext;
}

function vocabulary(config: Config): TagVocabulary {
  const builtIn = loadBuiltInTags();
  const tags = config.tags;
  if (!tags) return new TagVocabulary(builtIn);
  const own: TagInfo[] = (Array.isArray(tags) ? tags : tags.extend).map((tag) => ({ tag }));
  return new TagVocabulary(Array.isArray(tags) ? own : [...builtIn, ...own.filter((t) => !builtIn.some((b) => b.tag === t.tag))]);
}

/** Today in the configured zone; PSG_TODAY=YYYY-MM-DD pins it (for tests and reruns of old digests). */
export function today(config: Config, env: NodeJS.ProcessEnv): string {
  const pinned = env.PSG_TODAY;
  if (pinned) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(pinned);
    if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      throw new PsgError(`PSG_TODAY="${pinned}" is not a date`, { hint: 'Set it as YYYY-MM-DD, or unset it' });
    }
    return pinned;
  }
  return todayIn(config.timeZone);
}

const isDir = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/**
 * The archive's articles folder when nothing names it: the nearest `articles/` from the
 * current folder upward, as git finds its repository, so that psg works from inside
 * articles/2019/ too. The search stops at the folder of a psg.config.json found on the way
 * (the archive's root); with no folder found, `articles/` there, or else in the current folder.
 */
function findArticlesDir(cwd: string, config: Config): string {
  const root = config.file === undefined ? undefined : dirname(config.file);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (isDir(join(dir, 'articles'))) return join(dir, 'articles');
    if (dir === root || dirname(dir) === dir) break;
  }
  return join(root !== undefined && relativeInside(root, cwd) !== undefined ? root : cwd, 'articles');
}

export function openWorkspace(options: GlobalOptions, env: NodeJS.ProcessEnv, cwd: string): Workspace {
  const config = loadConfig(options.config, cwd);
  let articlesDir: string;
  let articlesFrom: Workspace['articlesFrom'];
  if (options.dir) [articlesDir, articlesFrom] = [resolve(cwd, options.dir), '--dir'];
  else if (env.PSG_DIR) [articlesDir, articlesFrom] = [resolve(cwd, env.PSG_DIR), 'PSG_DIR'];
  else if (config.articlesDir) [articlesDir, articlesFrom] = [config.articlesDir, 'config'];
  else [articlesDir, articlesFrom] = [findArticlesDir(cwd, config), 'default'];
  const ctx: CoreContext = {
    gazetteer: new Gazetteer(loadGazetteerData()),
    tags: vocabulary(config),
    today: today(config, env),
  };
  return { cwd, config, articlesDir, articlesFrom, ctx };
}

/** The articles folder, which must exist for reading commands. */
export function requireArticlesDir(ws: Workspace): string {
  if (isDir(ws.articlesDir)) return ws.articlesDir;
  const from = {
    '--dir': ' (from --dir)',
    PSG_DIR: ' (from PSG_DIR)',
    config: ` (articlesDir in ${ws.config.file})`,
    default: '',
  }[ws.articlesFrom];
  throw new PsgError(`no articles folder at ${ws.articlesDir}${from}`, {
    hint: 'Run psg in the folder that holds articles/, pass --dir DIR, set PSG_DIR, or set articlesDir in psg.config.json (psg init makes a new archive)',
  });
}
