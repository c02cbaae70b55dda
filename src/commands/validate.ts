// psg validate [FILES...]: check every article, report every problem, optionally fix the safe ones.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { relativeInside } from '../store/paths.js';
import { checkArticleFile } from '../core/check.js';
import { visible } from '../core/visible.js';
import { locateProblems } from '../core/locate.js';
import { byPosition, error, type Problem } from '../core/problem.js';
import { type ArchiveFacts, checkArchive } from '../core/rules/index.js';
import { archiveFacts } from '../core/series.js';
import type { ArchiveFacts as Facts } from '../core/rules/index.js';
import { errnoCode, ExitCode, PsgError } from '../errors.js';
import { type FileReport, totals } from '../render/report.js';
import { loadArchive } from '../store/archive.js';
import { FileChangedError, type ReadState } from '../store/atomic.js';
import { readArticle } from '../store/read.js';
import { readForRewrite, rewriteArticle } from '../store/rewrite.js';
import { allArchiveFacts, checkArchiveFiles, type FileResult, type ValidateRun } from '../store/validate-cache.js';
import { cacheOptions } from './shared.js';
import { scanArticles } from '../store/scan.js';
import type { Io } from '../ui/io.js';
import type { ByteBatcher } from '../ui/chunked.js';
import { progress } from '../ui/progress.js';
import { trace } from '../ui/trace.js';
import { type GlobalOptions, openWorkspace, requireArticlesDir, type Workspace } from '../workspace.js';
import { type ReportFormat, writeReport } from './validate-report.js';

export interface ValidateOptions {
  format: ReportFormat;
  strict?: boolean;
  fix?: boolean;
  /** Apply the did-you-mean suggestions as well as the fixes. */
  fixSuggestions?: boolean;
}

interface Target {
  abs: string;
  /** The path the article rules see: relative to the articles folder where it is inside it. */
  rel: string;
}

/** Something that hides articles (see folderTarget), with the problem that says so. */
type FolderTarget = Target & { problem: Problem };

/** What is kept of a checked file: only files with problems are kept at all. */
interface Result {
  abs: string;
  problems: Problem[];
  archive: Problem[];
}


/**
 * The files named on the command line; a folder stands for the articles in it. A file named
 * twice is checked once (else it would clash with itself as a duplicate slug); a file outside
 * the articles folder goes by its absolute path, which no article of the folder can share.
 */
function namedTargets(ws: Workspace, names: string[], unreadable: FolderTarget[]): Target[] {
  const targets = new Map<string, Target>();
  const add = (abs: string) => targets.set(abs, { abs, rel: relativeInside(ws.articlesDir, abs) ?? abs.split(sep).join('/') });
  for (const name of names) {
    const abs = resolve(ws.cwd, name);
    if (!existsSync(abs)) {
      throw new PsgError(`no such file: ${name}`, { hint: 'Name article files or folders, or run psg validate with no arguments to check them all' });
    }
    const stat = statSync(abs);
    if (stat.isDirectory()) {
      const scan = scanArticles(abs);
      for (const file of scan.files) add(join(abs, file));
      for (const folder of scan.unreadable) unreadable.push(folderTarget(ws, join(abs, folder.path), folder.code!));
    }
    // A pipe or a device would block the read for ever.
    else if (!stat.isFile()) throw new PsgError(`not a file: ${name}`, { hint: 'Name article files (.md) or folders' });
    else add(abs);
  }
  return [...targets.values()];
}

/**
 * What hides articles from the scan, an error of its own: a folder that cannot be read, or a
 * name that is not UTF-8 (shown with \xNN for its bad bytes; no decoded path can open it).
 */
function folderTarget(ws: Workspace, abs: string, code: string): FolderTarget {
  const rel = relativeInside(ws.articlesDir, abs) ?? abs.split(sep).join('/');
  const where = { line: 1, column: 1 };
  const problem =
    code === 'name-not-utf8'
      ? error('name-not-utf8', 'This name is not valid UTF-8 (its bad bytes are shown as \\xNN), so psg cannot read it; rename it in UTF-8', where)
      : error('folder-unreadable', `This folder cannot be read (${code}), so the articles in it are not checked; check its permissions`, where);
  return { abs, rel: `${rel}/`, problem };
}

/**
 * Write one file's fixes. A failed write (disk full, no permission, the file changed meanwhile)
 * leaves the file as it was and becomes a problem of that file; the other files still get theirs.
 */
