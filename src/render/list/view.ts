// What the list renderers get: the chosen articles as rows, and the groups when --by asked.
import type { ChalkInstance } from 'chalk';
import type { Article } from '../../core/article.js';
import type { GroupKey } from '../../core/query.js';

export interface ListRow {
  article: Article;
  /** The file as the user can open it: relative to the current folder where possible. */
  path: string;
  /** The regions the article is about: those it lists, then those its places lie in. */
  regions: string[];
}

export interface ListGroup {
  /** A region, 'YYYY-MM', a type or a tag; null for "none" (national items, pages, no tags). */
  key: string | null;
  rows: ListRow[];
}

export type ListBy = Exclude<GroupKey, 'year'>;

export interface ListView {
  rows: ListRow[];
  /** Present with --by. */
  by?: ListBy;
  groups?: ListGroup[];
}

export interface ListRenderOptions {
  /** Terminal width to fit; undefined when piped (whole rows). */
  width?: number;
}

export type ListRenderer = (view: ListView, options: ListRenderOptions, paint: ChalkInstance) => string;
