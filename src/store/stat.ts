// The size, modification time and change time of many files, as one Float64Array (three
// numbers a file; -1 for a file that is gone). Checking 100,000 files against the index is
// mostly finding and stat-ing them, so for a large archive worker threads do both: each
// takes top-level folders of the archive (years, pages) from a shared counter, lists them
// and stats their files, while the main thread reads the index.
import { lstatSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type DirStamps, joinDirStamps, newDirStamps, stampDir } from './dir-stamps.js';
import { readIndexPaths } from './index-paths.js';
import { native } from './native.js';
import { entriesOf, isArticleName, type Skipped, walkTree } from './scan.js';

export function statAll(prefix: string, paths: readonly string[], stat: typeof statSync = statSync): Float64Array {
  const out = new Float64Array(paths.length * 3);
  if (native && paths.length > 0 && (stat === statSync || stat === lstatSync) && !paths.includes('')) {
    native.statJoined(prefix, Buffer.from(paths.join('\0')), out, stat === statSync);
    restatFailed(out, prefix, (i) => paths[i]!, stat);
  } else statRange(out, prefix, paths, 0, paths.length, stat);
  return out;
}

/** Stat paths[from, to) into `out` (three numbers a file, at the path's own place). */
function statRange(out: Float64Array, prefix: string, paths: readonly string[], from: number, to: number, stat: typeof statSync): void {
  for (let i = from; i < to; i++) statInto(out, i, prefix + paths[i], stat);
}

function statInto(out: Float64Array, i: number, path: string, stat: typeof statSync): void {
  const st = stat(path, { throwIfNoEntry: false });
  if (st) {
    out[i * 3] = st.size;
    out[i * 3 + 1] = st.mtimeMs;
    out[i * 3 + 2] = st.ctimeMs;
  } else out.fill(-1, i * 3, i * 3 + 3);
}

/**
 * The native stat gives NaN where the system call failed other than by the file not being
 * there (a folder that may not be searched, say): stat those again here, so that the run
 * meets Node's own error for them, as it would without the native helper.
 */
function restatFailed(out: Float64Array, prefix: string, pathAt: (i: number) => string, stat: typeof statSync): void {
  for (let i = 0; i < out.length; i += 3) if (Number.isNaN(out[i])) statInto(out, i / 3, prefix + pathAt(i / 3), stat);
}

/** A share of the scan: a folder to walk, or a run of files (paths from the articles folder). */
export type Unit = { folder: string } | { files: string[] };

export interface UnitResult {
  /** The unit's article paths in scan order, NUL between them (one string is cheap to pass between threads). */
  joined: string;
  count: number;
  stamps: Float64Array;
  /** A symbolic link was met: the caller must scan the plain way, which follows links. */
  links: boolean;
  skipped: Skipped[];
  /** The folders listed, with their stamps. */
  dirs: DirStamps;
}

/** List and stat one unit, exactly as scanArticles would list it (no links followed). */
export function scanUnit(root: string, unit: Unit): UnitResult {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  let links = false;
  const dirs = newDirStamps();
  if ('folder' in unit) {
    const visit = { file: (rel: string) => files.push(rel), link: () => (links = true), entered: (abs: string, rel: string) => stampDir(dirs, abs, rel) };
    walkTree(`${root}/${unit.folder}`, unit.folder, `${root}/${unit.folder}`, visit, skipped);
  } else files.push(...unit.files);
  // Every path here came from a folder listing as a plain file, so lstat gives what stat would.
  return { joined: files.join('\0'), count: files.length, stamps: statAll(`${root}/`, files, lstatSync), links, skipped, dirs };
}

/** Take units from the shared counter until none is left. */
export function drainUnits(root: string, units: readonly Unit[], counter: Int32Array, done: Map<number, UnitResult>): Map<number, UnitResult> {
  for (let i = Atomics.add(counter, 0, 1); i < units.length; i = Atomics.add(counter, 0, 1)) done.set(i, scanUnit(root, units[i]!));
  return done;
}

const FILES_A_SHARE = 500;

/**
 * The files an index names, to stat on every thread: each reads the paths itself (a worker
 * from the index file, while the main thread reads the whole index), and they take chunks
 * of them from one counter, writing the stamps into one shared array.
 */
