// The articles folder as data: every file found, read and decoded. Commands that only need
// articles (list, digest) keep those; validate looks at every file in turn.
import { join } from 'node:path';
import type { Article } from '../core/article.js';
import type { ArticleFile } from '../core/article-file.js';
import type { CoreContext } from '../core/context.js';
import { type FileStamp, readArticle } from './read.js';
import { scanArticles } from './scan.js';

export interface Archive {
  root: string;
  articles: Article[];
  /** Files that could not be read as articles (validate says why). */
  unreadable: string[];
  /** How many .md files there were. */
  total: number;
}

export type LoadedFile = ArticleFile & { abs: string; stamp?: FileStamp };

/** Read every article file below root, calling `visit` with each as it is decoded. */
export function eachArticleFile(root: string, ctx: CoreContext, visit: (file: LoadedFile) => void): number {
  const { files } = scanArticles(root);
  for (const rel of files) {
    const abs = join(root, rel);
    visit({ ...readArticle(abs, rel, ctx), abs });
  }
  return files.length;
}

export function loadArchive(root: string, ctx: CoreContext): Archive {
  const articles: Article[] = [];
  const unreadable: string[] = [];
  const total = eachArticleFile(root, ctx, (file) => {
    if (file.article) articles.push(file.article);
    else unreadable.push(file.path);
  });
  return { root, articles, unreadable, total };
}
