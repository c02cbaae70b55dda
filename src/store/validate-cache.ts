// validate keeps its results, as ESLint's --cache does: each file's own problems are stored
// against its size, modification time and change time, under a key made of the rules' code
// and the configuration, so only files that changed are checked again. A new tag in the
// vocabulary, any other change of psg.config.json, or another version of the rules makes
// the key differ and every file is checked. Results that depend on the day (a date after
// today) are checked again for the files whose date today has reached since the last run.
// The rules that look across files run over the archive's columns, not over parsed files.
import { createHash } from 'node:crypto';
import { closeSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoreContext } from '../core/context.js';
import type { Problem } from '../core/problem.js';
import type { ArchiveFacts } from '../core/rules/index.js';
import { archiveFacts } from '../core/series.js';
import type { Skipped } from './scan.js';
import { trace } from '../ui/trace.js';
import { type Archive, type CacheOptions, loadArchive } from './archive.js';
import { type CheckedFile, checkFiles } from './check-files.js';
import type { Columns } from './columns.js';
import { writeFileAtomic } from './atomic.js';
import { runTask } from './parallel.js';
import { openRegular } from './read.js';

/** Bump when the layout of the results file changes. */
const LAYOUT = 2;

/**
 * What the rules across files need of a row, from its keys alone: the same facts as
 * core/series.ts gives a parsed article (a letter's series from its title counts too).
 */
export function rowFacts(cols: Columns, row: number): ArchiveFacts {
  const date = cols.date(row);
  return archiveFacts({
    path: cols.path(row),
    slug: cols.slug(row),
    title: cols.title(row),
    type: cols.type(row)!,
    ...(cols.seriesName(row) !== undefined && { series: cols.seriesName(row) }),
    ...(cols.part(row) !== undefined && { part: cols.part(row) }),
    ...(date !== undefined && { date: { date } }),
  });
}

/** Every readable article's facts for the rules across files. */
export function allArchiveFacts(archive: Archive): ArchiveFacts[] {
  const cols = archive.columns;
  const out: ArchiveFacts[] = [];
  for (let row = 0; row < cols.count; row++) if (cols.type(row)) out.push(rowFacts(cols, row));
  return out;
}

let rulesHash: string | undefined;

/** A hash of the rules' own code (the core folder, compiled or not): a changed rule changes it. */
function rulesVersion(): string {
  if (rulesHash) return rulesHash;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (/\.(js|ts)$/.test(e.name)) hash.update(e.name).update(readFileSync(join(dir, e.name)));
    }
  };
  walk(fileURLToPath(new URL('../core/', import.meta.url)));
  rulesHash = hash.digest('hex');
  return rulesHash;
}

/** The key results are kept under: the rules' code, psg's version, the configuration and the vocabulary. */
export function resultsKey(psgVersion: string, config: unknown, ctx: CoreContext): string {
  return createHash('sha256')
    .update(JSON.stringify({ layout: LAYOUT, psg: psgVersion, rules: rulesVersion(), config, tags: ctx.tags.tags }))
    .digest('hex');
}

interface Stored {
  today: string;
  /** path → index into stamps/problems. */
  at: Map<string, number>;
  stamps: number[];
  problems: Problem[][];
  /** 1 where the file was an article the rules across files look at. */
  /** Each row's facts for the rules across files, as its file's check gave them (0: none). */
  facts: (ArchiveFacts | 0)[];
}

function resultsPath(indexFile: string): string {
  return indexFile.replace(/\.psgidx$/, '.validate.json');
}

/** The results stored under `key`, or undefined (none, another key, damaged, not a regular file). */
function readResults(file: string, key: string): Stored | undefined {
  const opened = openRegular(file);
  if (!opened.ok) return undefined;
  const { fd, stat: st } = opened;
  try {
    const bytes = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, bytes, got, st.size - got, got);
      if (n === 0) return undefined;
      got += n;
    }
    const nl = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.toString('utf8', 0, nl)) as { format: string; key: string; today: string; sha: string };
    if (header.format !== 'psg-validate' || header.key !== key) return undefined;
    const body = bytes.subarray(nl + 1);
    if (createHash('sha1').update(body).digest('hex') !== header.sha) return undefined;
    const [paths, stamps, problems, facts] = JSON.parse(body.toString('utf8')) as [string, number[], Problem[][], (ArchiveFacts | 0)[]];
    const list = paths === '' ? [] : paths.split('\0');
    if (stamps.length !== list.length * 3 || problems.length !== list.length || facts.length !== list.length) return undefined;
    return { today: header.today, at: new Map(list.map((p, i) => [p, i])), stamps, problems, facts };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function writeResults(file: string, key: string, today: string, rows: { path: string; stamp: [number, number, number]; problems: Problem[]; facts: ArchiveFacts | undefined }[]): void {
  const body = Buffer.from(JSON.stringify([rows.map((r) => r.path).join('\0'), rows.flatMap((r) => r.stamp), rows.map((r) => r.problems), rows.map((r) => r.facts ?? 0)]));
  const header = JSON.stringify({ format: 'psg-validate', key, today, sha: createHash('sha1').update(body).digest('hex') });
  writeFileAtomic(file, [`${header}\n`, body], { overwrite: true });
}

