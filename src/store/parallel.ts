// Share the per-file work of a large archive between the main thread and worker threads,
// one a spare core. Small archives (and machines with one core) stay on the main thread:
// a worker costs tens of milliseconds to start.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CoreContext } from '../core/context.js';
import type { TagInfo } from '../core/tags.js';
import { checkFiles, type CheckedFile, indexRows } from './tasks.js';
import type { RowData } from './index-file.js';

export type TaskName = 'index-rows' | 'check-files';
type Output<T extends TaskName> = T extends 'index-rows' ? RowData : CheckedFile;

/** What a worker needs to rebuild the core context (the gazetteer it loads itself). */
export interface WorkerInput {
  task: TaskName;
  root: string;
  paths: string[];
  tags: TagInfo[];
  today: string;
}

const MIN_FILES_FOR_WORKERS = 4000;

export function runLocal<T extends TaskName>(task: T, root: string, paths: readonly string[], ctx: CoreContext): Output<T>[] {
  return (task === 'index-rows' ? indexRows(root, paths, ctx) : checkFiles(root, paths, ctx)) as Output<T>[];
}

function inWorker<T extends TaskName>(input: WorkerInput): Promise<Output<T>[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: input });
    worker.once('message', (result: Output<T>[]) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`a worker thread stopped with code ${code}`)));
  });
}

/** Run a task over every path, results in the order of `paths`. */
export async function runTask<T extends TaskName>(task: T, root: string, paths: readonly string[], ctx: CoreContext): Promise<Output<T>[]> {
  // Workers run the compiled JavaScript; under ts-jest (src/*.ts) everything stays local.
  const compiled = import.meta.url.endsWith('.js');
  const threads = Math.min(availableParallelism(), 4);
  if (!compiled || threads < 2 || paths.length < MIN_FILES_FOR_WORKERS) return runLocal(task, root, paths, ctx);
  // The main thread takes the first share and starts on it while the workers start up.
  const share = Math.ceil(paths.length / threads);
  const pending: Promise<Output<T>[]>[] = [];
  for (let start = share; start < paths.length; start += share) {
    pending.push(inWorker<T>({ task, root, paths: paths.slice(start, start + share), tags: [...ctx.tags.tags], today: ctx.today }));
  }
  const mine = runLocal(task, root, paths.slice(0, share), ctx);
  const theirs = await Promise.all(pending);
  return mine.concat(...theirs);
}
