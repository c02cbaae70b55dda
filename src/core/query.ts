// Filter, sort and group articles: the shared engine of list, digest, stats and regions.
import type { Article, ArticleType } from './article.js';
import { dateKey, type IsoDate } from './dates.js';
import type { Gazetteer } from './gazetteer.js';
import { fold } from './text.js';

export interface Query {
  /** Canonical region names; an article matches when it lists one or has a place in one. */
  regions?: string[];
  types?: ArticleType[];
  tags?: string[];
  /** Inclusive calendar dates; undated articles (pages) never match a date filter. */
  from?: IsoDate;
  to?: IsoDate;
  /** Matched accent- and case-insensitively against title and summary (the body by the caller). */
  search?: string;
  author?: string;
  /** Include drafts (left out by default). */
  drafts?: boolean;
  /** Include items dated after today (left out by default). */
  future?: boolean;
  today: IsoDate;
}

/** The regions an article is about: those it lists and those its places lie in. */
export function articleRegions(article: Article, gazetteer: Gazetteer): Set<string> {
  const regions = new Set(article.regions);
  for (const place of article.places) {
    const region = gazetteer.regionOf(place);
    if (region) regions.add(region);
  }
  return regions;
}

/** What the queries look at of an article, beyond type, draft and date: what the index stores. */
export interface ArticleKeys {
  slug: string;
  /** The regions it is about, as articleRegions gives them: those it lists, then its places' regions. */
  regions: string[];
  /** 'Region/Province' for each place that is a province (a name that is also a region means the region). */
  provinces: string[];
  /** Each tag once. */
  tags: string[];
  /** As the file lists them. */
  places: string[];
  author?: string;
  series?: string;
  part?: number;
}

export function articleKeys(article: Article, gazetteer: Gazetteer): ArticleKeys {
  const provinces = new Set<string>();
  for (const place of article.places) {
    const resolved = gazetteer.resolve(place);
    if (resolved?.kind === 'province') provinces.add(`${resolved.region}/${resolved.province}`);
  }
  const keys: ArticleKeys = { slug: article.slug, regions: [...articleRegions(article, gazetteer)], provinces: [...provinces], tags: [...new Set(article.tags)], places: [...article.places] };
  if (article.author !== undefined) keys.author = article.author;
  if (article.series !== undefined) keys.series = article.series;
  if (article.part !== undefined) keys.part = article.part;
  return keys;
}

/** Title and summary match the search text (already folded by foldSearch). */
export function matchesText(article: Article, folded: string): boolean {
  return fold(article.title).includes(folded) || fold(article.summary).includes(folded);
}