export interface KnownJob {
  root: string;
  indexFile: string;
  /** The index the paths must come from (its id), and how many there are. */
  id: string;
  count: number;
  counter: Int32Array;
  out: Float64Array;
}

/** How many known files a thread stats at a turn. */
const KNOWN_CHUNK = 2000;

/**
 * Take chunks of the known files (`joined`, NUL between them; as text, or as the UTF-8 bytes
 * the index stores) from the counter and stat them into `out`.
 */
export function statChunks(job: KnownJob, joined: string | Buffer): void {
  const prefix = `${job.root}/`;
  // Every path came from a folder listing (no links in a scan that keeps folder stamps): lstat, as scanUnit does.
  if (native && joined.length > 0) {
    try {
      native.statJoined(prefix, typeof joined === 'string' ? Buffer.from(joined) : joined, job.out, false, job.counter, KNOWN_CHUNK);
    } catch (e) {
      // Paths from another index (it was written again meanwhile) must not take a chunk: the
      // helper refuses, before taking one, paths that do not fill `out` exactly. (By name:
      // the helper's errors come from Node's own realm, which a test runner's is not.)
      if ((e as Error).name !== 'RangeError') throw e;
    }
    return;
  }
  const text = typeof joined === 'string' ? joined : joined.toString('utf8');
  const paths = text === '' ? [] : text.split('\0');
  if (paths.length !== job.count) return;
  for (;;) {
    const start = Atomics.add(job.counter, 0, 1) * KNOWN_CHUNK;
    if (start >= paths.length) return;
    statRange(job.out, prefix, paths, start, Math.min(paths.length, start + KNOWN_CHUNK), lstatSync);
  }
}

/** A worker's part of a KnownJob: the paths read from the index file, if it is the index meant. */
export function statKnownInWorker(job: KnownJob): void {
  const found = readIndexPaths(job.indexFile);
  if (found?.id === job.id && found.count === job.count) statChunks(job, found.bytes);
}

/**
 * The scan cut into shares, in scan order: each top-level folder (or, when there are few,
 * each folder below them), and runs of up to 500 files. Undefined when a link or an
 * unreadable folder or a name that is not UTF-8 needs the plain scan.
 */
function shares(root: string, dirs: DirStamps): Unit[] | undefined {
  const units: Unit[] = [];
  const add = (prefix: string, expand: boolean): boolean => {
    const noted: Skipped[] = [];
    const abs = prefix ? `${root}/${prefix.slice(0, -1)}` : root;
    stampDir(dirs, abs, prefix.slice(0, -1));
    const entries = entriesOf(abs, prefix, noted);
    // Anything to report (a name that is not UTF-8) is the plain scan's to report.
    if (!entries || noted.length) return false;
    let run: string[] = [];
    const endRun = () => {
      if (run.length) units.push({ files: run });
      run = [];
    };
    for (const e of entries) {
      if (e.isSymbolicLink()) return false;
      if (e.isDirectory()) {
        endRun();
        if (!expand) units.push({ folder: prefix + e.name });
        else if (!add(`${prefix}${e.name}/`, false)) return false;
      } else {
        // Pipes and devices too, as scanArticles takes them: reading refuses them.
        if (isArticleName(e.name)) run.push(prefix + e.name);
        if (run.length === FILES_A_SHARE) endRun();
      }
    }
    endRun();
    return true;
  };
  if (!add('', false)) return undefined;
  // A few large folders (years, say) share badly between threads: take the level below.
  if (units.filter((u) => 'folder' in u).length < 32) {
    units.length = 0;
    dirs.rels.length = dirs.stamps.length = 0;
    if (!add('', true)) return undefined;
  }
  return units;
}

export interface ScanStat {
  /** Every article path in scan order, NUL between them. */
  joined: string;
  count: number;
  stamps: Float64Array;
  /** Every folder listed, with its stamp. */
  dirs: DirStamps;
}

/** Worker threads started ahead of time, so that they boot while the process starts up. */
export interface ScanPool {
  /**
   * Find and stat every article file, in scan order. Undefined when a symbolic link makes the
   * plain scan necessary. The work is handed out before this returns, so the caller can do
   * other work on its own thread meanwhile, then `help`.
   */
  scanStat(root: string): Promise<ScanStat | undefined>;
  /**
   * Stat the files the index with this id names (when no folder changed), before the index
   * is read here: the workers read its paths themselves. `help(joined)` takes this thread's
   * share once it has the paths; the stamps come when every thread is done.
   */
  statKnown(root: string, indexFile: string, id: string, count: number): { help(joined: string | Buffer): void; stamps: Promise<Float64Array> };
  /** Take this thread's share of the work handed out by scanStat (returns when none is left). */
  help(): void;
  close(): void;
}

