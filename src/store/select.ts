// The store's one query path: every command that filters, sorts, groups or counts articles
// asks it here, and it answers from the archive's columns (see columns.ts) without parsing a
// record. Records are parsed only for the rows a command prints, and for --search only for
// the rows that pass every other filter (bodies read only for those whose title and summary
// miss).
import type { ArticleType } from '../core/article.js';
import type { Gazetteer } from '../core/gazetteer.js';
import { foldSearch, type GroupFacts, type GroupKey, groupBy, matchesText, type Query, type SortKey, titleCollator } from '../core/query.js';
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
    sorted.sort((a, b) => titleCollator.compare(cols.title(archive.row(a)), cols.title(archive.row(b))) || a - b);
  }
  if (reverse) sorted = sorted.reverse();
  return sorted;
}

/** What grouping needs of a position, from the columns. */
export function groupFacts(archive: Archive, i: number): GroupFacts {
  const cols = archive.columns;
  const row = archive.row(i);
  return { type: cols.type(row)!, date: cols.date(row), regions: cols.namesOf(cols.regionIds(row)), tags: cols.namesOf(cols.tagIds(row)) };
}

/** Positions grouped as groupArticles groups articles. */
export function groupPositions(archive: Archive, positions: readonly number[], by: GroupKey, gazetteer: Gazetteer): { key: string; items: number[] }[] {
  return groupBy(positions, by, gazetteer, (i) => groupFacts(archive, i));
}

/** What counting regions needs of a position. */
export interface RegionFacts {
  page: boolean;
  regions: readonly string[];
  provinces: readonly string[];
}

export function regionFacts(archive: Archive, i: number): RegionFacts {
  const cols = archive.columns;
  const row = archive.row(i);
  return { page: cols.type(row) === 'page', regions: cols.namesOf(cols.regionIds(row)), provinces: cols.namesOf(cols.provinceIds(row)) };
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
