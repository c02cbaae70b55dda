// The store's one query path: every command that filters, sorts, groups or counts articles
// asks it here, and it answers from the archive's columns (see columns.ts) without parsing a
// record. Records are parsed only for the rows a command prints, and for --search only for
// the rows that pass every other filter (bodies read only for those whose title and summary
// miss).
import type { ArticleType } from '../core/article.js';
import type { Gazetteer } from '../core/gazetteer.js';
import { foldSearch, type GroupKey, groupOrder, matchesText, PAGES_GROUP, type Query, type SortKey, compareTitles } from '../core/query.js';
import { fold } from '../core/text.js';
import type { Archive } from './archive.js';
import { readBody } from './body.js';

/** Ids of `names` in the archive's name table (names no article has are left out). */
function idSet(archive: Archive, names: readonly string[] | undefined): Set<number> | undefined {
  if (!names?.length) return undefined;
  return new Set(names.map((n) => archive.columns.id(n)).filter((id) => id >= 0));
}

function anyIn(ids: Int32Array, wanted: Set<number>): boolean {
  for (const id of ids) if (wanted.has(id)) return true;
  return false;
}

/**
 * Positions of the articles that pass every filter but --search, newest first (the
 * archive's own order). The same tests as matchesExceptSearch in core/query.ts, on columns.
 */
export function selectPositions(archive: Archive, query: Query): number[] {
  const cols = archive.columns;
  const regions = idSet(archive, query.regions);
  const tags = idSet(archive, query.tags);
  // An author matches by folded substring: decided once for each author name.
  const wantAuthor = query.author === undefined ? undefined : fold(query.author);
  const authorMatch = new Map<number, boolean>();
  const authorOk = (id: number) => {
    let ok = authorMatch.get(id);
    if (ok === undefined) authorMatch.set(id, (ok = fold(id < 0 ? '' : cols.names[id]!).includes(wantAuthor!)));
    return ok;
  };
  const types = query.types?.length ? new Set<ArticleType>(query.types) : undefined;
  const out: number[] = [];
  for (let i = 0; i < archive.size; i++) {
    const row = archive.row(i);
    if (!query.drafts && cols.draft(row)) continue;
    const date = cols.date(row);
    if (date !== undefined && date > query.today && !query.future) continue;
    if (query.from !== undefined || query.to !== undefined) {
      if (date === undefined) continue;
      if (query.from !== undefined && date < query.from) continue;
      if (query.to !== undefined && date > query.to) continue;
    }
    if (types && !types.has(cols.type(row)!)) continue;
    if (tags && !anyIn(cols.tagIds(row), tags)) continue;
    if (regions && !anyIn(cols.regionIds(row), regions)) continue;
    if (wantAuthor !== undefined && !authorOk(cols.authors[row]!)) continue;
    out.push(i);
  }
  return out;
}

const SEARCH_BATCH = 256;

/**
 * Of `positions` (already through the other filters), those whose title, summary or body
 * holds the search text, in their order; at most `limit` of them. Records are parsed a
 * batch at a time, and a body is read only when title and summary miss.
 */
export function searchPositions(archive: Archive, positions: readonly number[], search: string, limit?: number): number[] {
  const folded = foldSearch(search);
  const out: number[] = [];
  for (let from = 0; from < positions.length && (limit === undefined || out.length < limit); from += SEARCH_BATCH) {
    const batch = positions.slice(from, from + SEARCH_BATCH);
    const articles = archive.articlesAt(batch);
    batch.forEach((i, k) => {
      if (limit !== undefined && out.length >= limit) return;
      const article = articles[k]!;
      if (matchesText(article, folded) || foldSearch(readBody(archive.root, article.path)).includes(folded)) out.push(i);
    });
  }
  return out;
}

/** Every filter of the query, --search included: positions newest first. */
export function queryPositions(archive: Archive, query: Query, limit?: number): number[] {
  const chosen = selectPositions(archive, query);
  if (query.search === undefined) return limit === undefined ? chosen : chosen.slice(0, limit);
  return searchPositions(archive, chosen, query.search, limit);
}

/** Positions in the order asked: the archive's own (newest first) for date, else by title. */
export function sortPositions(archive: Archive, positions: readonly number[], by: SortKey = 'date', reverse = false): number[] {
  let sorted = [...positions];
  if (by === 'title') {
    const cols = archive.columns;
    // Ties by the default order, which is the positions' own.
    sorted.sort((a, b) => compareTitles(cols.title(archive.row(a)), cols.title(archive.row(b))) || a - b);
  }
  if (reverse) sorted = sorted.reverse();
  return sorted;
}

/**
 * Walk `positions`, calling `visit` with a small number (a slot) for each group key of each
 * (an article in two regions twice): for regions and tags the names' own ids, so that no
 * list of names is made. Returns the key of each slot and the slots in the order they were
 * first met, which is the order groupBy meets its keys in.
 */