function startStatWorkers(): Worker[] | undefined {
  // The main thread works too (after reading the index), so one worker fewer than cores.
  const threads = Math.min(availableParallelism(), 4) - 1;
  // Workers run the compiled JavaScript; under ts-jest (src/*.ts) everything stays on one thread.
  if (!import.meta.url.endsWith('.js') || threads < 1) return undefined;
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./stat-worker.js', import.meta.url)));
  // Idle workers must not keep the process alive if the work never comes (an error, say).
  for (const w of workers) w.unref();
  return workers;
}

let prestarted: Worker[] | undefined;

/**
 * Start the stat workers with the process, for a command that reads the archive: a worker
 * takes a tenth of a second to boot, which it then spends while the main thread loads the
 * command's modules and configuration, not while the files wait to be stat-ed.
 */
export function prestartStatWorkers(): void {
  prestarted ??= startStatWorkers();
}

/** Stop workers started ahead that turned out not to be needed (a small archive, no index). */
export function dropStatWorkers(): void {
  for (const w of prestarted ?? []) void w.terminate();
  prestarted = undefined;
}

export function scanPool(): ScanPool | undefined {
  const workers = prestarted ?? startStatWorkers();
  prestarted = undefined;
  if (!workers) return undefined;
  const close = () => {
    for (const w of workers) void w.terminate();
  };
  let help = () => {};
  return {
    close,
    help: () => help(),
    statKnown(root, indexFile, id, count) {
      const counter = new Int32Array(new SharedArrayBuffer(4));
      const out = new Float64Array(new SharedArrayBuffer(count * 3 * 8));
      const job: KnownJob = { root, indexFile, id, count, counter, out };
      const replies = workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.once('message', () => {
              void worker.terminate();
              resolve();
            });
            worker.once('error', reject);
            worker.ref();
            worker.postMessage({ known: job });
          }),
      );
      let joinedPaths: string | Buffer | undefined;
      const help = (joined: string | Buffer) => {
        joinedPaths = joined;
        statChunks(job, joined);
      };
      const stamps = Promise.all(replies).then(() => {
        // The files the native helper could not stat (rare): the paths are split only if there are any.
        if (joinedPaths !== undefined && out.some(Number.isNaN)) {
          const paths = joinedPaths.toString().split('\0');
          restatFailed(out, `${root}/`, (i) => paths[i]!, lstatSync);
        }
        return out;
      });
      return { help, stamps };
    },
    scanStat(root) {
      const dirs = newDirStamps();
      const units = shares(root, dirs);
      if (!units) {
        close();
        return Promise.resolve(undefined);
      }
      const counter = new Int32Array(new SharedArrayBuffer(4));
      const mine = new Map<number, UnitResult>();
      help = () => drainUnits(root, units, counter, mine);
      const replies = workers.map(
        (worker) =>
          new Promise<Map<number, UnitResult>>((resolve, reject) => {
            worker.once('message', (done: Map<number, UnitResult>) => {
              void worker.terminate();
              resolve(done);
            });
            worker.once('error', reject);
            worker.ref();
            worker.postMessage({ root, units, counter });
          }),
      );
      return Promise.all(replies).then((parts) => {
        // Whatever is left (this thread may not have helped) is done here.
        drainUnits(root, units, counter, mine);
        parts.push(mine);
        const results = units.map((_, i) => parts.find((p) => p.has(i))?.get(i));
        if (results.some((r) => !r || r.links || r.skipped.length)) return undefined;
        let count = 0;
        for (const r of results) count += r!.count;
        const stamps = new Float64Array(count * 3);
        let at = 0;
        for (const r of results) {
          stamps.set(r!.stamps, at);
          at += r!.stamps.length;
        }
        const joined = results
          .filter((r) => r!.count > 0)
          .map((r) => r!.joined)
          .join('\0');
        return { joined, count, stamps, dirs: joinDirStamps([dirs, ...results.map((r) => r!.dirs)]) };
      });
    },
  };
}
