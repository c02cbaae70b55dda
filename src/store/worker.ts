// A worker thread: rebuild the core context, run one task over its share of the files,
// and hand the results back.
import { parentPort, workerData } from 'node:worker_threads';
import { Gazetteer } from '../core/gazetteer.js';
import { TagVocabulary } from '../core/tags.js';
import { loadGazetteerData } from '../data.js';
import { runLocal, type WorkerInput } from './parallel.js';

const input = workerData as WorkerInput;
const ctx = { gazetteer: new Gazetteer(loadGazetteerData()), tags: new TagVocabulary(input.tags), today: input.today };
parentPort!.postMessage(runLocal(input.task, input.root, input.paths, ctx));