function walkGroups(archive: Archive, positions: readonly number[], by: GroupKey, visit: (slot: number, i: number) => void): { keyOf: string[]; met: number[] } {
  const cols = archive.columns;
  const keyOf: string[] = by === 'region' || by === 'tag' ? [...cols.names] : [];
  const slotOf = new Map<string, number>();
  const slot = (key: string): number => {
    // A key that is also a name (a tag "page") is one group, as in groupBy.
    const id = by === 'region' || by === 'tag' ? cols.id(key) : -1;
    if (id >= 0) return id;
    let s = slotOf.get(key);
    if (s === undefined) {
      slotOf.set(key, (s = keyOf.length));
      keyOf.push(key);
    }
    return s;
  };
  const met: number[] = [];
  let seen = new Uint8Array(keyOf.length + 16);
  const hit = (s: number, i: number) => {
    if (s >= seen.length) {
      const more = new Uint8Array(s * 2 + 16);
      more.set(seen);
      seen = more;
    }
    if (!seen[s]) {
      seen[s] = 1;
      met.push(s);
    }
    visit(s, i);
  };
  const none = slot('');
  const pages = by === 'region' ? slot(PAGES_GROUP) : -1;
  const width = by === 'month' ? 7 : 4;
  for (const i of positions) {
    const row = archive.row(i);
    if (by === 'region' || by === 'tag') {
      const ids = by === 'region' ? cols.regionIds(row) : cols.tagIds(row);
      if (ids.length === 0) hit(by === 'region' && cols.type(row) === 'page' ? pages : none, i);
      for (const id of ids) hit(id, i);
    } else if (by === 'type') hit(slot(cols.type(row)!), i);
    else {
      const date = cols.date(row);
      hit(date ? slot(date.slice(0, width)) : none, i);
    }
  }
  return { keyOf, met };
}

/** Positions grouped as groupArticles groups articles (see groupBy), from the columns' ids. */
export function groupPositions(archive: Archive, positions: readonly number[], by: GroupKey, gazetteer: Gazetteer): { key: string; items: number[] }[] {
  const lists: number[][] = [];
  const { keyOf, met } = walkGroups(archive, positions, by, (s, i) => (lists[s] ??= []).push(i));
  const order = groupOrder(by, gazetteer);
  return met.map((s) => ({ key: keyOf[s]!, items: lists[s]! })).sort((a, b) => order(a.key, b.key));
}

/** How many of `positions` each group of groupPositions holds, in its order, without a list of each. */
export function groupCounts(archive: Archive, positions: readonly number[], by: GroupKey, gazetteer: Gazetteer): { key: string; count: number }[] {
  const counts: number[] = [];
  const { keyOf, met } = walkGroups(archive, positions, by, (s) => (counts[s] = (counts[s] ?? 0) + 1));
  const order = groupOrder(by, gazetteer);
  return met.map((s) => ({ key: keyOf[s]!, count: counts[s]! })).sort((a, b) => order(a.key, b.key));
}

/** What psg regions counts: articles about each region, places in each province (keys 'Region/Province'). */
export interface RegionTally {
  articles: number;
  /** Articles that name no region, standing pages aside. */
  withoutRegion: number;
  regions: Map<string, number>;
  provinces: Map<string, number>;
}

/** The tally of `positions`, on the columns' ids. */
export function regionTally(archive: Archive, positions: readonly number[]): RegionTally {
  const cols = archive.columns;
  const regionIds = new Int32Array(cols.names.length);
  const provinceIds = new Int32Array(cols.names.length);
  let withoutRegion = 0;
  for (const i of positions) {
    const row = archive.row(i);
    const regions = cols.regionIds(row);
    if (regions.length === 0 && cols.type(row) !== 'page') withoutRegion++;
    for (const id of regions) regionIds[id]!++;
    for (const id of cols.provinceIds(row)) provinceIds[id]!++;
  }
  const named = (counts: Int32Array) => {
    const out = new Map<string, number>();
    counts.forEach((n, id) => n > 0 && out.set(cols.names[id]!, n));
    return out;
  };
  return { articles: positions.length, withoutRegion, regions: named(regionIds), provinces: named(provinceIds) };
}

/**
 * The positions a digest holds: the `limit` newest dated matches (all of them without a
 * limit), then, when asked, every page that is not a draft (drafts too with --drafts),
 * whatever the other filters say.
 */
export function digestPositions(archive: Archive, query: Query, limit: number | undefined, pages: boolean): number[] {
  const cols = archive.columns;
  const dated = selectPositions(archive, query).filter((i) => cols.date(archive.row(i)) !== undefined);
  const items = query.search === undefined ? (limit === undefined ? dated : dated.slice(0, limit)) : searchPositions(archive, dated, query.search, limit);
  if (!pages) return items;
  const standing: number[] = [];
  for (let i = 0; i < archive.size; i++) if (archive.type(i) === 'page' && (!archive.draft(i) || query.drafts)) standing.push(i);
  return [...items, ...standing];
}
