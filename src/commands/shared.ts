// What several commands do the same way: load the archive, read the shared filters.
import type { FilterFlags } from '../cli/filters.js';
import type { Article } from '../core/article.js';
import type { CoreContext } from '../core/context.js';
import { monthRange, parseDateSpec } from '../core/dates.js';
import type { Query } from '../core/query.js';
import { tagForm } from '../core/tags.js';
import { orList, plural } from '../core/text.js';
import { PsgError } from '../errors.js';
import { type Archive, type CacheOptions, loadArchive, loadArchiveSync } from '../store/archive.js';
import { readBody } from '../store/body.js';
import { cacheDir } from '../store/cache-dir.js';
import { packageVersion } from '../data.js';
import type { Io } from '../ui/io.js';
import { progress } from '../ui/progress.js';
import { type GlobalOptions, requireArticlesDir, type Workspace } from '../workspace.js';

export function cacheOptions(global: GlobalOptions, io: Io): CacheOptions | undefined {
  return global.cache === false ? undefined : { dir: cacheDir(io.env), version: packageVersion() };
}

function noteUnreadable(archive: Archive, io: Io): Archive {
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
    archive = await loadArchive(requireArticlesDir(ws), ws.ctx, cacheOptions(global, io), shown.update);
  } finally {
    shown.end();
  }
  return noteUnreadable(archive, io);
}

/** The same, on the main thread (for checks inside prompts, which cannot wait). */
export function loadArticlesSync(ws: Workspace, global: GlobalOptions, io: Io): Archive {
  return noteUnreadable(loadArchiveSync(requireArticlesDir(ws), ws.ctx, cacheOptions(global, io)), io);
}

const DATE_FORMS = 'Use YYYY-MM-DD, YYYY-MM, YYYY, or a span back from today: 7d, 4w, 3m, 1y';

function badDate(flag: string, value: string): PsgError {
  return new PsgError(`bad date for ${flag}: "${value}"`, { hint: DATE_FORMS });
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
