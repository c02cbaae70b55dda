// A worker thread for one task: load the task's module and the core data at once, then wait
// for the files, take chunks of them from the shared counter until none is left (see
// parallel.ts), and hand the results back (packed, where the task says how).
import { parentPort, workerData } from 'node:worker_threads';
import { Gazetteer } from '../core/gazetteer.js';
import { TagVocabulary } from '../core/tags.js';
import { loadGazetteerData } from '../data.js';
import { trace } from '../ui/trace.js';
import { drain, type FileTask, TASKS, type TaskName, type WorkerInput } from './parallel.js';

const { module, fn, pack } = TASKS[(workerData as { task: TaskName }).task]!;
const loaded = (await import(module)) as Record<string, unknown>;
const task = loaded[fn] as FileTask<unknown>;
const packer = pack ? (loaded[pack] as (chunk: unknown[]) => { packed: unknown; transfer: ArrayBuffer[] }) : undefined;
const gazetteer = new Gazetteer(loadGazetteerData());
trace('worker ready');

parentPort!.once('message', (input: WorkerInput) => {
  const ctx = { gazetteer, tags: new TagVocabulary(input.tags), today: input.today };
  if (!packer) {
    parentPort!.postMessage(drain(input, task, ctx));
    return;
  }
  // Each chunk is packed and sent as soon as it is made: nothing piles up here, and little
  // is left to do at the end.
  drain(input, task, ctx, undefined, (chunk, rows) => {
    const p = packer(rows);
    parentPort!.postMessage({ chunk, packed: p.packed }, p.transfer);
  });
  trace('worker done');
  parentPort!.postMessage(new Map());
});
