// Which articles a digest holds: the newest published dated items (like the site's front
// page), or every item of a date window, then the standing pages by `order` when asked.
import type { Article } from './article.js';
import { type DateRange, dateKey, isoWeekRange, parseDateSpec, weekOf } from './dates.js';
import type { Period } from './date-format.js';
import type { Gazetteer } from './gazetteer.js';
import { compareByDate, filterArticles, type Query } from './query.js';

export const DEFAULT_LIMIT = 10;

export interface SelectOptions {
  /** How many dated items at most; undefined means all (a date window without --limit). */
  limit: number | undefined;
  /** The query holds a date window (--since, --until, --month or --week). */
  windowed: boolean;
  /** Append the pages. */
  pages: boolean;
}

export interface DigestSelection {
  /** Dated items, newest first. */
  items: Article[];
  /** Pages by `order`. */
  pages: Article[];
  /** The period the digest covers: the window asked for, else the span of the items. */
  period: Period;
}

/**
 * The limit a digest uses: --limit, else with a date window everything in it,
 * else digest.limit from the config, else 10.
 */
export function digestLimit(flag: number | undefined, windowed: boolean, configured: number | undefined): number | undefined {
  if (flag !== undefined) return flag;
  return windowed ? undefined : (configured ?? DEFAULT_LIMIT);
}

/**
 * The `limit` newest articles, newest first (all of them when there is no limit). Sorting a
 * whole archive of 100,000 items to keep ten costs half a second, so the date keys are
 * compared first and only the items at or above the tenth newest key are sorted fully.
 */
export function newest(articles: readonly Article[], limit: number | undefined): Article[] {
  if (limit === undefined || articles.length <= limit * 4) return [...articles].sort(compareByDate).slice(0, limit);
  const keys = articles.map((a) => dateKey(a.date));
  // The `limit` largest keys, kept sorted newest first.
  const top: string[] = [];
  for (const key of keys) {
    if (top.length === limit && key <= top[limit - 1]!) continue;
    let i = top.length;
    while (i > 0 && top[i - 1]! < key) i--;
    top.splice(i, 0, key);
    if (top.length > limit) top.pop();
  }
  const threshold = top[top.length - 1] ?? '';
  return articles.filter((_, i) => keys[i]! >= threshold).sort(compareByDate).slice(0, limit);
}

/**
 * Select a digest. The filters choose the dated items; `--pages` appends every page that is
 * not a draft (drafts too with --drafts), whatever the other filters say, because the pages
 * are the standing section at the foot of every digest.
 */
export function selectDigest(
  articles: readonly Article[],
  query: Query,
  gazetteer: Gazetteer,
  options: SelectOptions,
  bodyOf?: (article: Article) => string,
): DigestSelection {
  const dated = filterArticles(
    articles.filter((a) => a.date !== undefined),
    query,
    gazetteer,
    bodyOf,
  );
  const items = newest(dated, options.limit);
  const pages = options.pages
    ? articles.filter((a) => a.type === 'page' && (!a.draft || query.drafts)).sort(compareByDate)
    : [];
  let period: Period;
  if (options.windowed) {
    period = { ...(query.from && { from: query.from }), ...(query.to && { to: query.to }) };
  } else if (items.length) {
    period = { from: items[items.length - 1]!.date!.date, to: items[0]!.date!.date };
  } else {
    period = {};
  }
  return { items, pages, period };
}

/** --week: 'YYYY-Www' (ISO week), or any date form of --since, meaning the ISO week that holds it. */
export function parseWeek(text: string, today: string): DateRange | undefined {
  const spec = text.trim();
  const m = /^(\d{4})-?W(\d{1,2})$/i.exec(spec);
  if (m) return isoWeekRange(Number(m[1]), Number(m[2]));
  const range = parseDateSpec(spec, today);
  // A month or a year is not a week; "7d" means the day seven days ago.
  if (!range) return undefined;
  if (/^\d+\s*[dwmy]$/i.test(spec)) return weekOf(range.from);
  return range.from === range.to ? weekOf(range.from) : undefined;
}
