// The size, modification time and change time of many files, as one Float64Array (three
// numbers a file; -1 for a file that is gone). Checking 100,000 files against the index is
// mostly finding and stat-ing them, so for a large archive worker threads do both: each
// takes top-level folders of the archive (years, pages) from a shared counter, lists them
// and stats their files, while the main thread reads the index.
import { lstatSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { entriesOf, isArticleName, type Skipped, walkTree } from './scan.js';

export function statAll(prefix: string, paths: readonly string[], stat: typeof statSync = statSync): Float64Array {
  const out = new Float64Array(paths.length * 3);
  for (let i = 0; i < paths.length; i++) {
    const st = stat(prefix + paths[i], { throwIfNoEntry: false });
    if (st) {
      out[i * 3] = st.size;
      out[i * 3 + 1] = st.mtimeMs;
      out[i * 3 + 2] = st.ctimeMs;
    } else out.fill(-1, i * 3, i * 3 + 3);
  }
  return out;
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
}

/** List and stat one unit, exactly as scanArticles would list it (no links followed). */
export function scanUnit(root: string, unit: Unit): UnitResult {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  let links = false;
  if ('folder' in unit) {
    walkTree(`${root}/${unit.folder}`, unit.folder, `${root}/${unit.folder}`, { file: (rel) => files.push(rel), link: () => (links = true) }, skipped);
  } else files.push(...unit.files);
  // Every path here came from a folder listing as a plain file, so lstat gives what stat would.
  return { joined: files.join('\0'), count: files.length, stamps: statAll(`${root}/`, files, lstatSync), links, skipped };
}

/** Take units from the shared counter until none is left. */
export function drainUnits(root: string, units: readonly Unit[], counter: Int32Array, done: Map<number, UnitResult>): Map<number, UnitResult> {
  for (let i = Atomics.add(counter, 0, 1); i < units.length; i = Atomics.add(counter, 0, 1)) done.set(i, scanUnit(root, units[i]!));
  return done;
}

const FILES_A_SHARE = 500;

/**
 * The scan cut into shares, in scan order: each top-level folder (or, when there are few,
 * each folder below them), and runs of up to 500 files. Undefined when a link or an
 * unreadable folder or a name that is not UTF-8 needs the plain scan.
 */
function shares(root: string): Unit[] | undefined {
  const units: Unit[] = [];
  const add = (prefix: string, expand: boolean): boolean => {
    const noted: Skipped[] = [];
    const entries = entriesOf(prefix ? `${root}/${prefix.slice(0, -1)}` : root, prefix, noted);
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
    if (!add('', true)) return undefined;
  }
  return units;
}

export interface ScanStat {
  /** Every article path in scan order, NUL between them. */
  joined: string;
  count: number;
  stamps: Float64Array;
}

/** Worker threads started ahead of time, so that they boot while the process starts up. */
export interface ScanPool {
  /**
   * Find and stat every article file, in scan order. Undefined when a symbolic link makes the
   * plain scan necessary. The work is handed out before this returns, so the caller can do
   * other work on its own thread meanwhile, then `help`.
   */
  scanStat(root: string): Promise<ScanStat | undefined>;
  /** Take this thread's share of the work handed out by scanStat (returns when none is left). */
  help(): void;
  close(): void;
}

export function scanPool(): ScanPool | undefined {
  // The main thread works too (after reading the index), so one worker fewer than cores.
  const threads = Math.min(availableParallelism(), 4) - 1;
  // Workers run the compiled JavaScript; under ts-jest (src/*.ts) everything stays on one thread.
  if (!import.meta.url.endsWith('.js') || threads < 1) return undefined;
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./stat-worker.js', import.meta.url)));
  // Idle workers must not keep the process alive if the work never comes (an error, say).
  for (const w of workers) w.unref();
  const close = () => {
    for (const w of workers) void w.terminate();
  };
  let help = () => {};
  return {
    close,
    help: () => help(),
    scanStat(root) {
      const units = shares(root);
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
        return { joined, count, stamps };
      });
    },
  };
}
