// psg validate [FILES...]: check every article, report every problem, optionally fix the safe ones.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fixArticle } from '../core/autofix.js';
import { checkArticleFile } from '../core/check.js';
import { locateProblems } from '../core/locate.js';
import { byPosition, type Problem } from '../core/problem.js';
import { type ArchiveFacts, checkArchive } from '../core/rules/index.js';
import { ExitCode, PsgError } from '../errors.js';
import { problemsJsonPieces } from '../render/problems-json.js';
import type { FileReport, Totals } from '../render/report.js';
import { stylishFile, stylishSummary } from '../render/stylish.js';
import { loadArchive } from '../store/archive.js';
import { runTask } from '../store/parallel.js';
import type { CheckedFile } from '../store/tasks.js';
import { readArticle } from '../store/read.js';
import { rewriteArticle } from '../store/rewrite.js';
import { scanArticles } from '../store/scan.js';
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

/** What is kept of a checked file: only files with problems are kept at all. */
interface Result {
  abs: string;
  problems: Problem[];
  archive: Problem[];
}

function relToRoot(root: string, abs: string): string | undefined {
  const rel = relative(root, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : undefined;
}

/** The files named on the command line; a folder stands for the articles in it. */
function namedTargets(ws: Workspace, names: string[]): Target[] {
  const targets: Target[] = [];
  for (const name of names) {
    const abs = resolve(ws.cwd, name);
    if (!existsSync(abs)) {
      throw new PsgError(`no such file: ${name}`, { hint: 'Name article files or folders, or run psg validate with no arguments to check them all' });
    }
    const rel = (p: string) => relToRoot(ws.articlesDir, p) ?? p.slice(p.lastIndexOf(sep) + 1);
    if (statSync(abs).isDirectory()) {
      for (const file of scanArticles(abs).files) targets.push({ abs: join(abs, file), rel: rel(join(abs, file)) });
    } else targets.push({ abs, rel: rel(abs) });
  }
  return targets;
}

const factsOf = (a: ArchiveFacts): ArchiveFacts => ({ path: a.path, slug: a.slug, series: a.series, part: a.part });

export async function validate(names: string[], options: ValidateOptions, global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const ctx = ws.ctx;
  const results = new Map<string, Result>();
  const facts: ArchiveFacts[] = [];
  const absOf = new Map<string, string>();

  const visit = (file: CheckedFile, abs: string) => {
    if (file.facts) facts.push(file.facts);
    if (file.problems.length) results.set(file.path, { abs, problems: file.problems, archive: [] });
  };

  let checked: number;
  let root: string | undefined;
  if (names.length) {
    const targets = namedTargets(ws, names);
    for (const t of targets) {
      absOf.set(t.rel, t.abs);
      const file = readArticle(t.abs, t.rel, ctx);
      const checkedFile: CheckedFile = { path: t.rel, problems: checkArticleFile(file, ctx) };
      if (file.article) checkedFile.facts = factsOf(file.article);
      visit(checkedFile, t.abs);
    }
    checked = targets.length;
    // Slugs and series are checked against the whole archive, when there is one.
    if (existsSync(ws.articlesDir)) {
      const archive = await loadArchive(ws.articlesDir, ctx);
      for (const other of archive.articles) if (!absOf.has(other.path)) facts.push(factsOf(other));
    }
  } else {
    const dir = requireArticlesDir(ws);
    root = dir;
    const { files } = scanArticles(dir);
    for (const file of await runTask('check-files', dir, files, ctx)) visit(file, join(dir, file.path));
    checked = files.length;
  }
  const abs = (path: string) => absOf.get(path) ?? (root === undefined ? undefined : join(root, path));

  for (const [path, problems] of checkArchive(facts, ctx)) {
    const file = abs(path);
    if (file === undefined) continue; // an article of the archive that was not asked about
    const reread = readArticle(file, path, ctx);
    locateProblems(problems, reread.frontMatter?.yaml, reread.frontMatter?.yamlLine ?? 1);
    const result = results.get(path) ?? { abs: file, problems: [], archive: [] };
    result.archive = problems;
    results.set(path, result);
  }

  const fixed = { problems: 0, files: 0 };
  if (options.fix) {
    for (const [path, result] of results) {
      if (!result.problems.some((p) => p.fix)) continue;
      // Read again: the text of every fixable file is not worth holding through the whole run.
      const file = readArticle(result.abs, path, ctx);
      const fix = fixArticle(file, checkArticleFile(file, ctx), ctx);
      if (fix.text === undefined) continue;
      rewriteArticle(result.abs, fix.text, file.bom, file.stamp);
      result.problems = fix.problems;
      fixed.problems += fix.fixed;
      fixed.files++;
    }
  }

  const totals: Totals = { errors: 0, warnings: 0, fixable: 0 };
  for (const r of results.values()) {
    for (const p of [...r.problems, ...r.archive]) {
      if (p.severity === 'error') totals.errors++;
      else totals.warnings++;
      if (p.fix) totals.fixable++;
    }
  }
  const shown = (file: string) => relToRoot(ws.cwd, file) ?? file;
  const reports = function* (): Generator<FileReport> {
    const paths = [...results.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const path of paths) {
      const r = results.get(path)!;
      if (r.problems.length || r.archive.length) yield { path: shown(r.abs), problems: [...r.problems, ...r.archive].sort(byPosition) };
    }
  };
  const summary = { checked, fixed };
  if (options.format === 'json') for (const piece of problemsJsonPieces(reports(), totals, summary)) io.out(piece);
  else {
    for (const report of reports()) io.out(stylishFile(report, io.paint));
    io.out(stylishSummary(totals, summary, io.paint));
  }
  return totals.errors > 0 || (options.strict && totals.warnings > 0) ? ExitCode.problems : ExitCode.ok;
}
