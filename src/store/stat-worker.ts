// A worker thread that lists and stats top-level parts of the archive, taking them from a
// shared counter until none is left (see stat.ts). It imports little, so it is ready fast.
import { parentPort } from 'node:worker_threads';
import { drainUnits, type KnownJob, statChunks, type Unit, type UnitResult } from './stat.js';
import { trace } from '../ui/trace.js';

trace('stat worker ready');

parentPort!.once('message', ({ root, units, counter, known }: { root: string; units: Unit[]; counter: Int32Array; known?: KnownJob }) => {
  if (known) {
    statChunks(known);
    trace('stat worker done');
    parentPort!.postMessage(true);
    return;
  }
  const done = drainUnits(root, units, counter, new Map<number, UnitResult>());
  trace('stat worker done');
  parentPort!.postMessage(done);
});
