// A worker thread: rebuild the core context, load the task's module, take chunks of the files
// from the shared counter until none is left (see parallel.ts), and hand the results back.
import { parentPort, workerData } from 'node:worker_threads';
import { Gazetteer } from '../core/gazetteer.js';
import { TagVocabulary } from '../core/tags.js';
import { loadGazetteerData } from '../data.js';
import { drain, type FileTask, TASKS, type WorkerInput } from './parallel.js';

const input = workerData as WorkerInput;
const ctx = { gazetteer: new Gazetteer(loadGazetteerData()), tags: new TagVocabulary(input.tags), today: input.today };
const { module, fn } = TASKS[input.task];
const task = (await import(module))[fn] as FileTask<unknown>;
parentPort!.postMessage(drain(input, task, ctx));
