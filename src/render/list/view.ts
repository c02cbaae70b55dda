// What the list renderers get: the chosen articles as rows, and the groups when --by asked.
import type { ChalkInstance } from 'chalk';
import type { Article, ArticleType } from '../../core/article.js';
import type { GroupKey } from '../../core/query.js';

export interface ListRow {
  article: Article;
  /** The file as the user can open it: relative to the current folder where possible. */
  path: string;
  /** The regions the article is about: those it lists, then those its places lie in. */
  regions: readonly string[];
}

/**
 * What the table shows of an article: no more than the store's columns hold, so that a
 * table of 100,000 rows needs no record parsed.
 */
export interface TableRow {
  /** 'YYYY-MM-DD'; none for pages. */
  date?: string;
  type: ArticleType;
  title: string;
  draft: boolean;
  /** As ListRow's; rows with the same regions may share one list. */
  regions: readonly string[];
}

export interface ListGroup<R = ListRow> {
  /** A region, 'YYYY-MM', a type or a tag; null for "none" (national items, pages, no tags). */
  key: string | null;
  rows: readonly R[];
}

export type ListBy = Exclude<GroupKey, 'year'>;

export interface ListView<R = ListRow> {
  rows: readonly R[];
  /** Present with --by. */
  by?: ListBy;
  groups?: ListGroup<R>[];
}

export interface ListRenderOptions {
  /** Terminal width to fit; undefined when piped (whole rows). */
  width?: number;
}

export type ListRenderer = (view: ListView, options: ListRenderOptions, paint: ChalkInstance) => string;

/** The table and the grouped table: drawn from TableRows. */
export type TableRenderer = (view: ListView<TableRow>, options: ListRenderOptions, paint: ChalkInstance) => string;
