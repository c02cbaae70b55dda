// psg digest: select the items, put them into words, lay them out in one format, and print
// them or write them atomically to --out.
import { resolve } from 'node:path';
import type { FilterFlags } from '../cli/filters.js';
import type { Lang } from '../config.js';
import { digestLimit, parseWeek, selectDigest } from '../core/digest-select.js';
import { plural } from '../core/text.js';
import { errnoCode, ExitCode, PsgError } from '../errors.js';
import { buildDigest, type Digest } from '../render/digest/model.js';
import { writeFileAtomic } from '../store/atomic.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace } from '../workspace.js';
import { buildQuery, loadArticles } from './shared.js';
import { digestPositions } from '../store/select.js';

export type DigestFormat = 'text' | 'markdown' | 'html' | 'json' | 'rss' | 'atom';

export interface DigestOptions extends FilterFlags {
  week?: string;
  limit?: number;
  pages?: boolean;
  format: DigestFormat;
  lang?: Lang;
  title?: string;
  out?: string;
  siteUrl?: string;
}

const SITE_URL_HINT = 'Pass --site-url https://your.site, or set "siteUrl" in psg.config.json';

/** The site URL from --site-url or the config, as an http(s) address without a final slash. */
function siteUrlOf(flag: string | undefined, configured: string | undefined): string | undefined {
  const value = flag ?? configured;
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new PsgError(`bad site URL${flag !== undefined ? ' for --site-url' : ' (siteUrl)'}: "${value}"`, {
      hint: 'Give the website address with http:// or https:// and no ? or #, e.g. https://perusupportgroup.org.uk',
    });
  }
  // URL escapes what could break markup (<, >, ", spaces) and keeps the rest as written.
  return url.href.replace(/\/+$/, '');
}

async function render(format: DigestFormat, digest: Digest, today: string): Promise<string> {
  switch (format) {
    case 'text':
      return (await import('../render/digest/text.js')).renderText(digest);
    case 'markdown':
      return (await import('../render/digest/markdown.js')).renderMarkdown(digest);
    case 'html':
      return (await import('../render/digest/html.js')).renderHtml(digest);
    case 'json':
      return (await import('../render/digest/json.js')).renderJson(digest);
    case 'rss':
    case 'atom':
      return (await import('../render/digest/feeds.js')).renderFeed(digest, format, today);
  }
}

/** What went wrong writing --out, in words, with what to do. */
function writeError(file: string, error: unknown): PsgError {
  const code = errnoCode(error);
  const why: Record<string, [string, string]> = {
    ENOENT: ['its folder does not exist', 'Create the folder first, or choose another path'],
    EISDIR: ['it is a folder', 'Give --out a file name'],
    ENOTDIR: ['part of the path is not a folder', 'Check the path given to --out'],
    EACCES: ['permission denied', 'Choose a path you can write to'],
    EPERM: ['permission denied', 'Choose a path you can write to'],
    EROFS: ['the file system is read-only', 'Choose a path you can write to'],
    ENOSPC: ['the disk is full', 'Free some space and run it again; any old file there is untouched'],
    EFBIG: ['the file is larger than this process may write', 'Check `ulimit -f`; any old file there is untouched'],
    EDQUOT: ['the disk quota is used up', 'Free some space and run it again; any old file there is untouched'],
  };
  const [reason, hint] = (code && why[code]) || [error instanceof Error ? error.message : String(error), 'Any old file there is untouched'];
  return new PsgError(`cannot write ${file}: ${reason}`, { hint, cause: error });
}

export async function digest(options: DigestOptions, global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const { config, ctx } = ws;
  const format = options.format;
  const feed = format === 'rss' || format === 'atom';
  // The text digest has no links, so only the other formats read the site URL.
  const siteUrl = format === 'text' ? undefined : siteUrlOf(options.siteUrl, config.siteUrl);
  if (feed && !siteUrl) {
    throw new PsgError(`the ${format === 'rss' ? 'RSS' : 'Atom'} feed needs the website's address for its links`, { hint: SITE_URL_HINT });
  }

  const query = buildQuery(options, ctx, io);
  if (options.week !== undefined) {
    const week = parseWeek(options.week, ctx.today);
    if (!week) throw new PsgError(`bad week for --week: "${options.week}"`, { hint: 'Write it as YYYY-Www (2019-W12) or a date in the week (2019-03-20)' });
    if (!query.from || query.from < week.from) query.from = week.from;
    if (!query.to || query.to > week.to) query.to = week.to;
    if (query.from > query.to) {
      throw new PsgError(`the dates cross: from ${query.from} until ${query.to} holds no day`, { hint: 'Check --week against --since, --until and --month' });
    }
  }
  const windowed = [options.since, options.until, options.month, options.week].some((v) => v !== undefined);

  // Pages have no date, so no dated item is one; `--type page` asks for the page section.
  const onlyPages = Boolean(options.type?.length) && options.type!.every((t) => t === 'page');
  const pages = Boolean(options.pages) || Boolean(options.type?.includes('page'));

  const archive = await loadArticles(ws, global, io);
  const limit = digestLimit(options.limit, windowed, config.digest.limit);
  // The store picks the items (and the pages) from its columns; only those are parsed, and
  // selectDigest, given them alone, orders and dates the digest.
  const candidates = digestPositions(archive, query, limit, pages);
  const selection = selectDigest(archive.articlesAt(candidates), { ...query, search: undefined }, ctx.gazetteer, { limit, windowed, pages });
  const note = (text: string) => io.err(`${io.paintErr.dim('psg:')} ${text}\n`);
  if (!selection.items.length && !onlyPages) note(windowed ? 'no items match in that period' : 'no items match');
  if (feed && selection.pages.length) note('pages have no date, so the feed leaves them out');

  const document = await render(
    format,
    buildDigest(selection, {
      lang: options.lang ?? config.digest.lang ?? 'en',
      title: options.title ?? config.digest.title,
      siteUrl,
      timeZone: config.timeZone,
    }),
    ctx.today,
  );

  if (options.out !== undefined) {
    const target = resolve(io.cwd, options.out);
    try {
      writeFileAtomic(target, document, { overwrite: true });
    } catch (error) {
      throw writeError(options.out, error);
    }
    if (io.stderrIsTTY) {
      const pages = selection.pages.length && !feed ? ` and ${plural(selection.pages.length, 'page')}` : '';
      note(`wrote ${plural(selection.items.length, 'item')}${pages} to ${options.out}`);
    }
    return ExitCode.ok;
  }
  // The text digest ends without a newline, like the site's listing; a terminal gets one so
  // that the prompt starts on a line of its own.
  io.out(io.stdoutIsTTY && !document.endsWith('\n') ? `${document}\n` : document);
  return ExitCode.ok;
}
