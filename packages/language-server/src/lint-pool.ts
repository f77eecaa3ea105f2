import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Log } from './guard.js';
import type { Job, JobResults, LintJobs } from './lint-job.js';

/** A job on its way: its result, or undefined once cancelled. */
export interface Running<T> {
  promise: Promise<T | undefined>;
  cancel(): void;
}

/** Who runs the lint jobs: workers in the server (LintPool), or this thread (tests, and when no worker starts). */
export interface JobRunner {
  run<J extends Job>(job: J, affinity?: string): Running<JobResults[J['kind']]>;
  /** Every worker forgets its cached configurations (a `.nianbaorc.json` changed). */
  clearConfigs(): void;
  /** Every worker forgets last years' reports (a report file changed on disk). */
  clearPrevious(): void;
  close(): Promise<void>;
}

export type ToWorker = { type: 'job'; id: number; job: Job } | { type: 'control'; control: 'clearConfigs' | 'clearPrevious' } | { type: 'warmUp' };
export type FromWorker = { type: 'ready' } | { type: 'warmed' } | { type: 'done'; id: number; result: JobResults[Job['kind']] } | { type: 'failed'; id: number; error: string };

/** A worker stopped (out of memory, crashed) while running a job. */
export class WorkerLostError extends Error {
  override readonly name = 'WorkerLostError';
}

/** What the pool needs of a worker thread. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: FromWorker) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export interface PoolOptions {
  /** Starts a worker (a real worker thread by default). */
  spawn?: () => WorkerLike;
  /** Workers kept running, idle or not: one for the document being typed in, one for any other. */
  keep?: number;
  /** Workers at most, when several documents lint at once. */
  max?: number;
  /** A stale job still running this long after it started has its worker terminated (and replaced). */
  killAfterMs?: number;
  /** A worker beyond `keep` idle this long is stopped. */
  idleMs?: number;
  /** A document whose lint ran this long (or was stopped) is heavy: it never takes the last free worker. */
  heavyMs?: number;
  log?: Log;
}

/**
 * The heap a worker may use. A pathological document must not take the whole server (and the editor's
 * memory) with it: past this the worker alone is stopped and its document gets one diagnostic.
 */
export const WORKER_HEAP_MB = 1536;

/**
 * The young generation of a worker. A lint makes many short-lived objects; V8's default nursery (16 MB a
 * semi-space) keeps up to 48 MB per worker resident after a lint, which with two workers put the server
 * past 200 MB for 50 open reports. 4 MB costs no measurable latency (bench/lsp.mjs: p95 unchanged).
 */
export const WORKER_YOUNG_MB = 4;

/** The worker's entry beside this module: worker.js in dist/, worker.cjs beside the extension's bundle. */
export function workerUrl(base: string = import.meta.url): URL {
  return new URL(base.endsWith('.cjs') ? './worker.cjs' : './worker.js', base);
}

function spawnWorker(): WorkerLike {
  // stdout: a library's console.log in the worker must not reach the protocol stream (stdout over stdio).
  const worker = new Worker(workerUrl(), { stdout: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB }, name: 'nianbao-lint' });
  worker.stdout.pipe(process.stderr, { end: false });
  return worker;
}

interface Task {
  id: number;
  job: Job;
  affinity: string | undefined;
  resolve(value: unknown): void;
  reject(error: Error): void;
  state: 'queued' | 'running' | 'done';
  cancelled: boolean;
  startedAt: number;
}

interface Slot {
  worker: WorkerLike;
  ready: boolean;
  /** Compiling the parser and rules on a blank report (lint-job.ts warmUp): busy, but with no job. */
  warming: boolean;
  task: Task | undefined;
  /** Documents this worker linted: its caches (configuration, last year's report) are warm for them. */
  served: Set<string>;
  killTimer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
}

/**
 * How long a lint may take before its document counts as heavy. Real reports lint in 20–150 ms; a
 * document past a second is one that would hold up everything else if it could take every worker.
 */
export const HEAVY_MS = 1000;

/** Workers that fail before they are ready this many times in a row: the pool runs jobs on this thread. */
const STARTUP_FAILURES = 3;

/**
 * Lint jobs run in worker threads, so that the server's thread only routes messages and answers
 * requests from what it has. Each worker runs one job at a time; a job waits for a ready worker (the one
 * that served its document, if free). Two workers are kept, so that a document whose lint takes seconds
 * delays its own diagnostics only; more start while several lint at once, and stop when idle.
 *
 * A cancelled job resolves undefined at once and its result is never delivered. A queued one is
 * dropped; a running one is left to finish if it finishes soon, else its worker is terminated (a lint
 * cannot be interrupted) and replaced.
 */
