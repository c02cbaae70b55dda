// The bodies the search index takes in, read chunk by chunk: for many files on worker
// threads (one a spare core), so that the main thread only feeds SQLite, which is the
// slow part of a build. Workers read at most WINDOW chunks ahead of what the main thread
// has taken, so the text waiting in memory stays a few megabytes however large the archive.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { trace } from '../ui/trace.js';
import { readBody } from './body.js';

export interface BodyChunk {
  /** Where the chunk starts in the list of paths given. */
  start: number;
  bodies: string[];
}

/** What a worker is handed (search-worker.ts). */
export interface ReaderInput {
  root: string;
  paths: readonly string[];
  /** [chunks taken by the workers, chunks taken by the main thread]. */
  counter: Int32Array;
  chunk: number;
  window: number;
}

const CHUNK = 200;
const WINDOW = 8;
/** Below this, starting a worker (tens of milliseconds) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 2000;

/** An article's body as the index takes it: NFC, so that an accent written as a separate mark folds like a composed one. */
export function bodyText(root: string, path: string): string {
  return readBody(root, path).normalize('NFC');
}

function* readHere(root: string, paths: readonly string[]): Generator<BodyChunk> {
  for (let start = 0; start < paths.length; start += CHUNK) yield { start, bodies: paths.slice(start, start + CHUNK).map((p) => bodyText(root, p)) };
}

// Workers run compiled code only: under ts-jest (src/*.ts) the main thread reads.
const compiled = import.meta.url.endsWith('.js');

/** The bodies of `paths` in chunks, in no set order. */
export async function* readBodies(root: string, paths: readonly string[]): AsyncGenerator<BodyChunk> {
  const size = Math.min(availableParallelism() - 1, 3);
  if (!compiled || size < 1 || paths.length < MIN_FILES_FOR_WORKERS) {
    yield* readHere(root, paths);
    return;
  }
  const input: ReaderInput = { root, paths, counter: new Int32Array(new SharedArrayBuffer(8)), chunk: CHUNK, window: WINDOW };
  const chunks = Math.ceil(paths.length / CHUNK);
  const queue: BodyChunk[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  let ended = 0;
  const workers = Array.from({ length: size }, () => new Worker(new URL('./search-worker.js', import.meta.url), { workerData: input }));
  trace(`search index: reading on ${size} worker thread(s)`);
  for (const worker of workers) {
    worker.on('message', (m: BodyChunk) => {
      queue.push(m);
      wake?.();
    });
    worker.once('error', (e) => {
      failure ??= e;
      wake?.();
    });
    worker.once('exit', (code) => {
      ended++;
      if (code !== 0) failure ??= new Error(`a worker thread stopped with code ${code}`);
      wake?.();
    });
  }
  try {
    for (let got = 0; got < chunks; ) {
      if (failure) throw failure;
      const next = queue.shift();
      if (!next) {
        if (ended === size) throw new Error('the worker threads ended before every file was read');
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      yield next;
      got++;
      // The chunk is in: the workers may read one more.
      Atomics.add(input.counter, 1, 1);
      Atomics.notify(input.counter, 1);
    }
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
