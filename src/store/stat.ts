// The size, modification time and change time of many files, as one Float64Array (three
// numbers a file; -1 for a file that is gone). Checking 100,000 files against the index is
// mostly these stat calls, so large lists are shared between worker threads.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

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

const MIN_FILES_FOR_WORKERS = 4000;

/** Stat workers started ahead of time, so that they boot while the folder is scanned. */
export interface StatPool {
  stat(prefix: string, paths: readonly string[]): Promise<Float64Array>;
  /** Stop the workers unused (no index to compare with). */
  close(): void;
}

export function statPool(): StatPool {
  const threads = Math.min(availableParallelism(), 4);
  // Workers run the compiled JavaScript; under ts-jest (src/*.ts) everything stays local.
  const usable = import.meta.url.endsWith('.js') && threads >= 2;
  let workers: Worker[] | undefined;
  const start = () => (workers ??= Array.from({ length: threads }, () => new Worker(new URL('./stat-worker.js', import.meta.url))));
  if (usable) start();
  const ask = (worker: Worker, prefix: string, paths: readonly string[]) =>
    new Promise<Float64Array>((resolve, reject) => {
      worker.once('message', (result: Float64Array) => {
        void worker.terminate();
        resolve(result);
      });
      worker.once('error', reject);
      worker.postMessage({ prefix, paths });
    });
  return {
    async stat(prefix, paths) {
      if (!usable || paths.length < MIN_FILES_FOR_WORKERS) {
        this.close();
        return statAll(prefix, paths);
      }
      const pool = start();
      const share = Math.ceil(paths.length / pool.length);
      const parts = await Promise.all(pool.map((w, i) => ask(w, prefix, paths.slice(i * share, (i + 1) * share))));
      const out = new Float64Array(paths.length * 3);
      let at = 0;
      for (const part of parts) {
        out.set(part, at);
        at += part.length;
      }
      return out;
    },
    close() {
      for (const w of workers ?? []) void w.terminate();
      workers = [];
    },
  };
}
