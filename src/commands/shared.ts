// What several commands do the same way: load the archive, read the shared filters.
import { join, resolve } from 'node:path';
import type { FilterFlags } from '../cli/filters.js';
import type { Article } from '../core/article.js';
import type { CoreContext } from '../core/context.js';
import { dayFirstDate, monthRange, parseDateSpec } from '../core/dates.js';
import type { Query } from '../core/query.js';
import { tagForm } from '../core/tags.js';
import { orList, plural } from '../core/text.js';
import { PsgError } from '../errors.js';
import { type Archive, type CacheOptions, loadArchive, loadArchiveSync } from '../store/archive.js';
import { readBody } from '../store/body.js';
import { shownPath } from '../store/paths.js';
import { cacheDir } from '../store/cache-dir.js';
import { prepareCacheDir } from '../store/cache-ready.js';
import { pruneIndexesDaily } from '../store/cache-prune.js';
import { packageVersion } from '../data.js';
import type { Io } from '../ui/io.js';
import { progress } from '../ui/progress.js';
import { type GlobalOptions, requireArticlesDir, type Workspace } from '../workspace.js';

/** The cache folder of this run, made ready the first time it is asked for. */
let cacheReady: { dir: string; ok: boolean } | undefined;

/**
 * Where the index lives, or undefined for none (--no-cache, or a cache folder that cannot be
 * used: psg then works without its index, and says so once). psg search's index uses it too.
 */
export function cacheOptions(global: GlobalOptions, io: Io): CacheOptions | undefined {
  if (global.cache === false) return undefined;
  const dir = resolve(io.cwd, cacheDir(io.env));
  if (cacheReady?.dir !== dir) {
    const ready = prepareCacheDir(dir);
    cacheReady = { dir, ok: ready.ok };
    if (!ready.ok) io.err(`${io.paintErr.yellow('psg:')} working without the index this time (it only saves time): ${ready.why}; set PSG_CACHE_DIR to a folder psg can write in, or pass --no-cache\n`);
  }
  return cacheReady.ok ? { dir, version: packageVersion() } : undefined;
}

function noteUnreadable(archive: Archive, io: Io): Archive {
  // One line for each way articles were hidden from the scan, naming the first few.
  const named = (list: string[]) => (list.length > 3 ? `${list.slice(0, 3).join(', ')}, …` : list.join(', '));
  const shown = (rel: string) => shownPath(io.cwd, join(archive.root, rel)) || '.';
  const badNames = archive.unreachable.filter((s) => s.code === 'name-not-utf8').map((s) => shown(s.path));
  const folders = archive.unreachable.filter((s) => s.code !== 'name-not-utf8').map((s) => shown(s.path));
  if (folders.length) {
    io.err(`${io.paintErr.yellow('psg:')} ${plural(folders.length, 'folder')} could not be read (${named(folders)}), so ${folders.length === 1 ? 'its' : 'their'} articles are left out; \`psg validate\` says why\n`);
  }
  if (badNames.length) {
    io.err(`${io.paintErr.yellow('psg:')} ${plural(badNames.length, 'name')} ${badNames.length === 1 ? 'is' : 'are'} not UTF-8 (${named(badNames)}), so psg leaves ${badNames.length === 1 ? 'it' : 'them'} out; rename ${badNames.length === 1 ? 'it' : 'them'} in UTF-8\n`);
  }
  const n = archive.unreadable.length;
  if (n) io.err(`${io.paintErr.yellow('psg:')} ${plural(n, 'file')} could not be read as ${n === 1 ? 'an article' : 'articles'}; \`psg validate\` says why\n`);
  return archive;
}

/**
 * Every readable article of the workspace, from the index where files have not changed.
 * Files that could not be read are counted in one line on stderr, so a broken file never
 * hides the rest and never goes unnoticed.
 */
export async function loadArticles(ws: Workspace, global: GlobalOptions, io: Io, ): Promise<Archive> {
  const shown = progress(io, 'reading');
  let archive: Archive;
  try {
    const cache = cacheOptions(global, io);
    archive = await loadArchive(requireArticlesDir(ws), ws.ctx, cache, shown.update);
    // Index files of archives that are gone would otherwise pile up in the cache for ever.
    if (cache) pruneIndexesDaily(cache.dir);
  } finally {
    shown.end();
  }
  return noteUnreadable(archive, io);
}

