/**
 * A worker thread of a folder run (pool.ts): lints the chunks it is given with one LintJob (one project,
 * one cache) and posts each file's outcome as soon as it is known.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LintJob, type JobOptions } from './lint-job.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

const port = parentPort;
if (!port) throw new Error('lint-worker.js runs as a worker thread');
const job = new LintJob(workerData as JobOptions);
const post = (reply: WorkerReply): void => port.postMessage(reply);

// One chunk at a time: the pool sends the next only when this one is done.
port.on('message', (request: WorkerRequest) => {
  job
    .runChunk(request.files, (outcome) => post({ type: 'outcome', outcome }))
    .then(() => post({ type: 'done', chunk: request.chunk }))
    .catch((error: unknown) => post({ type: 'failed', reason: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
