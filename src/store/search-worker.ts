// A worker thread that reads bodies for the search index (see search-read.ts): it takes
// chunks from the shared counter, waits while it is WINDOW chunks ahead of the main
// thread, and sends each chunk as soon as it is read.
import { parentPort, workerData } from 'node:worker_threads';
import { bodyText, type ReaderInput } from './search-read.js';

const { root, paths, counter, chunk, window } = workerData as ReaderInput;
for (;;) {
  const c = Atomics.add(counter, 0, 1);
  const start = c * chunk;
  if (start >= paths.length) break;
  for (;;) {
    const taken = Atomics.load(counter, 1);
    if (c < taken + window) break;
    Atomics.wait(counter, 1, taken, 1000);
  }
  parentPort!.postMessage({ start, bodies: paths.slice(start, start + chunk).map((p) => bodyText(root, p)) });
}