/** The same, on the main thread (for checks inside prompts, which cannot wait). */
export function loadArticlesSync(ws: Workspace, global: GlobalOptions, io: Io, options: { quiet?: boolean } = {}): Archive {
  const archive = loadArchiveSync(requireArticlesDir(ws), ws.ctx, cacheOptions(global, io));
  // A second reading in one run (under a lock) has said its piece already.
  return options.quiet ? archive : noteUnreadable(archive, io);
}

const DATE_FORMS = 'Use YYYY-MM-DD, YYYY-MM, YYYY, or a span back from today: 7d, 4w, 3m, 1y';

function badDate(flag: string, value: string): PsgError {
  const dayFirst = dayFirstDate(value);
  return new PsgError(`bad date for ${flag}: "${value}"${dayFirst ? `; did you mean ${dayFirst}?` : ''}`, { hint: DATE_FORMS });
}

/** Turn the filter flags into a query; an unknown region or a bad date is exit 2 with a suggestion. */
export function buildQuery(flags: FilterFlags, ctx: CoreContext, io: Io): Query {
  const query: Query = { today: ctx.today };
  if (flags.region?.length) {
    query.regions = flags.region.map((name) => {
      const resolved = ctx.gazetteer.resolve(name);
      if (!resolved) {
        const near = ctx.gazetteer.suggest(name);
        throw new PsgError(`unknown region "${name}"${near.length ? `; did you mean ${orList(near)}?` : ''}`, {
          hint: '`psg regions` lists the 25 regions; provinces and names like Cuzco work too',
        });
      }
      if (resolved.kind === 'province') {
        io.err(`${io.paintErr.dim('psg:')} ${resolved.province} is a province of ${resolved.region}; showing ${resolved.region}\n`);
      }
      return resolved.region;
    });
  }
  if (flags.type?.length) query.types = flags.type;
  if (flags.tag?.length) {
    query.tags = flags.tag.map((tag) => {
      const form = tagForm(tag);
      if (!ctx.tags.has(form)) {
        const near = ctx.tags.suggest(tag);
        io.err(`${io.paintErr.dim('psg:')} "${tag}" is not in the tag vocabulary${near.length ? `; did you mean ${orList(near)}?` : ''}\n`);
      }
      return form;
    });
  }
  if (flags.since !== undefined) {
    const range = parseDateSpec(flags.since, ctx.today);
    if (!range) throw badDate('--since', flags.since);
    query.from = range.from;
  }
  if (flags.until !== undefined) {
    const range = parseDateSpec(flags.until, ctx.today);
    if (!range) throw badDate('--until', flags.until);
    // "--until 4w" means up to four weeks ago, the start of that span.
    query.to = /^\d+\s*[dwmy]$/i.test(flags.until.trim()) ? range.from : range.to;
  }
  if (flags.month !== undefined) {
    const m = /^(\d{4})-(\d{1,2})$/.exec(flags.month.trim());
    const range = m ? monthRange(Number(m[1]), Number(m[2])) : undefined;
    if (!range) throw new PsgError(`bad month for --month: "${flags.month}"`, { hint: 'Write it as YYYY-MM, e.g. 2019-03' });
    query.from = query.from && query.from > range.from ? query.from : range.from;
    query.to = query.to && query.to < range.to ? query.to : range.to;
  }
  if (query.from && query.to && query.from > query.to) {
    throw new PsgError(`the dates cross: from ${query.from} until ${query.to} holds no day`, { hint: 'Check --since, --until and --month' });
  }
  if (flags.search !== undefined) query.search = flags.search;
  if (flags.author !== undefined) query.author = flags.author;
  if (flags.drafts) query.drafts = true;
  if (flags.future) query.future = true;
  return query;
}

/** A reader of article bodies for --search, reading each file only when asked. */
export function bodyReader(archive: Archive): (article: Article) => string {
  return (article) => readBody(archive.root, article.path);
}