export interface ArchiveCheck {
  /** Every file's own problems (files without problems included), with facts for the readable ones. */
  files: CheckedFile[];
  /** Every readable article's facts, for the rules across files. */
  facts: ArchiveFacts[];
  /** How many files were checked in this run rather than taken from the stored results. */
  checkedNow: number;
  /** What hides articles from the scan: unreadable folders, names that are not UTF-8. */
  unreachable: readonly Skipped[];
}

/**
 * Check every file of the archive, taking each unchanged file's problems from the stored
 * results; store them again when anything was checked. Without a cache every file is checked.
 */
export async function checkArchiveFiles(
  root: string,
  ctx: CoreContext,
  cache: CacheOptions | undefined,
  config: unknown,
  onProgress?: (done: number, total: number) => void,
): Promise<ArchiveCheck> {
  const startedAt = Date.now();
  const archive = await loadArchive(root, ctx, cache);
  trace('archive loaded for validate');
  const cols = archive.columns;
  const key = cache ? resultsKey(cache.version, config, ctx) : '';
  const file = cache && archive.indexFile ? resultsPath(archive.indexFile) : undefined;
  let stored = file ? readResults(file, key) : undefined;
  // A clock set back could make a date "after today" again: check everything.
  if (stored && stored.today > ctx.today) stored = undefined;
  const newDay = stored !== undefined && stored.today !== ctx.today;
  const keptFacts = new Array<ArchiveFacts | undefined>(cols.count);
  trace(`results read: ${stored ? stored.at.size : 'none'}`);
  const cached = new Array<Problem[] | undefined>(cols.count);
  const toCheck: string[] = [];
  for (let row = 0; row < cols.count; row++) {
    const path = cols.path(row);
    const at = stored?.at.get(path);
    const s = stored?.stamps;
    const stamp = cols.stamp(row);
    const same = at !== undefined && s![at * 3] === stamp.size && s![at * 3 + 1] === stamp.mtimeMs && s![at * 3 + 2] === stamp.ctimeMs;
    const kept = same ? stored!.problems[at] : undefined;
    // A day later, a date "after today" may be today: those files are checked again.
    if (kept && !(newDay && kept.some((p) => p.rule === 'date-future'))) {
      cached[row] = kept;
      keptFacts[row] = stored!.facts[at!] || undefined;
    } else toCheck.push(path);
  }
  trace(`${toCheck.length} files to check`);
  const fresh = await runTask('check-files', checkFiles, root, toCheck, ctx, { onProgress });
  trace('files checked');
  const files: CheckedFile[] = [];
  const facts: ArchiveFacts[] = [];
  let next = 0;
  for (let row = 0; row < cols.count; row++) {
    let checked: CheckedFile;
    const kept = cached[row];
    if (kept) {
      checked = { path: cols.path(row), problems: kept };
      // As the file's own check gave them: the keys alone cannot tell a part written wrong from none.
      const own = keptFacts[row];
      if (own) checked.facts = own;
    } else checked = fresh[next++]!;
    files.push(checked);
    if (checked.facts) facts.push(checked.facts);
  }
  if (file && (toCheck.length || !stored)) {
    // Files changed within two seconds of the run are left out: a second change in the same
    // clock tick could keep size and times (as for the index).
    const racy = startedAt - 2000;
    const rows = [];
    for (let row = 0; row < cols.count; row++) {
      const s = cols.stamp(row);
      if (s.mtimeMs < racy && s.ctimeMs < racy) rows.push({ path: cols.path(row), stamp: [s.size, s.mtimeMs, s.ctimeMs] as [number, number, number], problems: files[row]!.problems, facts: files[row]!.facts });
    }
    try {
      writeResults(file, key, ctx.today, rows);
      trace('results written');
    } catch {
      // The results only save time: an unwritable cache must not stop validate.
    }
  }
  return { files, facts, checkedNow: toCheck.length, unreachable: archive.unreachable };
}
