// Reading each file whole and running every file rule on it: the per-file work of validate.
import { checkArticleFile } from '../core/check.js';
import type { CoreContext } from '../core/context.js';
import type { Problem } from '../core/problem.js';
import type { ArchiveFacts } from '../core/rules/index.js';
import { archiveFacts } from '../core/series.js';
import { readArticle } from './read.js';

export interface CheckedFile {
  path: string;
  problems: Problem[];
  facts?: ArchiveFacts;
}

/** Read each file whole and run every file rule on it. */
export function checkFiles(root: string, paths: readonly string[], ctx: CoreContext): CheckedFile[] {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return paths.map((rel) => {
    const file = readArticle(prefix + rel, rel, ctx, 'check');
    const checked: CheckedFile = { path: rel, problems: checkArticleFile(file, ctx) };
    const a = file.article;
    if (a) checked.facts = archiveFacts(a, file.data);
    return checked;
  });
}
