/**
 * The pool's scheduling, with fake workers the test answers by hand: which job goes to which worker,
 * and when a job waits. Real worker threads are exercised by test/lsp/robustness.test.ts.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { LintPool, type FromWorker, type ToWorker, type WorkerLike } from '../src/lint-pool.js';
import type { AnalyzeJob } from '../src/lint-job.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';

class FakeWorker extends EventEmitter implements WorkerLike {
  readonly sent: ToWorker[] = [];
  terminated = false;
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  async terminate(): Promise<number> {
    this.terminated = true;
    return 0;
  }
  /** The job this worker was given last and has not answered. */
  pending(): Extract<ToWorker, { type: 'job' }> | undefined {
    const jobs = this.sent.filter((m): m is Extract<ToWorker, { type: 'job' }> => m.type === 'job');
    return jobs.at(-1);
  }
  reply(message: FromWorker): void {
    this.emit('message', message);
  }
}

const job = (uri: string, version = 1): AnalyzeJob => ({ kind: 'analyze', uri, version, text: '', settings: DEFAULT_SETTINGS, folders: [] });
const done = (worker: FakeWorker): void => {
  const pending = worker.pending()!;
  worker.reply({ type: 'done', id: pending.id, result: { notices: [], skipped: pending.job.uri } });
};

function pool(options: { heavyMs?: number; killAfterMs?: number } = {}): { pool: LintPool; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  const spawn = (): FakeWorker => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  };
  const p = new LintPool({ spawn, keep: 2, max: 2, killAfterMs: options.killAfterMs ?? 0, heavyMs: options.heavyMs ?? 50, idleMs: 60_000, log: () => undefined });
  return { pool: p, workers };
}

/** Both kept workers started and ready; the second warms up first, and is told it is warm. */
function ready(workers: FakeWorker[]): void {
  for (const w of workers) w.reply({ type: 'ready' });
  for (const w of workers) if (w.sent.some((m) => m.type === 'warmUp')) w.reply({ type: 'warmed' });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('LintPool', () => {
  it('runs two documents at once on the two kept workers', async () => {
    const { pool: p, workers } = pool();
    ready(workers);
    const a = p.run(job('file:///a.txt'), 'a');
    const b = p.run(job('file:///b.txt'), 'b');
    expect(workers.map((w) => w.pending()?.job.uri)).toEqual(['file:///a.txt', 'file:///b.txt']);
    done(workers[0]!);
    done(workers[1]!);
    expect(await a.promise).toMatchObject({ skipped: 'file:///a.txt' });
    expect(await b.promise).toMatchObject({ skipped: 'file:///b.txt' });
    await p.close();
  });

  it('a cancelled job resolves undefined at once, and a running one past killAfterMs has its worker replaced', async () => {
    const { pool: p, workers } = pool({ killAfterMs: 0 });
    ready(workers);
    const a = p.run(job('file:///a.txt'), 'a');
    a.cancel();
    expect(await a.promise).toBeUndefined();
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(3);
    await p.close();
  });

  it('a document never holds two workers: its next version waits while its stale lint still runs', async () => {
    const { pool: p, workers } = pool({ killAfterMs: 10_000 });
    ready(workers);
    const v1 = p.run(job('file:///slow.txt', 1), 'slow');
    v1.cancel();
    const v2 = p.run(job('file:///slow.txt', 2), 'slow');
    // The other worker stays free for other documents.
    expect(workers[1]!.pending()).toBeUndefined();
    const other = p.run(job('file:///other.txt'), 'other');
    expect(workers[1]!.pending()?.job.uri).toBe('file:///other.txt');
    done(workers[1]!);
    await other.promise;
    // The stale lint ends: the newer version goes to a worker now.
    done(workers[0]!);
    await sleep(0);
    expect(workers.some((w) => w.pending()?.job.version === 2)).toBe(true);
    expect(await v1.promise).toBeUndefined();
    const runs = workers.find((w) => w.pending()?.job.version === 2)!;
    done(runs);
    expect(await v2.promise).toBeDefined();
    await p.close();
  });

  it('a heavy document (its last lint was slow) never takes the last free worker', async () => {
    const { pool: p, workers } = pool({ heavyMs: 20 });
    ready(workers);
    const slow = p.run(job('file:///slow.txt', 1), 'slow');
    await sleep(30);
    done(workers[0]!);
    await slow.promise;
    // Worker 1 is busy with another document; the heavy one would take the only free worker: it waits.
    const busy = p.run(job('file:///busy.txt'), 'busy');
    const busyWorker = workers.find((w) => w.pending()?.job.uri === 'file:///busy.txt' && w.sent.filter((m) => m.type === 'job').length > 0)!;
    const again = p.run(job('file:///slow.txt', 2), 'slow');
    const free = workers.find((w) => w !== busyWorker)!;
    expect(free.pending()?.job.version).not.toBe(2);
    // A light document still gets the free worker at once.
    const light = p.run(job('file:///light.txt'), 'light');
    expect(free.pending()?.job.uri).toBe('file:///light.txt');
    done(free);
    await light.promise;
    done(busyWorker);
    await busy.promise;
    // Both free: the heavy one runs.
    expect(workers.some((w) => w.pending()?.job.uri === 'file:///slow.txt' && w.pending()?.job.version === 2)).toBe(true);
    done(workers.find((w) => w.pending()?.job.version === 2)!);
    await again.promise;
    await p.close();
  });

  it('a quick lint makes a heavy document light again', async () => {
    const { pool: p, workers } = pool({ heavyMs: 20 });
    ready(workers);
    const slow = p.run(job('file:///doc.txt', 1), 'doc');
    await sleep(30);
    done(workers[0]!);
    await slow.promise;
    const quick = p.run(job('file:///doc.txt', 2), 'doc');
    done(workers.find((w) => w.pending()?.job.version === 2)!);
    await quick.promise;
    const busy = p.run(job('file:///busy.txt'), 'busy');
    const next = p.run(job('file:///doc.txt', 3), 'doc');
    expect(workers.filter((w) => w.pending()?.job.version === 3)).toHaveLength(1);
    for (const w of workers) if (w.pending()) done(w);
    await Promise.all([busy.promise, next.promise]);
    await p.close();
  });

  it('a worker that stops while linting fails its job with WorkerLostError and is replaced', async () => {
    const { pool: p, workers } = pool();
    ready(workers);
    const a = p.run(job('file:///a.txt'), 'a');
    workers[0]!.emit('exit', 134);
    await expect(a.promise).rejects.toThrow(/exit code 134/u);
    expect(workers).toHaveLength(3);
    await p.close();
  });
});
