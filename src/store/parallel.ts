// Share the per-file work of a large archive between the main thread and worker threads,
// one a spare core. The files are cut into chunks that every thread takes from one shared
// counter, so a thread that starts late or meets slower files simply takes fewer chunks.
// Small archives (and machines with one core) stay on the main thread: a worker costs tens
// of milliseconds to start.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CoreContext } from '../core/context.js';
import type { TagInfo } from '../core/tags.js';
import { trace } from '../ui/trace.js';

/** The tasks a worker knows, by the module that holds each (loaded only where it runs). */
export const TASKS: Record<string, { module: string; fn: string; pack?: string }> = {
  // packRows turns a chunk's rows into a few arrays that cross to the main thread cheaply.
  'index-rows': { module: './index-rows.js', fn: 'indexRows', pack: 'packRows' },
  'check-files': { module: './check-files.js', fn: 'checkFiles' },
  'check-rows': { module: './check-files.js', fn: 'checkRows', pack: 'packCheckRows' },
};
export type TaskName = 'index-rows' | 'check-files' | 'check-rows';

export type FileTask<T> = (root: string, paths: readonly string[], ctx: CoreContext) => T[];

/** What a worker needs: the task, the shared chunk counter, and the core context's parts. */
export interface WorkerInput {
  task: TaskName;
  root: string;
  paths: string[];
  counter: Int32Array;
  chunk: number;
  tags: TagInfo[];
  today: string;
}

const MIN_FILES_FOR_WORKERS = 4000;
const CHUNK = 500;

/** Take chunks from the counter until none is left; results keyed by chunk number. */
export function drain<T>(
  input: Pick<WorkerInput, 'root' | 'paths' | 'counter' | 'chunk'>,
  fn: FileTask<T>,
  ctx: CoreContext,
  onChunk?: (taken: number) => void,
  /** Where each chunk's results go; by default they are kept and returned. */
  sink?: (chunk: number, results: T[]) => void,
): Map<number, T[]> {
  const done = new Map<number, T[]>();
  for (;;) {
    const c = Atomics.add(input.counter, 0, 1);
    const start = c * input.chunk;
    if (start >= input.paths.length) return done;
    const results = fn(input.root, input.paths.slice(start, start + input.chunk), ctx);
    if (sink) sink(c, results);
    else done.set(c, results);
    onChunk?.(Math.min(Atomics.load(input.counter, 0) * input.chunk, input.paths.length));
  }
}

/**
 * Worker threads for one task, started ahead of the work: each loads its modules while the
 * caller is still finding the files, then waits for them.
 */
export class TaskPool {
  private readonly workers: Worker[];

  constructor(task: TaskName, size: number) {
    this.workers = Array.from({ length: size }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: { task } }));
    // Idle workers must not keep the process alive if the work never comes (an error, say).
    for (const w of this.workers) w.unref();
  }

  /** Hand every worker the same input; each replies with the chunks it took. */
  run<P>(input: WorkerInput): Promise<Map<number, P>>[] {
    return this.workers.map(
      (worker) =>
        new Promise((resolve, reject) => {
          // Chunks may come one by one ({chunk, packed}); the reply that ends the work is a Map.
          const got = new Map<number, P>();
          worker.on('message', (m: Map<number, P> | { chunk: number; packed: P }) => {
            if (!(m instanceof Map)) got.set(m.chunk, m.packed);
            else resolve(got.size ? got : m);
          });
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`a worker thread stopped with code ${code}`)));
          worker.ref();
          worker.postMessage(input);
        }),
    );
  }

  /** Let the process end without the workers (when it turned out there was little to do). */
  close(): void {
    for (const w of this.workers) void w.terminate();
  }
}

const compiled = import.meta.url.endsWith('.js');
const threads = () => Math.min(availableParallelism(), 4);

/** Workers for `task`, one for each spare core; none under ts-jest (which runs src/*.ts) or on one core. */
export function startTaskPool(task: TaskName): TaskPool | undefined {
  return compiled && threads() >= 2 ? new TaskPool(task, threads() - 1) : undefined;
}

export interface RunOptions<T> {
  onProgress?: (done: number, total: number) => void;
  /** Workers started earlier for this task; they are used (or closed) here. */
  pool?: TaskPool;
  /** Turns what a worker's pack function made of a chunk back into results. */
  unpack?: (packed: never) => T[];
}

/**
 * Run a task over every path, results in the order of `paths`. `fn` is the task's function;
 * `onProgress` hears how many files have been taken so far (from the main thread's turns).
 */
export async function runTask<T>(task: TaskName, fn: FileTask<T>, root: string, paths: string[], ctx: CoreContext, options: RunOptions<T> = {}): Promise<T[]> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const { onProgress, unpack } = options;
  const report = onProgress && ((taken: number) => onProgress(taken, paths.length));
  const pool = paths.length < MIN_FILES_FOR_WORKERS ? undefined : (options.pool ?? startTaskPool(task));
  if (!pool) {
    options.pool?.close();
    // One thread, still in chunks so that progress can be shown.
    const parts = drain({ root, paths, counter, chunk: CHUNK }, fn, ctx, report);
    return [...parts.keys()].sort((a, b) => a - b).flatMap((c) => parts.get(c)!);
  }
  const input = { root, paths, counter, chunk: CHUNK };
  const workers = pool.run<unknown>({ ...input, task, tags: [...ctx.tags.tags], today: ctx.today });
  // The main thread works too, from the first chunk, while the workers start up.
  const mine = drain(input, fn, ctx, report);
  trace('main thread drained');
  const theirs = (await Promise.all(workers)).map((part) => new Map([...part].map(([c, data]) => [c, unpack ? unpack(data as never) : (data as T[])])));
  trace('worker results received');
  const parts = [mine, ...theirs];
  const out: T[] = [];
  const chunks = Math.ceil(paths.length / CHUNK);
  for (let c = 0; c < chunks; c++) {
    const part = parts.find((p) => p.has(c));
    if (!part) throw new Error(`chunk ${c} of the files was never read`);
    for (const item of part.get(c)!) out.push(item);
  }
  return out;
}
