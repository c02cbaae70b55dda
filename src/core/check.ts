// Run every file rule over a decoded file and place each problem in the file.
import type { ArticleFile } from './article-file.js';
import type { CoreContext } from './context.js';
import { locateProblems } from './locate.js';
import { byPosition, internalProblem, type Problem } from './problem.js';
import { checkFile, type FileFacts } from './rules/index.js';

/** Every file-level problem of a decoded file, each with its line and column, in file order. */
export function checkArticleFile(file: ArticleFile, ctx: CoreContext): Problem[] {
  const problems = [...file.problems];
  if (file.data && file.frontMatter && file.text !== undefined) {
    const fm = file.frontMatter;
    // A body left undecoded (frontMatterOnly) is known only as blank or not.
    const body = file.bodyBlank === undefined ? file.text.slice(fm.bodyStart) : file.bodyBlank ? '' : 'text';
    const facts: FileFacts = { path: file.path, data: file.data, body, bodyLine: fm.bodyLine };
    if (file.article) facts.article = file.article;
    problems.push(...checkFile(facts, ctx));
    try {
      locateProblems(problems, fm.yaml, fm.yamlLine);
    } catch (e) {
      // Problems not yet placed go to the top of the file, with a word about the failure.
      for (const p of problems) {
        delete p.at;
        p.line ??= 1;
        p.column ??= 1;
      }
      problems.push(internalProblem('finding where the problems are', e));
    }
  }
  return problems.sort(byPosition);
}