function writeFix(abs: string, text: string, bom: boolean, read: ReadState | undefined): Problem | undefined {
  try {
    // Through a link to the file it names, so that the link stays a link.
    rewriteArticle(realpathSync(abs), text, bom, read);
    return undefined;
  } catch (e) {
    const where = { line: 1, column: 1 };
    if (e instanceof FileChangedError) {
      return error('fix-failed', 'The file changed while --fix worked on it, so nothing was written; run psg validate --fix again', where);
    }
    // "EFBIG: file too large, write" → "EFBIG: file too large"
    const why = errnoCode(e) ? (e as Error).message.split(',')[0] : String(e);
    return error('fix-failed', `--fix could not write this file (${why}); it is unchanged: free some space or check the permissions, then run psg validate --fix again`, where);
  }
}

export async function validate(names: string[], options: ValidateOptions, global: GlobalOptions, io: Io): Promise<number> {
  const ws = openWorkspace(global, io.env, io.cwd);
  const ctx = ws.ctx;
  const results = new Map<string, Result>();
  const facts: ArchiveFacts[] = [];
  const absOf = new Map<string, string>();

  const visit = (file: { path: string; problems: Problem[]; facts?: Facts }, abs: string) => {
    if (file.facts) facts.push(file.facts);
    if (file.problems.length) results.set(file.path, { abs, problems: file.problems, archive: [] });
  };

  let checked: number;
  let root: string | undefined;
  const folders: FolderTarget[] = [];
  if (names.length) {
    const targets = namedTargets(ws, names, folders);
    for (const t of targets) {
      absOf.set(t.rel, t.abs);
      const file = readArticle(t.abs, t.rel, ctx);
      const checkedFile: { path: string; problems: Problem[]; facts?: Facts } = { path: t.rel, problems: checkArticleFile(file, ctx) };
      if (file.article) checkedFile.facts = archiveFacts(file.article, file.data);
      visit(checkedFile, t.abs);
    }
    checked = targets.length;
    // Slugs and series are checked against the whole archive, when there is one: its keys, from the index.
    if (existsSync(ws.articlesDir)) {
      const archive = await loadArchive(ws.articlesDir, ctx, cacheOptions(global, io));
      for (const other of allArchiveFacts(archive)) if (!absOf.has(other.path)) facts.push(other);
    }
  } else {
    const dir = requireArticlesDir(ws);
    root = dir;
    const shown = progress(io, 'checking');
    let run: ValidateRun;
    try {
      // Unchanged files' problems come from the stored results (see store/validate-cache.ts).
      run = await checkArchiveFiles(dir, ctx, cacheOptions(global, io), ws.config, shown.update);
    } finally {
      shown.end();
    }
    for (const folder of run.unreachable) folders.push(folderTarget(ws, join(dir, folder.path), folder.code!));
    // Without fixes to make, the report streams from the run: no file's problems are held.
    if (!options.fix && !options.fixSuggestions) return streamReport(ws, dir, run, folders, options, io);
    for (const file of run.files()) results.set(file.path, { abs: join(dir, file.path), problems: file.own(), archive: file.archive() });
    checked = run.checked;
  }
  for (const f of folders) results.set(f.rel, { abs: f.abs, problems: [f.problem], archive: [] });
  const abs = (path: string) => absOf.get(path) ?? (root === undefined ? undefined : join(root, path));

  // In path order, as a whole-folder run sees them: the later of two files with one slug is
  // the one reported, whichever of them was named on the command line.
  facts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // (A whole-folder run has its results from the rules across files already.)
  for (const [path, problems] of root === undefined ? checkArchive(facts, ctx) : []) {
    const file = abs(path);
    if (file === undefined) continue; // an article of the archive that was not asked about
    const reread = readArticle(file, path, ctx);
    locateProblems(problems, reread.frontMatter?.yaml, reread.frontMatter?.yamlLine ?? 1);
    const result = results.get(path) ?? { abs: file, problems: [], archive: [] };
    result.archive = problems;
    results.set(path, result);
  }

  const fixed = { problems: 0, files: 0 };
  if (options.fix || options.fixSuggestions) {
    const { fixArticle } = await import('../core/autofix.js');
    for (const [path, result] of results) {
      if (!result.problems.some((p) => p.fix || (options.fixSuggestions && p.suggestion))) continue;
      // Read again: the text of every fixable file is not worth holding through the whole run.
      const file = readForRewrite(result.abs, path, ctx);
      const fix = fixArticle(file, checkArticleFile(file, ctx), ctx, options.fixSuggestions);
      if (fix.text === undefined) continue;
      const failed = writeFix(result.abs, fix.text, file.bom, file.read);
      if (failed) {
        result.problems = [failed, ...result.problems];
        continue;
      }
      result.problems = fix.problems;
      fixed.problems += fix.fixed;
      fixed.files++;
    }
  }

  const counts = totals([...results.values()].flatMap((r) => [r.problems, r.archive]));
  // Most files are in the articles folder: its path from here is worked out once.
  const shown = shownFrom(ws, root).abs;
  const reports = function* (): Generator<FileReport> {
    const paths = [...results.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const path of paths) {
      const r = results.get(path)!;
      if (r.problems.length || r.archive.length) yield { path: shown(r.abs), problems: [...r.problems, ...r.archive].sort(byPosition) };
    }
  };
  const summary = { checked, fixed };
  writeReport(options.format, reports, counts, summary, io);
  return counts.errors > 0 || (options.strict && counts.warnings > 0) ? ExitCode.problems : ExitCode.ok;
}

