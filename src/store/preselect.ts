// Answering a query from the keys the archive keeps for every article (type, draft, date),
// without parsing 100,000 articles, whenever the query asks nothing more of them.
import type { Article } from '../core/article.js';
import type { Query } from '../core/query.js';
import type { Archive } from './archive.js';

/** True when no filter needs more than type, draft and date. */
export function keysSuffice(query: Query): boolean {
  return !query.regions?.length && !query.tags?.length && query.author === undefined && query.search === undefined;
}

/** The same test as matchesExceptSearch in core/query.ts, on the archive's keys. */
export function matchesKeys(archive: Archive, i: number, query: Query): boolean {
  if (archive.draft(i) && !query.drafts) return false;
  const date = archive.date(i);
  if (date !== undefined && date > query.today && !query.future) return false;
  if (query.from !== undefined || query.to !== undefined) {
    if (date === undefined) return false;
    if (query.from !== undefined && date < query.from) return false;
    if (query.to !== undefined && date > query.to) return false;
  }
  return !query.types?.length || query.types.includes(archive.type(i));
}

/** Positions of the matching articles, newest first (the archive's own order). */
export function matchingPositions(archive: Archive, query: Query): number[] {
  const out: number[] = [];
  for (let i = 0; i < archive.size; i++) if (matchesKeys(archive, i, query)) out.push(i);
  return out;
}

/**
 * The articles a digest can hold, parsed, without parsing the rest: when the keys suffice,
 * the `limit` newest dated matches (and any that tie with the last of them on date and
 * time, so the digest's own ordering decides between those), plus the pages when asked.
 * Otherwise every article.
 */
export function digestCandidates(archive: Archive, query: Query, limit: number | undefined, pages: boolean): Article[] {
  if (!keysSuffice(query) || limit === undefined) return archive.articles;
  const chosen: Article[] = [];
  let dated = 0;
  let lastKey: string | undefined;
  for (let i = 0; i < archive.size; i++) {
    if (archive.type(i) === 'page') {
      if (pages) chosen.push(archive.article(i));
      continue;
    }
    if (!matchesKeys(archive, i, query)) continue;
    if (lastKey !== undefined && archive.dateKey(i) !== lastKey) continue;
    chosen.push(archive.article(i));
    if (++dated === limit) lastKey = archive.dateKey(i);
  }
  return chosen;
}
