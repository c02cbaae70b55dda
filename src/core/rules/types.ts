import type { Article } from '../article.js';
import type { CoreContext } from '../context.js';
import type { Problem } from '../problem.js';

/** What a rule sees of one file whose front matter parsed. */
export interface FileFacts {
  path: string;
  data: ReadonlyMap<string, unknown>;
  body: string;
  /** The file's line where the body starts. */
  bodyLine: number;
  /** The lenient reading, when title, type and date are usable. */
  article?: Article;
}

/** One concern checked file by file. A rule may report under several ids of its own. */
export interface FileRule {
  name: string;
  check(file: FileFacts, ctx: CoreContext): Problem[];
}

/** What the archive rules need of each article: little, so 100,000 of them fit in memory. */
/** `series` and `part` as counted (from the title where the fields are absent: core/series.ts). */
export type ArchiveFacts = Pick<Article, 'path' | 'slug' | 'series' | 'part'> & {
  /** The date as YYYY-MM-DD, for the order of a series. */
  day?: string;
};

/** A concern that needs the whole archive (duplicate slugs, letter series). */
export interface ArchiveRule {
  name: string;
  check(articles: readonly ArchiveFacts[], ctx: CoreContext): Map<string, Problem[]>;
}
