/**
 * A worker thread of a folder run (pool.ts): lints the chunks it is given with one LintJob (one project,
 * one cache) and posts each file's outcome as soon as it is known.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { excerptLines, sparseText } from './cache.js';
import { LintJob, type FileOutcome, type JobOptions } from './lint-job.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

const port = parentPort;
if (!port) throw new Error('lint-worker.js runs as a worker thread');
const job = new LintJob(workerData as JobOptions);
const post = (reply: WorkerReply): void => port.postMessage(reply.type === 'outcome' ? { ...reply, outcome: slim(reply.outcome) } : reply);

/**
 * The outcome as the main thread needs it: the formatters show only the lines findings start on, as
 * they do for a result from the cache, so only those lines of the report are copied to it.
 */
function slim(outcome: FileOutcome): FileOutcome {
  const result = outcome.result;
  if (!result) return outcome;
  return { ...outcome, result: { ...result, text: sparseText(excerptLines(result.text, result.diagnostics)) } };
}

// One chunk at a time: the pool sends the next only when this one is done.
port.on('message', (request: WorkerRequest) => {
  job
    .runChunk(request.files, (outcome) => post({ type: 'outcome', outcome }))
    .then(() => post({ type: 'done', chunk: request.chunk }))
    .catch((error: unknown) => post({ type: 'failed', reason: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
