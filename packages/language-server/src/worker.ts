/**
 * The lint worker's entry (a worker thread of the server, started by lint-pool.ts): runs one job at a
 * time and posts the result. The server's thread never parses or lints, so a slow document holds up
 * only this worker.
 */
import { parentPort } from 'node:worker_threads';
import { LintJobs } from './lint-job.js';
import type { FromWorker, ToWorker } from './lint-pool.js';

const port = parentPort;
if (!port) throw new Error('nianbao: worker.js is the language server’s lint worker; it runs inside the server.');

const jobs = new LintJobs();
const post = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'control') {
    if (message.control === 'clearConfigs') jobs.clearConfigs();
    else jobs.clearPrevious();
    return;
  }
  if (message.type === 'warmUp') {
    // A failed warm-up only means the first real job is slower.
    void jobs.warmUp().catch(() => undefined).finally(() => post({ type: 'warmed' }));
    return;
  }
  jobs.run(message.job).then(
    (result) => post({ type: 'done', id: message.id, result }),
    (error: unknown) => post({ type: 'failed', id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
post({ type: 'ready' });
