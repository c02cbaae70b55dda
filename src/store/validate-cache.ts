// validate keeps its results, as ESLint's --cache does: each file's own problems are stored
// against its size, modification time and change time, under a key made of the rules' code
// and the configuration, so only files that changed are checked again. A new tag in the
// vocabulary, any other change of psg.config.json, or another version of the rules makes
// the key differ and every file is checked. Results that depend on the day (a date after
// today) are checked again for the files whose date today has reached since the last run.
// The rules that look across files run over the archive's columns and the stored facts of
// the letters in a series, and not at all when no file changed. The report comes out file
// by file, straight from the stored report lines where they still hold (validate-store.ts).
import { visibleNames } from '../core/visible.js';
import { createHash } from 'node:crypto';
import { closeSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import type { CoreContext } from '../core/context.js';
import { byPosition, type Problem } from '../core/problem.js';
import { type ArchiveFacts, checkArchiveView } from '../core/rules/index.js';
import { archiveFacts } from '../core/series.js';
import { stylishBody } from '../render/stylish.js';
import { type Totals, totals } from '../render/report.js';
import type { Skipped } from './scan.js';
import { trace } from '../ui/trace.js';
import type { ByteBatcher } from '../ui/chunked.js';
import { type Archive, type CacheOptions, loadArchive } from './archive.js';
import { type CheckedRow, checkFiles } from './check-files.js';
import type { Columns } from './columns.js';
import { runTask } from './parallel.js';
import { F, FACTS, LAYOUT, FIELDS, FUTURE, PartReader, readStored, type Stored, StoredWriter } from './validate-store.js';

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
  // The report lines are stored too: the reporter's code is part of the results.
  hash.update(readFileSync(fileURLToPath(new URL(`../render/stylish.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url))));
  rulesHash = hash.digest('hex');
  return rulesHash;
}

/** The key results are kept under: the rules' code, psg's version, the configuration and the vocabulary. */
export function resultsKey(psgVersion: string, config: unknown, ctx: CoreContext): string {
  return createHash('sha256')
    .update(JSON.stringify({ layout: LAYOUT, psg: psgVersion, rules: rulesVersion(), config, tags: ctx.tags.tags }))
    .digest('hex');
}

function resultsPath(indexFile: string): string {
  return indexFile.replace(/\.psgidx$/, '.validate');
}

/** One file's results, as the report takes them; what it gives is valid until the next file. */
export interface FileResult {
  /** Relative to the articles folder. */
  path: string;
  /** The file's own problems, in file order. */
  own(): Problem[];
  /** What the rules across files found in it. */
  archive(): Problem[];
  /** Both, in file order. */
  problems(): Problem[];
  /** The plain report lines of all its problems (see stylishBody). */
  body(): Uint8Array | string;
  /** The same lines written into `out`: stored ones copied straight from where they were read. */
  writeBody(out: ByteBatcher): void;
}

export interface ValidateRun {
  /** How many files there are. */
  checked: number;
  /** How many were checked in this run rather than taken from the stored results. */
  checkedNow: number;
  totals: Totals;
  /** What hides articles from the scan: unreadable folders, names that are not UTF-8. */
  unreachable: readonly Skipped[];
  /** The files with problems, in path order (once: the new results are stored on the way). */
  files(): Generator<FileResult>;
  /** No path of the archive holds a control character. */
  visiblePaths: boolean;
}

/** Files changed within two seconds of the run are not stored: a second change in the same clock tick could keep size and times. */
const RACY_MS = 2000;
/** With fewer files than this to redo (and under one in fifty), the stored results are left as they are: redoing them next time is cheaper than writing 100,000 again. */
const REWRITE_AT = 500;

/** Put problems of the rules across files where they point: the `part` or `series` field, else the top. */
function place(problems: Problem[], places: ArrayLike<number> | undefined): void {
  for (const p of problems) {
    const field = p.at?.path[0];
    delete p.at;
    if (p.line !== undefined) continue;
    const at = field === 'part' ? 0 : field === 'series' ? 2 : -1;
    p.line = at >= 0 && places ? places[at]! : 1;
    p.column = at >= 0 && places ? places[at + 1]! : 1;
  }
}

/** The archive's rows by path: the report's order. */
function pathOrder(cols: Columns): Int32Array {
  const paths = cols.paths;
  return Int32Array.from(paths.keys()).sort((a, b) => (paths[a]! < paths[b]! ? -1 : paths[a]! > paths[b]! ? 1 : 0));
}

/**
 * Check every file of the archive, taking each unchanged file's results from the stored
 * ones; the new results are stored while the report is made.
 */
export async function checkArchiveFiles(
  root: string,
  ctx: CoreContext,
  cache: CacheOptions | undefined,
  config: unknown,
  onProgress?: (done: number, total: number) => void,
): Promise<ValidateRun> {
  const startedAt = Date.now();
  // Every file the archive's load reads (all of them the first time) is checked in the same pass.
  const archive = await loadArchive(root, ctx, cache, onProgress, { check: true });
  const loaded = archive.checkedNow ?? new Map<string, CheckedRow>();
  trace('archive loaded for validate');
  const cols = archive.columns;
  const n = cols.count;
  const key = cache ? resultsKey(cache.version, config, ctx) : '';
  const file = cache && archive.indexFile ? resultsPath(archive.indexFile) : undefined;
  let stored: Stored | undefined = file && loaded.size < n ? readStored(file, key) : undefined;
  // A clock set back could make a date "after today" again: check everything.
  if (stored && stored.today > ctx.today) {
    closeSync(stored.fd);
    stored = undefined;
  }
  trace(`results read: ${stored ? stored.count : 'none'}`);
  const newDay = stored !== undefined && stored.today !== ctx.today;
  // The same files as last time, in the same order: positions need no look-up.
  const same = stored !== undefined && stored.count === n && stored.joinedPaths === cols.joinedPaths;
  const order = same ? stored!.scanRow : pathOrder(cols);
  /** Each row's stored position, or -1 when it is checked now. */
  const storedAt = new Int32Array(n).fill(-1);
  /** With the same files as last time: each row's stored position, changed or not. */
  const inverse = new Int32Array(same ? n : 0);
  if (stored) {
    let positionOf: Map<string, number> | undefined;
    if (!same) {
      const paths = stored.joinedPaths === '' ? [] : stored.joinedPaths.split('\0');
      positionOf = new Map(Array.from(stored.scanRow, (row, p) => [paths[row]!, p]));
    } else for (let p = 0; p < n; p++) inverse[stored.scanRow[p]!] = p;
    const s = stored.numbers;
    for (let row = 0; row < n; row++) {
      const p = positionOf ? (positionOf.get(cols.path(row)) ?? -1) : inverse[row]!;
      if (p < 0 || !cols.sameStamp(row, s[p * FIELDS + F.size]!, s[p * FIELDS + F.mtimeMs]!, s[p * FIELDS + F.ctimeMs]!)) continue;
      // A day later, a date "after today" may be today: those files are checked again.
      if (newDay && s[p * FIELDS + F.flags]! & FUTURE) continue;
      storedAt[row] = p;
    }
  }
  // Files checked in this run: those the load read (and checked), then any other without a stored result.
  for (let row = 0; row < n; row++) if (loaded.has(cols.path(row))) storedAt[row] = -1;
  const toCheck: string[] = [];
  const toRun: string[] = [];
  for (let row = 0; row < n; row++) {
    if (storedAt[row]! >= 0) continue;
    const path = cols.path(row);
    toCheck.push(path);
    if (!loaded.has(path)) toRun.push(path);
  }
  trace(`${toCheck.length} files checked now, ${toRun.length} of them after the load`);
  const later = await runTask('check-files', checkFiles, root, toRun, ctx, { onProgress });
  let next = 0;
  const checked = toCheck.map((path) => loaded.get(path) ?? later[next++]!);
  trace('files checked');
  const freshAt = new Int32Array(n).fill(-1);
  for (let row = 0, next = 0; row < n; row++) if (storedAt[row]! < 0) freshAt[row] = next++;

  // Nothing changed: the rules across files would find what they found last time. They see
  // only each file's facts (path, slug, series, part, date), so the same holds when every
  // file checked now has the facts its stored results were made with: an edit of a body, a
  // title or the tags, say. The facts then are the index's row for the file as it was.
  const unchanged = same && toCheck.length === 0;
  const factsKept = (): boolean => {
    // (A new day is no exception: the rules across files do not look at today.)
    if (!same || toCheck.length > Math.min(REWRITE_AT, n / 50)) return false;
    const base = archive.baseColumns;
    const s = stored!.numbers;
    for (let row = 0; row < n; row++) {
      if (storedAt[row]! >= 0) continue;
      const at = inverse[row]!;
      // The stored results are of the file as it is now (a file the load read again, which the index is behind on).
      if (cols.sameStamp(row, s[at * FIELDS + F.size]!, s[at * FIELDS + F.mtimeMs]!, s[at * FIELDS + F.ctimeMs]!)) continue;
      const was = archive.previousRow(row);
      if (was < 0 || !base.sameStamp(was, s[at * FIELDS + F.size]!, s[at * FIELDS + F.mtimeMs]!, s[at * FIELDS + F.ctimeMs]!)) return false;
      if (base.type(was) !== cols.type(row)) return false;
      if (cols.type(row) && JSON.stringify(rowFacts(base, was)) !== JSON.stringify(rowFacts(cols, row))) return false;
    }
    return true;
  };
  const archKept = unchanged || factsKept();
  /** Where a row's stored problems across files are, when they still hold. */
  const archAt = (row: number) => (storedAt[row]! >= 0 ? storedAt[row]! : inverse[row]!);
  const across = (): Map<string, Problem[]> => {
    const s = stored?.numbers;
    const series: ArchiveFacts[] = [];
    for (let p = 0; p < n; p++) {
      const row = order[p]!;
      const fresh = freshAt[row]! >= 0 ? checked[freshAt[row]!]! : undefined;
      if (fresh) {
        if (fresh.facts?.series !== undefined) series.push(fresh.facts);
      } else if (stored!.series[storedAt[row]!]) {
        const at = storedAt[row]!;
        const f: ArchiveFacts = { path: cols.path(row), slug: cols.slug(row), series: stored!.series[at]!, part: s![at * FIELDS + F.part]! };
        const day = cols.date(row);
        if (day !== undefined) f.day = day;
        series.push(f);
      }
    }
    const slugOf = (p: number): string | undefined => {
      const row = order[p]!;
      const fresh = freshAt[row]! >= 0 ? checked[freshAt[row]!]! : undefined;
      if (fresh) return fresh.facts?.slug;
      return s![storedAt[row]! * FIELDS + F.flags]! & FACTS ? cols.slug(row) : undefined;
    };
    const found = checkArchiveView({ count: n, path: (p) => cols.path(order[p]!), slug: slugOf, series }, ctx);
    trace('rules across files run');
    return found;
  };
  let found = archKept ? undefined : across();

  // What each position shows: its own problems' counts, its archive problems, and whether the stored lines still hold.
  const archJson = (problems: Problem[] | undefined) => (problems ? JSON.stringify(problems) : '');
  let t: Totals;
  let redo = toCheck.length;
  // Each row's JSON of what the rules across files found in it, and its checksum (0: nothing).
  const archTexts = new Map<number, string>();
  const archCrcs = new Float64Array(n);
  if (unchanged) t = stored!.totals;
  else if (archKept) {
    // The stored totals less the stored files' own problems are those across files, which hold.
    const s = stored!.numbers;
    const own = [0, 0, 0, 0];
    for (let p = 0; p < n; p++) for (let k = 0; k < 4; k++) own[k]! -= s[p * FIELDS + F.errors + k]!;
    for (let row = 0; row < n; row++) {
      const fresh = freshAt[row]! >= 0 ? checked[freshAt[row]!]! : undefined;
      for (let k = 0; k < 4; k++) own[k]! += fresh ? fresh.counts[k]! : s[storedAt[row]! * FIELDS + F.errors + k]!;
    }
    const st = stored!.totals;
    t = { errors: st.errors + own[0]!, warnings: st.warnings + own[1]!, fixable: st.fixable + own[2]!, suggestions: st.suggestions + own[3]! };
  } else {
    t = { errors: 0, warnings: 0, fixable: 0, suggestions: 0 };
    const s = stored?.numbers;
    for (let row = 0; row < n; row++) {
      const fresh = freshAt[row]! >= 0 ? checked[freshAt[row]!]! : undefined;
      const c: ArrayLike<number> = fresh ? fresh.counts : [s![storedAt[row]! * FIELDS + F.errors]!, s![storedAt[row]! * FIELDS + F.warnings]!, s![storedAt[row]! * FIELDS + F.fixable]!, s![storedAt[row]! * FIELDS + F.suggestions]!];
      t.errors += c[0]!;
      t.warnings += c[1]!;
      t.fixable += c[2]!;
      t.suggestions += c[3]!;
      const arch = found!.get(cols.path(row));
      if (arch) {
        archTexts.set(row, archJson(arch));
        archCrcs[row] = crc32(archTexts.get(row)!);
      }
      if (!fresh && s![storedAt[row]! * FIELDS + F.archCrc]! !== archCrcs[row]) redo++;
    }
    const a = totals(found!.values());
    t.errors += a.errors;
    t.warnings += a.warnings;
    t.fixable += a.fixable;
    t.suggestions += a.suggestions;
  }
  // A few files checked now are checked again next time rather than all 100,000 written again.
  const rewrite = file !== undefined && (!stored || !same || redo > Math.min(REWRITE_AT, n / 50));

  const readers = stored && { lines: new PartReader(stored, 0), owns: new PartReader(stored, 1), archs: new PartReader(stored, 2) };
  const file0 = { root, ctx, stored, readers };
  function* files(): Generator<FileResult> {
    const writer = rewrite ? new StoredWriter(file!, { key, today: ctx.today, count: n, totals: t }, cols.joinedPaths) : undefined;
    const racy = startedAt - RACY_MS;
    const numbers = new Float64Array(FIELDS);
    const s = stored?.numbers;
    // One cursor for every file: what it gives holds until the next.
    const cursor = new Cursor(file0);
    let done = false;
    try {
      for (let p = 0; p < n; p++) {
        const row = order[p]!;
        const at = storedAt[row]!;
        const fresh: CheckedRow | undefined = freshAt[row]! >= 0 ? checked[freshAt[row]!]! : undefined;
        const aAt = archKept ? archAt(row) : -1;
        const storedArch = archKept && s![aAt * FIELDS + F.arch]! ? readers!.archs.piece(aAt) : undefined;
        let arch: Problem[] | undefined;
        let archText: string | Buffer;
        let archCrc: number;
        if (archKept && (storedArch || !s![aAt * FIELDS + F.arch]!)) {
          archText = storedArch ?? '';
          archCrc = s![aAt * FIELDS + F.archCrc]!;
        } else if (!archKept) {
          arch = found!.get(cols.path(row));
          archText = archTexts.get(row) ?? '';
          archCrc = archCrcs[row]!;
        } else {
          // Damaged in the stored results: the rules across files say.
          found ??= across();
          arch = found.get(cols.path(row));
          archText = archJson(arch);
          archCrc = archText ? crc32(archText) : 0;
        }
        // The stored lines hold while the file and what the rules across files say of it are the same.
        const keptLines = !fresh && (archKept || s![at * FIELDS + F.archCrc]! === archCrc);
        cursor.set(cols.path(row), at, fresh, arch, archText, keptLines);
        const own = fresh ? fresh.counts[0] + fresh.counts[1] : s![at * FIELDS + F.errors]! + s![at * FIELDS + F.warnings]!;
        if (own > 0 || archText.length > 0) yield cursor;
        if (writer && !writer.failed) {
          if (fresh) {
            numbers.fill(0);
            numbers[F.part] = NaN;
            numbers[F.flags] = (fresh.facts ? FACTS : 0) | (fresh.future ? FUTURE : 0);
            if (fresh.facts?.part !== undefined) numbers[F.part] = fresh.facts.part;
            if (fresh.places) numbers.set(fresh.places, F.partLine);
            numbers.set(fresh.counts, F.errors);
          } else numbers.set(s!.subarray(at * FIELDS, (at + 1) * FIELDS));
          const stamp = cols.stamp(row);
          // Stored with a size no file has, a racy file is checked again next time.
          numbers[F.size] = stamp.mtimeMs < racy && stamp.ctimeMs < racy ? stamp.size : -1;
          numbers[F.mtimeMs] = stamp.mtimeMs;
          numbers[F.ctimeMs] = stamp.ctimeMs;
          numbers[F.archCrc] = archCrc;
          const series = fresh ? (fresh.facts?.series ?? '') : stored!.series[at]!;
          writer.add(row, numbers, series, [cursor.body(), cursor.ownText(), archText]);
        }
      }
      done = true;
    } finally {
      if (writer) {
        if (done && writer.finish()) {
          trace('results written');
          // The results of psg 0.1's first layout, one JSON document, are not read any more.
          try {
            rmSync(file!.replace(/\.validate$/, '.validate.json'), { force: true });
          } catch {
            /* not ours to remove */
          }
        }
        else writer.abort();
      }
      if (stored) closeSync(stored.fd);
    }
  }
  return { checked: n, checkedNow: toCheck.length, totals: t, unreachable: archive.unreachable, files, visiblePaths: visibleNames(cols.joinedPaths) };
}

/** One file's results at a time, made from the stored pieces or from this run's check on demand. */
class Cursor implements FileResult {
  path = '';
  private at = -1;
  private fresh: CheckedRow | undefined;
  private arch: Problem[] | undefined;
  private archText: string | Buffer = '';
  private keptLines = false;
  private own_: Problem[] | undefined;
  private placed = false;
  private body_: Uint8Array | string | undefined;
  private ownText_: Buffer | string | undefined;

  constructor(private readonly from: { root: string; ctx: CoreContext; stored: Stored | undefined; readers: { lines: PartReader; owns: PartReader } | undefined }) {}

  set(path: string, at: number, fresh: CheckedRow | undefined, arch: Problem[] | undefined, archText: string | Buffer, keptLines: boolean): void {
    this.path = path;
    this.at = at;
    this.fresh = fresh;
    this.arch = arch;
    this.archText = archText;
    this.keptLines = keptLines;
    this.own_ = undefined;
    this.placed = false;
    this.body_ = undefined;
    this.ownText_ = undefined;
  }

  /** The own problems' JSON; a damaged stored block is made good by checking the file again. */
  ownText(): Buffer | string {
    if (this.ownText_ !== undefined) return this.ownText_;
    if (this.fresh) return (this.ownText_ = this.fresh.own);
    this.ownText_ = this.from.readers!.owns.piece(this.at);
    if (this.ownText_ === undefined) {
      this.fresh = checkFiles(this.from.root, [this.path], this.from.ctx)[0]!;
      this.ownText_ = this.fresh.own;
    }
    return this.ownText_;
  }

  own(): Problem[] {
    return (this.own_ ??= JSON.parse(this.ownText().toString()) as Problem[]);
  }

  archive(): Problem[] {
    if (!this.arch) {
      const text = this.archText.toString();
      this.arch = text ? (JSON.parse(text) as Problem[]) : [];
    }
    if (!this.placed) {
      const s = this.from.stored?.numbers;
      place(this.arch, this.fresh ? this.fresh.places : s!.subarray(this.at * FIELDS + F.partLine, this.at * FIELDS + F.seriesColumn + 1));
      this.placed = true;
    }
    return this.arch;
  }

  problems(): Problem[] {
    return this.archive().length ? [...this.own(), ...this.archive()].sort(byPosition) : this.own();
  }

  writeBody(out: ByteBatcher): void {
    if (this.body_ === undefined && this.keptLines && this.from.readers!.lines.pieceInto(this.at, out)) return;
    out.add(this.body());
  }

  body(): Uint8Array | string {
    if (this.body_ !== undefined) return this.body_;
    if (this.keptLines) this.body_ = this.from.readers!.lines.piece(this.at);
    this.body_ ??= this.fresh && !this.archive().length ? this.fresh.body : stylishBody(this.problems());
    return this.body_;
  }
}
