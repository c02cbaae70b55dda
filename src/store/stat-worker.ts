// A worker thread that stats its share of the files (see stat.ts). It imports nothing else,
// so it is ready in a few milliseconds.
import { parentPort } from 'node:worker_threads';
import { statAll } from './stat.js';

parentPort!.once('message', ({ prefix, paths }: { prefix: string; paths: string[] }) => {
  const result = statAll(prefix, paths);
  parentPort!.postMessage(result, [result.buffer as ArrayBuffer]);
});