export class LintPool implements JobRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly spawn: () => WorkerLike;
  private readonly keep: number;
  private readonly max: number;
  private readonly killAfterMs: number;
  private readonly idleMs: number;
  private readonly heavyMs: number;
  /** Documents (affinities) whose last lint was slow or was stopped: see `pump`. */
  private readonly heavy = new Set<string>();
  private readonly log: Log;
  private nextId = 1;
  private closed = false;
  private failures = 0;
  /** Set once workers cannot be started: jobs then run on this thread. */
  private inThread: InThreadRunner | undefined;

  constructor(options: PoolOptions = {}) {
    this.spawn = options.spawn ?? spawnWorker;
    this.keep = options.keep ?? 2;
    this.max = Math.max(this.keep, options.max ?? Math.min(4, Math.max(2, availableParallelism())));
    this.killAfterMs = options.killAfterMs ?? 300;
    this.idleMs = options.idleMs ?? 30_000;
    this.heavyMs = options.heavyMs ?? HEAVY_MS;
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    for (let i = 0; i < this.keep; i++) this.start();
  }

  /** How many workers are running or starting (for tests and the log). */
  get size(): number {
    return this.slots.length;
  }

  run<J extends Job>(job: J, affinity?: string): Running<JobResults[J['kind']]> {
    if (this.inThread) return this.inThread.run(job);
    let resolve!: (value: unknown) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<JobResults[J['kind']] | undefined>((res, rej) => {
      resolve = res as (value: unknown) => void;
      reject = rej;
    });
    const task: Task = { id: this.nextId++, job, affinity, resolve, reject, state: 'queued', cancelled: false, startedAt: 0 };
    if (this.closed) task.resolve(undefined);
    else {
      this.queue.push(task);
      this.pump();
    }
    return { promise, cancel: () => this.cancel(task) };
  }

  clearConfigs(): void {
    this.broadcast('clearConfigs');
  }

  clearPrevious(): void {
    this.broadcast('clearPrevious');
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.resolve(undefined);
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      if (slot.task) slot.task.resolve(undefined);
      this.clearTimers(slot);
    }
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => 0)));
    await this.inThread?.close();
  }

  private broadcast(control: 'clearConfigs' | 'clearPrevious'): void {
    for (const slot of this.slots) slot.worker.postMessage({ type: 'control', control });
    if (this.inThread) this.inThread[control]();
  }

  private start(): void {
    let worker: WorkerLike;
    try {
      worker = this.spawn();
    } catch (error) {
      this.startFailed(error);
      return;
    }
    const slot: Slot = { worker, ready: false, warming: false, task: undefined, served: new Set() };
    this.slots.push(slot);
    worker.on('message', (message) => this.received(slot, message));
    worker.on('error', (error) => this.lost(slot, error));
    worker.on('exit', (code) => this.lost(slot, new Error(`exit code ${code}`)));
  }

  private received(slot: Slot, message: FromWorker): void {
    if (message.type === 'ready') {
      slot.ready = true;
      this.failures = 0;
      // The first worker ready takes jobs at once (its first real job warms it); any other warms up
      // first, so that it is quick when a document comes to it while the first is busy.
      if (this.slots.some((s) => s !== slot && s.ready) && this.queue.length === 0) this.warmUp(slot);
      this.pump();
      return;
    }
    if (message.type === 'warmed') {
      slot.warming = false;
      this.pump();
      return;
    }
    const task = slot.task;
    if (!task || task.id !== message.id) return;
    slot.task = undefined;
    this.clearTimers(slot);
    task.state = 'done';
    this.weigh(task, Date.now() - task.startedAt);
    if (!task.cancelled) {
      if (message.type === 'done') task.resolve(message.result);
      else task.reject(new Error(message.error));
    }
    this.pump();
    this.idle(slot);
  }

  /**
   * A worker's first lint is several times slower than its next (nothing is compiled yet): a worker
   * that starts while another can take the jobs lints a blank report for nobody first.
   */
  private warmUp(slot: Slot): void {
    slot.warming = true;
    slot.worker.postMessage({ type: 'warmUp' });
  }

  /** A worker stopped: its job (if still wanted) fails, and another worker takes its place. */
  private lost(slot: Slot, error: Error): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    this.clearTimers(slot);
    const task = slot.task;
    if (task && !task.cancelled) {
      task.state = 'done';
      task.reject(new WorkerLostError(error.message));
    }
    if (this.closed) return;
    if (!slot.ready) {
      this.startFailed(error);
      if (this.inThread) return;
    } else this.log(`nianbao: a lint worker stopped (${error.message}); starting another`);
    if (this.slots.length < this.keep) this.start();
    this.pump();
  }

  private startFailed(error: unknown): void {
    this.failures++;
    this.log(`nianbao: a lint worker failed to start: ${error instanceof Error ? error.message : String(error)}`);
    if (this.failures < STARTUP_FAILURES || this.inThread) return;
    // No worker can start (a broken installation): lint on this thread rather than not at all.
    this.log('nianbao: linting on the server thread instead of in workers');
    this.inThread = new InThreadRunner();
    for (const task of this.queue.splice(0)) {
      const running = this.inThread.run(task.job);
      running.promise.then(task.resolve, task.reject);
    }
  }

  /** Marks a document heavy after a slow or stopped lint, and light again after a quick one. */
  private weigh(task: Task, ranMs: number): void {
    if (task.affinity === undefined) return;
    if (ranMs >= this.heavyMs) this.heavy.add(task.affinity);
    else this.heavy.delete(task.affinity);
  }

  /**
   * Gives queued jobs to ready idle workers, in order; starts another worker while jobs wait and none is
   * starting. A heavy document's job takes a worker only while another stays free for the rest (or when
   * there is only one worker): a report that takes seconds to lint, edited again and again, would
   * otherwise occupy every worker in turn — each edit stops its worker, whose replacement starts cold —
   * and every other document would wait for it. For the same reason a document's next version waits
   * while its stale lint still runs.
   */
  private pump(): void {
    for (let i = 0; i < this.queue.length; ) {
      const idle = this.slots.filter((s) => s.ready && !s.warming && !s.task);
      if (idle.length === 0) break;
      const task = this.queue[i]!;
      const heavy = task.affinity !== undefined && this.heavy.has(task.affinity);
      // A document's stale lint still running (cancelled, to finish or be stopped within killAfterMs)
      // keeps its newer version waiting, so that one document never holds two workers.
      const stillRunning = task.affinity !== undefined && this.slots.some((s) => s.task?.affinity === task.affinity);
      if (stillRunning || (heavy && idle.length < 2 && this.slots.length > 1)) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      const slot = idle.find((s) => task.affinity !== undefined && s.served.has(task.affinity)) ?? idle[heavy ? idle.length - 1 : 0]!;
      this.dispatch(slot, task);
    }
    const starting = this.slots.filter((s) => !s.ready).length;
    if (this.queue.length > starting && this.slots.length < this.max && !this.inThread) this.start();
  }

  private dispatch(slot: Slot, task: Task): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    slot.task = task;
    task.state = 'running';
    task.startedAt = Date.now();
    if (task.affinity !== undefined) {
      for (const other of this.slots) other.served.delete(task.affinity);
      slot.served.add(task.affinity);
    }
    slot.worker.postMessage({ type: 'job', id: task.id, job: task.job });
  }

  private cancel(task: Task): void {
    if (task.state === 'done' || task.cancelled) return;
    task.cancelled = true;
    task.resolve(undefined);
    if (task.state === 'queued') {
      this.queue.splice(this.queue.indexOf(task), 1);
      return;
    }
    const slot = this.slots.find((s) => s.task === task);
    if (!slot) return;
    const wait = task.startedAt + this.killAfterMs - Date.now();
    if (wait <= 0) this.kill(slot);
    else slot.killTimer = setTimeout(() => slot.task === task && this.kill(slot), wait);
  }

  /** Stops a worker busy with a stale job, and starts another in its place. */
  private kill(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    this.clearTimers(slot);
    // A stale lint still running long after it was cancelled: its document is one that takes long.
    if (slot.task) this.weigh(slot.task, this.heavyMs);
    void slot.worker.terminate().catch(() => 0);
    if (!this.closed && this.slots.length < this.keep) this.start();
    this.pump();
  }

  /** A worker beyond those kept stops after a while without work. */
  private idle(slot: Slot): void {
    if (this.slots.length <= this.keep || this.closed) return;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      if (!slot.task && this.slots.length > this.keep) this.kill(slot);
    }, this.idleMs);
    slot.idleTimer.unref();
  }

  private clearTimers(slot: Slot): void {
    if (slot.killTimer) clearTimeout(slot.killTimer);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.killTimer = undefined;
    slot.idleTimer = undefined;
  }
}

/**
 * Jobs on the calling thread, one after another: for tests, and the pool's fallback when no worker
 * can start. A cancelled job's result is dropped, but its work is not interrupted.
 */
export class InThreadRunner implements JobRunner {
  // Loaded when first needed: the pool's module stays light, so bin.ts can start workers before the
  // server's own modules load.
  private readonly jobs: Promise<LintJobs> = import('./lint-job.js').then((m) => new m.LintJobs());
  private tail: Promise<unknown> = Promise.resolve();

  run<J extends Job>(job: J): Running<JobResults[J['kind']]> {
    let cancelled = false;
    const result = this.tail.then(async () => (cancelled ? undefined : (await this.jobs).run(job)));
    this.tail = result.catch(() => undefined);
    return {
      promise: result.then((r) => (cancelled ? undefined : (r as JobResults[J['kind']] | undefined))),
      cancel: () => {
        cancelled = true;
      },
    };
  }

  clearConfigs(): void {
    void this.jobs.then((jobs) => jobs.clearConfigs());
  }

  clearPrevious(): void {
    void this.jobs.then((jobs) => jobs.clearPrevious());
  }

  async close(): Promise<void> {
    await this.tail;
  }
}