/**
 * How a file is shown: from the current folder (relative inside it, else absolute), given
 * its absolute path or (rel) its path in the articles folder. Most files are in the articles
 * folder, and then one prefix does for all of them, worked out once: unless the current
 * folder is inside the articles folder.
 */
function shownFrom(ws: Workspace, root: string | undefined): { abs: (file: string) => string; rel: (path: string) => string; prefix?: string } {
  const slow = (file: string) => relativeInside(ws.cwd, file) ?? file;
  if (root === undefined) return { abs: slow, rel: slow };
  root = resolve(root);
  const back = relative(root, ws.cwd);
  const cwdInside = back !== '' && back.split(sep)[0] !== '..' && !isAbsolute(back);
  if (cwdInside) return { abs: slow, rel: (path) => slow(`${root}/${path}`) };
  const prefix = back === '' ? '' : `${relativeInside(ws.cwd, root) ?? root}/`;
  // A path of a scan has no .. part; a named one outside the folder may.
  const abs = (file: string) => (file.startsWith(`${root}/`) && !file.includes('/..') ? `${prefix}${file.slice(root.length + 1)}` : slow(file));
  return { abs, rel: (path) => `${prefix}${path}`, prefix };
}

/** The report of a whole-folder run, file by file as the run gives them, with the folders that hide articles in their places. */
function streamReport(ws: Workspace, root: string, run: ValidateRun, folders: FolderTarget[], options: ValidateOptions, io: Io): number {
  const { abs: shown, rel: shownRel, prefix } = shownFrom(ws, root);
  const folderTotals = totals(folders.map((f) => [f.problem]));
  const t = run.totals;
  const counts = { errors: t.errors + folderTotals.errors, warnings: t.warnings + folderTotals.warnings, fixable: t.fixable + folderTotals.fixable, suggestions: t.suggestions + folderTotals.suggestions };
  const sortedFolders = [...folders].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const reports = function* (): Generator<FileReport> {
    let next = 0;
    const folderReport = (f: FolderTarget): FileReport => ({ path: shown(f.abs), problems: [f.problem] });
    // The folder's own part of each path is checked once, the archive's paths all at once.
    const plain = run.visiblePaths && visible(shownRel('')) === shownRel('');
    // Most runs show every path as the folder's path from here and the path in it: that prefix
    // is made bytes once. Otherwise (from inside the folder) each path is worked out whole.
    const head: ShownHead = { prefix: prefix ?? '', bytes: Buffer.from(prefix ?? ''), plain };
    for (const file of run.files()) {
      while (next < sortedFolders.length && sortedFolders[next]!.rel < file.path) yield folderReport(sortedFolders[next++]!);
      yield new StreamedReport(head, file, prefix !== undefined ? file.path : shownRel(file.path));
    }
    while (next < sortedFolders.length) yield folderReport(sortedFolders[next++]!);
  };
  writeReport(options.format, reports, counts, { checked: run.checked, fixed: { problems: 0, files: 0 } }, io);
  trace('report written');
  return counts.errors > 0 || (options.strict && counts.warnings > 0) ? ExitCode.problems : ExitCode.ok;
}

/** How a streamed report shows paths: a prefix of each (also as bytes), and whether every path is visible as it is. */
interface ShownHead {
  prefix: string;
  bytes: Buffer;
  plain: boolean;
}

/** A file of a streamed report: its path and problems are made only when a format needs them. */
class StreamedReport implements FileReport {
  private decoded: Problem[] | undefined;

  constructor(
    /** The path is the head's prefix, then `rel`. */
    private readonly head: ShownHead,
    private readonly file: FileResult,
    private readonly rel: string,
  ) {}

  get path(): string {
    return this.head.prefix + this.rel;
  }

  get problems(): Problem[] {
    return (this.decoded ??= this.file.problems());
  }

  /** The head as stylishHead makes it, plain and unwrapped, then the stored lines. */
  writePlain(out: ByteBatcher): void {
    if (this.head.plain) {
      out.add(this.head.bytes);
      out.add(this.rel);
    } else out.add(visible(this.path));
    out.addByte(0x0a);
    this.file.writeBody(out);
  }
}
