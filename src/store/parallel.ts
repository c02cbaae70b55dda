// Share the per-file work of a large archive between the main thread and worker threads,
// one a spare core. The files are cut into chunks that every thread takes from one shared
// counter, so a thread that starts late or meets slower files simply takes fewer chunks.
// Small archives (and machines with one core) stay on the main thread: a worker costs tens
// of milliseconds to start.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CoreContext } from '../core/context.js';
import type { TagInfo } from '../core/tags.js';

/** The tasks a worker knows, by the module that holds each (loaded only where it runs). */
export const TASKS = {
  'index-rows': { module: './index-rows.js', fn: 'indexRows' },
  'check-files': { module: './check-files.js', fn: 'checkFiles' },
} as const;
export type TaskName = keyof typeof TASKS;

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
): Map<number, T[]> {
  const done = new Map<number, T[]>();
  for (;;) {
    const c = Atomics.add(input.counter, 0, 1);
    const start = c * input.chunk;
    if (start >= input.paths.length) return done;
    done.set(c, fn(input.root, input.paths.slice(start, start + input.chunk), ctx));
    onChunk?.(Math.min(Atomics.load(input.counter, 0) * input.chunk, input.paths.length));
  }
}

function inWorker<T>(input: WorkerInput): Promise<Map<number, T[]>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: input });
    worker.once('message', (result: Map<number, T[]>) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`a worker thread stopped with code ${code}`)));
  });
}

/**
 * Run a task over every path, results in the order of `paths`. `fn` is the task's function;
 * `onProgress` hears how many files have been taken so far (from the main thread's turns).
 */
export async function runTask<T>(
  task: TaskName,
  fn: FileTask<T>,
  root: string,
  paths: string[],
  ctx: CoreContext,
  onProgress?: (done: number, total: number) => void,
): Promise<T[]> {
  // Workers run the compiled JavaScript; under ts-jest (src/*.ts) everything stays local.
  const compiled = import.meta.url.endsWith('.js');
  const threads = Math.min(availableParallelism(), 4);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const report = onProgress && ((taken: number) => onProgress(taken, paths.length));
  if (!compiled || threads < 2 || paths.length < MIN_FILES_FOR_WORKERS) {
    // One thread, still in chunks so that progress can be shown.
    const parts = drain({ root, paths, counter, chunk: CHUNK }, fn, ctx, report);
    return [...parts.keys()].sort((a, b) => a - b).flatMap((c) => parts.get(c)!);
  }
  const input = { root, paths, counter, chunk: CHUNK };
  const workers: Promise<Map<number, T[]>>[] = [];
  for (let i = 1; i < threads; i++) workers.push(inWorker<T>({ ...input, task, tags: [...ctx.tags.tags], today: ctx.today }));
  // The main thread works too, from the first chunk, while the workers start up.
  const parts = [drain(input, fn, ctx, report), ...(await Promise.all(workers))];
  const out: T[] = [];
  const chunks = Math.ceil(paths.length / CHUNK);
  for (let c = 0; c < chunks; c++) {
    const part = parts.find((p) => p.has(c));
    if (!part) throw new Error(`chunk ${c} of the files was never read`);
    out.push(...part.get(c)!);
  }
  return out;
}
