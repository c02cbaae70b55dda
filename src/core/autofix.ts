// --fix: apply the safe fixes to a file's text, pass after pass until nothing more is fixable
// (one fix can reveal another: "cuzco" → "Cusco" shows that Espinar is now covered).
// Only the front matter changes; the body is carried over untouched.
import { type ArticleFile, decodeArticle } from './article-file.js';
import { checkArticleFile } from './check.js';
import type { CoreContext } from './context.js';
import { applyFixes } from './fix.js';
import type { Problem } from './problem.js';

export interface FixResult {
  /** The new text (without BOM), or undefined when nothing changed. */
  text?: string;
  fixed: number;
  problems: Problem[];
}

const MAX_PASSES = 5;

const errorsOf = (problems: Problem[]) => new Set(problems.filter((p) => p.severity === 'error').map((p) => `${p.rule}:${p.message}`));

/** `suggestions`: apply the did-you-mean guesses too (--fix-suggestions), not only the certain fixes. */
export function fixArticle(file: ArticleFile, problems: Problem[], ctx: CoreContext, suggestions = false): FixResult {
  let current = file;
  let currentProblems = problems;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = currentProblems.flatMap((p) => (p.fix ? [p.fix] : suggestions && p.suggestion ? [p.suggestion] : []));
    const fm = current.frontMatter;
    if (!fixes.length || !fm || current.text === undefined) break;
    const yaml = applyFixes(fm.yaml, fixes);
    if (yaml === fm.yaml) break;
    const text = current.text.slice(0, fm.yamlStart) + yaml + current.text.slice(fm.yamlStart + fm.yaml.length);
    const next = decodeArticle(file.path, Buffer.from(text, 'utf8'), ctx);
    const nextProblems = checkArticleFile(next, ctx);
    // A fix must never make the file worse: give up on it if any new error appears.
    const before = errorsOf(currentProblems);
    if ([...errorsOf(nextProblems)].some((e) => !before.has(e))) break;
    current = next;
    currentProblems = nextProblems;
  }
  if (current === file) return { fixed: 0, problems };
  return { text: current.text!, fixed: Math.max(0, problems.length - currentProblems.length), problems: currentProblems };
}

export type { ArticleFile };
