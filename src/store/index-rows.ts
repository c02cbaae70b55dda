// Reading the front matter of each file into an index row, with the article's JSON record:
// the per-file work of list, digest and every command that loads the archive.
import type { Article } from '../core/article.js';
import type { CoreContext } from '../core/context.js';
import { dateKey } from '../core/dates.js';
import { toRecord } from '../core/record.js';
import type { RowData } from './index-file.js';
import { type FileStamp, readArticle } from './read.js';

const NO_STAMP: FileStamp = { size: -1, mtimeMs: -1, ctimeMs: -1 };

export function rowFromArticle(path: string, stamp: FileStamp, article: Article | undefined): RowData {
  const row: RowData = { path, ...stamp, draft: article?.draft ?? false, dateKey: article ? dateKey(article.date) : '', title: article?.title ?? '' };
  if (article) {
    row.type = article.type;
    if (article.order !== undefined) row.order = article.order;
    row.record = JSON.stringify(toRecord(article));
  }
  return row;
}

/** Read the front matter of each file into an index row (with the article's JSON record). */
export function indexRows(root: string, paths: readonly string[], ctx: CoreContext): RowData[] {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return paths.map((rel) => {
    const loaded = readArticle(prefix + rel, rel, ctx, 'front-matter');
    return rowFromArticle(rel, loaded.stamp ?? NO_STAMP, loaded.article);
  });
}
