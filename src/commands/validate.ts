// psg validate [FILES...]: check every article, report every problem, optionally fix the safe ones.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Article } from '../core/article.js';
import { checkArticleFile } from '../core/check.js';
import { fixArticle } from '../core/autofix.js';
import { locateProblems } from '../core/locate.js';
import { byPosition, error, type Problem } from '../core/problem.js';
import { checkArchive } from '../core/rules/index.js';
import { errnoCode, ExitCode, PsgError } from '../errors.js';
import { eachArticleFile, type LoadedFile, loadArchive } from '../store/archive.js';
import { readArticle } from '../store/read.js';
import { rewriteArticle } from '../store/rewrite.js';
import { scanArticles } from '../store/scan.js';
import { problemsJson } from '../render/problems-json.js';
import type { FileReport, ValidationReport } from '../render/report.js';
import { stylish } from '../render/stylish.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace, requireArticlesDir, type Workspace } from '../workspace.js';

export interface ValidateOptions {
  format: 'stylish' | 'json';
  strict?: boolean;
  fix?: boolean;
}

interface Target {
  abs: string;
  /** The path the article rules see: relative to the articles folder where it is inside it. */
  rel: string;
}

function relToRoot(root: string, abs: string): string | undefined {
  const rel = relative(root, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : undefined;
}

/**
 * The files named on the command line; a folder stands for the articles in it. A file named
 * twice is checked once (else it would clash with itself as a duplicate slug); a file outside
 * the articles folder goes by its absolute path, which no article of the folder can share.
 */
function namedTargets(ws: Workspace, names: string[]): Target[] {
  const targets = new Map<string, Target>();
  const add = (abs: string) => targets.set(abs, { abs, rel: relToRoot(ws.articlesDir, abs) ?? abs.split(sep).join('/') });
  for (const name of names) {
    const abs = resolve(ws.cwd, name);
    if (!existsSync(abs)) {
      throw new PsgError(`no such file: ${name}`, { hint: 'Name article files or folders, or run psg validate with no arguments to check them all' });
    }
    const stat = statSync(abs);
    if (stat.isDirectory()) for (const file of scanArticles(abs).files) add(join(abs, file));
    // A pipe or a device would block the read for ever.
    else if (!stat.isFile()) throw new PsgError(`not a file: ${name}`, { hint: 'Name article files (.md) or folders' });
    else add(abs);
  }
  return [...targets.values()];
}

/**
 * Write one file's fixes. A failed write (disk full, no permission, the file changed meanwhile)
 * leaves the file as it was and becomes a problem of that file; the other files still get theirs.
 */
function writeFix(abs: string, text: string, file: LoadedFile): Problem | undefined {
  try {
    // Through a link to the file it names, so that the link stays a link.
    rewriteArticle(realpathSync(abs), text, file.bom, file.stamp);
    return undefined;
  } catch (e) {
    const where = { line: 1, column: 1 };
    if (e instanceof PsgError) {
      return error('fix-failed', 'The file changed while --fix worked on it, so nothing was written; run psg validate --fix again', where);
    }
    // "EFBIG: file too large, write" → "EFBIG: file too large"
    const why = errnoCode(e) ? (e as Error).message.split(',')[0] : String(e);
    return error('fix-failed', `--fix could not write this file (${why}); it is unchanged: free some space or check the permissions, then run psg validate --fix again`, where);
  }
}

function shown(ws: Workspace, abs: string): string {
  return relToRoot(ws.cwd, abs) ?? abs;
}

export async function validate(names: string[], options: ValidateOptions, global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const ctx = ws.ctx;
  // Per file: its own problems, those the archive rules found (duplicates, series), and the
  // decoded file itself where --fix will need it.
  const results = new Map<string, { abs: string; problems: Problem[]; archive: Problem[]; file: LoadedFile | undefined }>();
  const articles: Article[] = [];

  const visit = (file: LoadedFile) => {
    const problems = checkArticleFile(file, ctx);
    if (file.article) articles.push(file.article);
    // Keep the text only where a fix will need it.
    const keep = options.fix && problems.some((p) => p.fix) ? file : undefined;
    results.set(file.path, { abs: file.abs, problems, archive: [], file: keep });
  };

  let checked: number;
  if (names.length) {
    const targets = namedTargets(ws, names);
    for (const t of targets) visit({ ...readArticle(t.abs, t.rel, ctx), abs: t.abs });
    checked = targets.length;
    // Slugs and series are checked against the whole archive, when there is one.
    if (existsSync(ws.articlesDir)) {
      for (const other of loadArchive(ws.articlesDir, ctx).articles) if (!results.has(other.path)) articles.push(other);
    }
  } else {
    checked = eachArticleFile(requireArticlesDir(ws), ctx, visit);
  }

  // In path order, as a whole-folder run sees them: the later of two files with one slug is
  // the one reported, whichever of them was named on the command line.
  articles.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const [path, problems] of checkArchive(articles, ctx)) {
    const result = results.get(path);
    if (!result) continue; // a file not asked about
    const reread = readArticle(result.abs, path, ctx);
    locateProblems(problems, reread.frontMatter?.yaml, reread.frontMatter?.yamlLine ?? 1);
    result.archive = problems;
  }

  let fixedProblems = 0;
  let fixedFiles = 0;
  if (options.fix) {
    for (const result of results.values()) {
      if (!result.file) continue;
      const fix = fixArticle(result.file, result.problems, ctx);
      if (fix.text === undefined) continue;
      const failed = writeFix(result.abs, fix.text, result.file);
      if (failed) {
        result.problems = [failed, ...result.problems];
        continue;
      }
      result.problems = fix.problems;
      fixedProblems += fix.fixed;
      fixedFiles++;
    }
  }

  const files: FileReport[] = [...results.values()]
    .filter((r) => r.problems.length || r.archive.length)
    .map((r) => ({ path: shown(ws, r.abs), problems: [...r.problems, ...r.archive].sort(byPosition) }));
  const report: ValidationReport = { files, checked, fixed: { problems: fixedProblems, files: fixedFiles } };
  io.out(options.format === 'json' ? problemsJson(report) : stylish(report, io.paint));

  const errors = files.some((f) => f.problems.some((p) => p.severity === 'error'));
  const warnings = files.some((f) => f.problems.some((p) => p.severity === 'warning'));
  return errors || (options.strict && warnings) ? ExitCode.problems : ExitCode.ok;
}
