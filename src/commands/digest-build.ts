// What psg digest and psg send share: read the filters, select the items (with
// `--since last`, those published since the last digest sent and not in it), and put them
// into words with the settings of the config.
import type { FilterFlags } from '../cli/filters.js';
import { type Lang, parseSiteUrl } from '../config.js';
import { digestLimit, parseWeek, type DigestSelection, selectDigest } from '../core/digest-select.js';
import { formatDay } from '../core/date-format.js';
import { lastSent, sentPaths, type SentRecord, sinceLastFrom } from '../core/sent.js';
import { PsgError } from '../errors.js';
import { buildDigest, type Digest } from '../render/digest/model.js';
import { digestPositions } from '../store/select.js';
import { readSent, SENT_FILE } from '../store/sent.js';
import { join, relative } from 'node:path';
import { shownPath } from '../store/paths.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, requireArticlesDir, type Workspace } from '../workspace.js';
import { buildQuery, loadArticles } from './shared.js';
import { trace } from '../ui/trace.js';

export interface DigestBuildOptions extends FilterFlags {
  week?: string;
  limit?: number;
  pages?: boolean;
  lang?: Lang;
  title?: string;
  siteUrl?: string;
}

export interface PreparedDigest {
  selection: DigestSelection;
  digest: Digest;
  /** The record of digests sent, when `--since last` read it. */
  sent?: SentRecord;
}

export const SITE_URL_HINT = 'Pass --site-url https://your.site, or set "siteUrl" in psg.config.json';

/** The site URL from --site-url or the config, as an http(s) address without a final slash. */
export function siteUrlOf(flag: string | undefined, configured: string | undefined): string | undefined {
  const value = flag ?? configured;
  if (value === undefined) return undefined;
  const url = parseSiteUrl(value);
  if (url === undefined) {
    throw new PsgError(`bad site URL${flag !== undefined ? ' for --site-url' : ' (siteUrl)'}: "${value}"`, {
      hint: 'Give the website address with http:// or https:// and no ? or #, e.g. https://perusupportgroup.org.uk',
    });
  }
  return url;
}

export async function prepareDigest(
  options: DigestBuildOptions,
  ws: Workspace,
  siteUrl: string | undefined,
  global: GlobalOptions,
  io: Io,
): Promise<PreparedDigest> {
  const { config, ctx } = ws;
  const note = (text: string) => io.err(`${io.paintErr.dim('psg:')} ${text}\n`);
  const sinceLast = options.since?.trim().toLowerCase() === 'last';
  const query = buildQuery(sinceLast ? { ...options, since: undefined } : options, ctx, io);
  let sent: SentRecord | undefined;
  let exclude: Set<string> | undefined;
  if (sinceLast) {
    sent = readSent(requireArticlesDir(ws));
    const from = sinceLastFrom(sent);
    if (lastSent(sent)) {
      exclude = sentPaths(sent);
      if (from && (!query.from || query.from < from)) query.from = from;
      note(`since the digest sent on ${lastSent(sent)!.sentAt.slice(0, 10)}${from ? ` (items from ${formatDay(from, 'en')} on that it did not hold)` : ''}`);
    } else {
      note(`no digest has been sent yet (${relative(io.cwd, `${ws.articlesDir}/${SENT_FILE}`)} records them), so this is the usual selection`);
    }
  }
  if (options.week !== undefined) {
    const week = parseWeek(options.week, ctx.today);
    if (!week) throw new PsgError(`bad week for --week: "${options.week}"`, { hint: 'Write it as YYYY-Www (2019-W12) or a date in the week (2019-03-20)' });
    if (!query.from || query.from < week.from) query.from = week.from;
    if (!query.to || query.to > week.to) query.to = week.to;
  }
  if (query.from && query.to && query.from > query.to) {
    throw new PsgError(`the dates cross: from ${query.from} until ${query.to} holds no day`, { hint: 'Check --week against --since, --until and --month' });
  }
  const otherWindow = [sinceLast ? undefined : options.since, options.until, options.month, options.week].some((v) => v !== undefined);
  // Since the last digest means everything new, however much; its period is the items' span.
  const windowed = otherWindow || Boolean(exclude);

  const pages = Boolean(options.pages) || Boolean(options.type?.includes('page'));
  const archive = await loadArticles(ws, global, io);
  trace('loaded');
  const limit = digestLimit(options.limit, windowed, config.digest.limit);
  // The store picks the items (and the pages) from its columns; only those are parsed, and
  // selectDigest, given them alone, orders and dates the digest.
  let candidates: number[];
  if (query.search === undefined) candidates = digestPositions(archive, query, limit, pages);
  else {
    // --search asks psg search's index, as list --search does; the pages stand whatever it says.
    const text = await (await import('./search.js')).textMatches(archive, query.search, global, io);
    const plain = { ...query, search: undefined };
    const items = digestPositions(archive, plain, undefined, false).filter((i) => text.has(archive.path(i)));
    candidates = [...(limit === undefined ? items : items.slice(0, limit)), ...digestPositions(archive, plain, 0, pages)];
  }
  if (exclude) candidates = candidates.filter((i) => archive.type(i) === 'page' || !exclude.has(archive.path(i)));
  const selection = selectDigest(archive.articlesAt(candidates), { ...query, search: undefined }, ctx.gazetteer, { limit, windowed: otherWindow, pages });
  trace('selected');
  const email = config.email;
  const digest = buildDigest(selection, {
    lang: options.lang ?? config.digest.lang ?? 'en',
    title: options.title ?? config.digest.title,
    siteUrl,
    timeZone: config.timeZone,
    shownPath: (path) => shownPath(io.cwd, join(archive.root, path)),
    feedUrl: config.feedUrl,
    mail: {
      ...(email?.preheader && { preheader: email.preheader }),
      ...(email?.footer && { footer: email.footer }),
      ...(email?.unsubscribe && { unsubscribe: email.unsubscribe }),
    },
  });
  trace('built');
  return { selection, digest, ...(sent && { sent }) };
}
