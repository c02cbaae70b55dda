// psg validate --staged: check the articles staged for the next commit, as they are in the
// index (what will be committed), not as they are in the working copy. The pre-commit hook
// runs it. Slugs and series are checked against the rest of the archive.
import { join, sep } from 'node:path';
import { decodeArticle } from '../core/article-file.js';
import { checkArticleFile } from '../core/check.js';
import { locateProblems } from '../core/locate.js';
import { byPosition, type Problem } from '../core/problem.js';
import { type ArchiveFacts, checkArchive } from '../core/rules/index.js';
import { ExitCode } from '../errors.js';
import { type FileReport, totals } from '../render/report.js';
import { loadArchive } from '../store/archive.js';
import { gitTopLevel, stagedBytes, stagedPaths } from '../store/git.js';
import { relativeInside } from '../store/paths.js';
import { isArticleName, skipName } from '../store/scan.js';
import type { Io } from '../ui/io.js';
import { type GlobalOptions, openWorkspace } from '../workspace.js';
import type { ValidateOptions } from './validate.js';
import { writeReport } from './validate-report.js';

export async function validateStaged(options: ValidateOptions, global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const top = gitTopLevel(ws.cwd);
  const staged: { rel: string; shown: string; bytes: Buffer }[] = [];
  for (const path of stagedPaths(top)) {
    const abs = join(top, path);
    const rel = relativeInside(ws.articlesDir, abs);
    // The articles a scan of the folder would find: *.md, no part of the path hidden or _private.
    if (rel === undefined || !isArticleName(rel) || rel.split('/').some(skipName)) continue;
    staged.push({ rel, shown: relativeInside(ws.cwd, abs) ?? abs.split(sep).join('/'), bytes: stagedBytes(top, path) });
  }

  const results = new Map<string, { shown: string; problems: Problem[]; yaml?: string; yamlLine: number }>();
  const facts: ArchiveFacts[] = [];
  for (const file of staged) {
    const decoded = decodeArticle(file.rel, file.bytes, ws.ctx);
    const a = decoded.article;
    if (a) facts.push({ path: a.path, slug: a.slug, series: a.series, part: a.part });
    const result = { shown: file.shown, problems: checkArticleFile(decoded, ws.ctx), yamlLine: decoded.frontMatter?.yamlLine ?? 1 };
    results.set(file.rel, decoded.frontMatter ? { ...result, yaml: decoded.frontMatter.yaml } : result);
  }
  if (staged.length) {
    // The rest of the archive as it is on disk: a staged file's own working copy does not count.
    const archive = await loadArchive(ws.articlesDir, ws.ctx).catch(() => undefined);
    for (const other of archive?.articles ?? []) if (!results.has(other.path)) facts.push({ path: other.path, slug: other.slug, series: other.series, part: other.part });
    facts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const [path, problems] of checkArchive(facts, ws.ctx)) {
      const result = results.get(path);
      if (!result) continue;
      locateProblems(problems, result.yaml, result.yamlLine);
      result.problems.push(...problems);
    }
  }

  const counts = totals([...results.values()].map((r) => r.problems));
  const reports = function* (): Generator<FileReport> {
    for (const r of [...results.values()].sort((a, b) => (a.shown < b.shown ? -1 : 1))) {
      if (r.problems.length) yield { path: r.shown, problems: r.problems.sort(byPosition) };
    }
  };
  writeReport(options.format, reports, counts, { checked: staged.length, fixed: { problems: 0, files: 0 } }, io);
  return counts.errors > 0 || (options.strict && counts.warnings > 0) ? ExitCode.problems : ExitCode.ok;
}
