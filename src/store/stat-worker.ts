// A worker thread that lists and stats top-level parts of the archive, taking them from a
// shared counter until none is left (see stat.ts). It imports little, so it is ready fast.
import { parentPort } from 'node:worker_threads';
import { scanUnit, type Unit, type UnitResult } from './stat.js';

parentPort!.once('message', ({ root, units, counter }: { root: string; units: Unit[]; counter: Int32Array }) => {
  const done = new Map<number, UnitResult>();
  for (let i = Atomics.add(counter, 0, 1); i < units.length; i = Atomics.add(counter, 0, 1)) done.set(i, scanUnit(root, units[i]!));
  parentPort!.postMessage(done);
});
