// The size, modification time and change time of many files, as one Float64Array (three
// numbers a file; -1 for a file that is gone). Checking 100,000 files against the index is
// mostly finding and stat-ing them, so for a large archive worker threads do both: each
// takes top-level folders of the archive (years, pages) from a shared counter, lists them
// and stats their files, while the main thread reads the index.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { entriesOf, isArticleName, type Skipped, walkTree } from './scan.js';

export function statAll(prefix: string, paths: readonly string[]): Float64Array {
  const out = new Float64Array(paths.length * 3);
  for (let i = 0; i < paths.length; i++) {
    const st = statSync(prefix + paths[i], { throwIfNoEntry: false });
    if (st) {
      out[i * 3] = st.size;
      out[i * 3 + 1] = st.mtimeMs;
      out[i * 3 + 2] = st.ctimeMs;
    } else out.fill(-1, i * 3, i * 3 + 3);
  }
  return out;
}

/** One top-level entry of the archive: a folder to walk, or a file. */
export interface Unit {
  name: string;
  folder: boolean;
}

export interface UnitResult {
  files: string[];
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
  if (unit.folder) {
    walkTree(`${root}/${unit.name}`, unit.name, `${root}/${unit.name}`, { file: (rel) => files.push(rel), link: () => (links = true) }, skipped);
  } else files.push(unit.name);
  return { files, stamps: statAll(`${root}/`, files), links, skipped };
}

export interface ScanStat {
  files: string[];
  stamps: Float64Array;
}

/** Worker threads started ahead of time, so that they boot while the process starts up. */
export interface ScanPool {
  /**
   * Find and stat every article file, in scan order. Undefined when a symbolic link makes the
   * plain scan necessary. The work is handed out before this returns, so the caller can do
   * other work on its own thread meanwhile.
   */
  scanStat(root: string): Promise<ScanStat | undefined>;
  close(): void;
}

export function scanPool(): ScanPool | undefined {
  const threads = Math.min(availableParallelism(), 4);
  // Workers run the compiled JavaScript; under ts-jest (src/*.ts) everything stays on one thread.
  if (!import.meta.url.endsWith('.js') || threads < 2) return undefined;
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./stat-worker.js', import.meta.url)));
  const close = () => {
    for (const w of workers) void w.terminate();
  };
  return {
    close,
    scanStat(root) {
      const top = entriesOf(root, '', []);
      if (!top || top.some((e) => e.isSymbolicLink())) {
        close();
        return Promise.resolve(undefined);
      }
      const units: Unit[] = top
        .filter((e) => e.isDirectory() || (e.isFile() && isArticleName(e.name)))
        .map((e) => ({ name: e.name, folder: e.isDirectory() }));
      const counter = new Int32Array(new SharedArrayBuffer(4));
      const replies = workers.map(
        (worker) =>
          new Promise<Map<number, UnitResult>>((resolve, reject) => {
            worker.once('message', (done: Map<number, UnitResult>) => {
              void worker.terminate();
              resolve(done);
            });
            worker.once('error', reject);
            worker.postMessage({ root, units, counter });
          }),
      );
      return Promise.all(replies).then((parts) => {
        const results = units.map((_, i) => parts.find((p) => p.has(i))?.get(i));
        if (results.some((r) => !r || r.links || r.skipped.length)) return undefined;
        const files = results.flatMap((r) => r!.files);
        const stamps = new Float64Array(files.length * 3);
        let at = 0;
        for (const r of results) {
          stamps.set(r!.stamps, at);
          at += r!.stamps.length;
        }
        return { files, stamps };
      });
    },
  };
}