export function foldSearch(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

/**
 * Every filter but the body search. `search` here matches title and summary; the caller
 * decides whether to look in bodies for articles that fail only that test (see needsBody).
 */
export function matchesExceptSearch(article: Article, query: Query, gazetteer: Gazetteer): boolean {
  if (article.draft && !query.drafts) return false;
  const date = article.date?.date;
  if (date !== undefined && date > query.today && !query.future) return false;
  if (query.from !== undefined || query.to !== undefined) {
    if (date === undefined) return false;
    if (query.from !== undefined && date < query.from) return false;
    if (query.to !== undefined && date > query.to) return false;
  }
  if (query.types?.length && !query.types.includes(article.type)) return false;
  if (query.tags?.length && !query.tags.some((t) => article.tags.includes(t))) return false;
  if (query.author !== undefined && !fold(article.author ?? '').includes(fold(query.author))) return false;
  if (query.regions?.length) {
    const regions = articleRegions(article, gazetteer);
    if (!query.regions.some((r) => regions.has(r))) return false;
  }
  return true;
}

/** Filter; `bodyOf` supplies an article's body for --search when title and summary miss. */
export function filterArticles(
  articles: readonly Article[],
  query: Query,
  gazetteer: Gazetteer,
  bodyOf?: (article: Article) => string,
): Article[] {
  const search = query.search ? foldSearch(query.search) : undefined;
  return articles.filter((article) => {
    if (!matchesExceptSearch(article, query, gazetteer)) return false;
    if (search === undefined || matchesText(article, search)) return true;
    return bodyOf !== undefined && foldSearch(bodyOf(article)).includes(search);
  });
}

export type SortKey = 'date' | 'title';

let collator: Intl.Collator | undefined;

/** Titles in a reader's order (case and accents aside, numbers by value). The collator is made on first use: making one costs about 15 ms, which every command would pay at start-up. */
export function compareTitles(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}

/** What the default order looks at; index rows carry the same keys. */
export interface SortKeys {
  /** dateKey() of the date: 'YYYY-MM-DDTHH:MM:SS', '' when undated. */
  dateKey: string;
  order?: number;
  title: string;
  path: string;
}

export function sortKeys(a: Article): SortKeys {
  const keys: SortKeys = { dateKey: dateKey(a.date), title: a.title, path: a.path };
  if (a.order !== undefined) keys.order = a.order;
  return keys;
}

/** Newest first by date and time; undated pages after them by `order`; ties by title, then path. */
export function compareSortKeys(a: SortKeys, b: SortKeys): number {
  if (a.dateKey !== b.dateKey) return a.dateKey < b.dateKey ? 1 : -1;
  if (!a.dateKey && a.order !== b.order) return (a.order ?? Infinity) - (b.order ?? Infinity);
  return compareTitles(a.title, b.title) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

export function compareByDate(a: Article, b: Article): number {
  return compareSortKeys(sortKeys(a), sortKeys(b));
}

export function sortArticles(articles: readonly Article[], by: SortKey = 'date', reverse = false): Article[] {
  const keyed = articles.map((article) => ({ article, keys: sortKeys(article) }));
  keyed.sort(
    by === 'title'
      ? (a, b) => compareTitles(a.article.title, b.article.title) || compareSortKeys(a.keys, b.keys)
      : (a, b) => compareSortKeys(a.keys, b.keys),
  );
  const sorted = keyed.map((k) => k.article);
  return reverse ? sorted.reverse() : sorted;
}

export type GroupKey = 'region' | 'month' | 'year' | 'type' | 'tag';

export interface Group {
  /** Stable key for scripts: a region name, 'YYYY-MM', a type, a tag; '' for "none". */
  key: string;
  articles: Article[];
}

/**
 * Under --by region, standing pages that name no region have a group of their own: they are
 * not national news.
 */
export const PAGES_GROUP = 'page';

/** What grouping looks at of one item. */
export interface GroupFacts {
  type: ArticleType;
  /** 'YYYY-MM-DD', undefined for pages. */
  date: string | undefined;
  regions: readonly string[];
  /** Each tag once. */
  tags: readonly string[];
}

/**
 * Group sorted items; an item with several regions or tags appears under each. Groups come
 * in a natural order: regions as the gazetteer lists them (pages without a region after
 * them), months and years newest first, types news-letter-page, tags alphabetically; the
 * "none" group last.
 */
export function groupBy<T>(items: readonly T[], by: GroupKey, gazetteer: Gazetteer, factsOf: (item: T) => GroupFacts): { key: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  const add = (key: string, item: T) => {
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  };
  for (const item of items) {
    const facts = factsOf(item);
    let keys: readonly string[];
    switch (by) {
      case 'region':
        keys = facts.regions.length === 0 && facts.type === 'page' ? [PAGES_GROUP] : facts.regions;
        break;
      case 'tag':
        keys = facts.tags;
        break;
      case 'month':
        keys = facts.date ? [facts.date.slice(0, 7)] : [];
        break;
      case 'year':
        keys = facts.date ? [facts.date.slice(0, 4)] : [];
        break;
      case 'type':
        keys = [facts.type];
        break;
    }
    if (keys.length === 0) add('', item);
    for (const key of keys) add(key, item);
  }
  const order = groupOrder(by, gazetteer);
  return [...groups.entries()].map(([key, list]) => ({ key, items: list })).sort((a, b) => order(a.key, b.key));
}

/** The order groupBy puts its groups in, as a comparator of their keys ('' is the "none" group). */
export function groupOrder(by: GroupKey, gazetteer: Gazetteer): (a: string, b: string) => number {
  const regionOrder = new Map(gazetteer.regionNames().map((name, i) => [name, i]));
  const typeOrder = new Map([['news', 0], ['letter', 1], ['page', 2]]);
  const rank = (key: string): number | string => {
    if (by === 'region') return regionOrder.get(key) ?? (key === PAGES_GROUP ? 1000 : 999);
    if (by === 'type') return typeOrder.get(key) ?? 9;
    return key;
  };
  return (a, b) => {
    if (a === '' || b === '') return a === '' ? 1 : -1;
    const ra = rank(a);
    const rb = rank(b);
    if (typeof ra === 'number' && typeof rb === 'number') return ra - rb;
    const cmp = String(ra).localeCompare(String(rb));
    return by === 'month' || by === 'year' ? -cmp : cmp;
  };
}

/** groupBy over parsed articles. */
export function groupArticles(articles: readonly Article[], by: GroupKey, gazetteer: Gazetteer): Group[] {
  return groupBy(articles, by, gazetteer, (a) => ({ type: a.type, date: a.date?.date, regions: [...articleRegions(a, gazetteer)], tags: [...new Set(a.tags)] })).map((g) => ({ key: g.key, articles: g.items }));
}
