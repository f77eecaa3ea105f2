/**
 * The worker pool of a folder run: node:worker_threads directly (no piscina): the work is one kind of
 * task whose results must come back file by file and in input order, which a task-returns-a-value pool
 * does not give; the ordering, the bound on work in flight and the stop on a fatal outcome are a few
 * dozen lines here.
 *
 * Chunks (the files of one folder, see lint-job.ts) go to whichever worker is free, at most `window`
 * chunks ahead of the first one not yet fully given back, so that a slow chunk cannot make the reorder
 * buffer grow without bound. Outcomes are handed to `onOutcome` strictly in input order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileOutcome, JobFile, JobOptions } from './lint-job.js';

/** Messages from a worker. */
export type WorkerReply = { type: 'outcome'; outcome: FileOutcome } | { type: 'done'; chunk: number } | { type: 'failed'; reason: string };
/** Messages to a worker. */
export type WorkerRequest = { type: 'chunk'; chunk: number; files: JobFile[] };

/** About this many files of one folder per chunk (chunksOf): bounded memory, and work for both cores in a big folder. */
export const MAX_CHUNK = 200;
/** Below this many files one thread is faster: starting a worker costs more than it saves. */
export const POOL_THRESHOLD = 40;

/**
 * Consecutive files of one folder, at most MAX_CHUNK each (a sliver of up to a quarter more rides with
 * the chunk before it), in input order. Splitting a folder costs: each chunk pairs its reports with last
 * year's among the whole folder, so it reads who every file of the other chunks is by. A chunk of the
 * one file past 200 read 200 files' openings for it, and most of a province's county folders were
 * split that way.
 */
export function chunksOf<T extends { path: string }>(files: readonly T[], folderOf: (path: string) => string, max = MAX_CHUNK): T[][] {
  const out: T[][] = [];
  const sliver = Math.floor(max / 4);
  const flush = (run: T[]): void => {
    for (let start = 0; start < run.length; start += max) {
      // The rest after this chunk is a sliver: it stays with this chunk.
      const end = run.length - (start + max) <= sliver ? run.length : start + max;
      out.push(run.slice(start, end));
      if (end === run.length) break;
    }
  };
  let run: T[] = [];
  let folder: string | undefined;
  for (const f of files) {
    const here = folderOf(f.path);
    if (run.length > 0 && here !== folder) {
      flush(run);
      run = [];
    }
    folder = here;
    run.push(f);
  }
  if (run.length > 0) flush(run);
  return out;
}

/** How many threads a run of `files` files gets: `off` one (none started), a number as given, `auto` by cores and size. */
export function threadsFor(concurrency: 'auto' | 'off' | number, files: number): number {
  if (concurrency === 'off' || files <= 1) return 1;
  if (typeof concurrency === 'number') return Math.min(concurrency, files);
  if (files < POOL_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(files / 20)));
}

/**
 * The built worker script. Running from the sources (the tests), the built one beside them in dist/;
 * undefined when there is none, and the run stays in one thread.
 */
export function workerScript(): URL | undefined {
  const own = new URL(import.meta.url.endsWith('.ts') ? '../dist/lint-worker.js' : './lint-worker.js', import.meta.url);
  return existsSync(fileURLToPath(own)) ? own : undefined;
}

export interface PoolRun {
  threads: number;
  script: URL;
  options: JobOptions;
  chunks: readonly JobFile[][];
  /** In input order. Returning `false` stops the run (a fatal outcome): nothing after it is given. */
  onOutcome: (outcome: FileOutcome) => boolean | void;
}

/** How much V8 lets a worker's heap grow past what the last full collection kept (its own choice goes up to 4×). */
const HEAP_GROWING_PERCENT = 100;

/**
 * Keeps the pool's heaps near what they hold. Busy from start to end (no idle time for V8's memory
 * reducer) and allocating fast, each isolate otherwise grows its heap to several times its live data:
 * 10,000 reports on 2 workers peaked at ~625 MB, ~440 MB with this, for about 8 % more time in the
 * collector. A process-wide V8 flag, set before the workers' isolates start; one given on node's
 * command line wins.
 */
function boundHeapGrowth(): void {
  if (process.execArgv.some((a) => /^--heap[-_]growing[-_]percent/u.test(a))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** Runs the chunks on `threads` workers; resolves when every outcome has been given (or the run stopped). */
export async function runPool(run: PoolRun): Promise<void> {
  boundHeapGrowth();
  const { chunks } = run;
  const total = chunks.reduce((n, c) => n + c.length, 0);
  // Outcomes are given in the chunks' order; chunk k starts at position starts[k] of it.
  const order = chunks.flatMap((c) => c.map((f) => f.index));
  const starts: number[] = [];
  chunks.reduce((at, c) => (starts.push(at), at + c.length), 0);
  let emittedChunk = 0;
  const window = run.threads * 2;
  const buffer = new Map<number, FileOutcome>();
  let emitted = 0;
  let nextChunk = 0;
  let stopped = false;
  const workers: Worker[] = [];
  await new Promise<void>((done, fail) => {
    const finish = (error?: Error): void => {
      if (stopped) return;
      stopped = true;
      for (const w of workers) void w.terminate();
      if (error) fail(error);
      else done();
    };
    /** The chunk the next outcome to give belongs to: dispatch stays within `window` of it. */
    const chunkOfEmitted = (): number => {
      while (emittedChunk + 1 < chunks.length && starts[emittedChunk + 1]! <= emitted) emittedChunk++;
      return emittedChunk;
    };
    const dispatch = (worker: Worker): boolean => {
      if (nextChunk >= chunks.length || nextChunk > chunkOfEmitted() + window) return false;
      const chunk = nextChunk++;
      worker.postMessage({ type: 'chunk', chunk, files: chunks[chunk]! } satisfies WorkerRequest);
      return true;
    };
    const idle: Worker[] = [];
    const flush = (): void => {
      while (!stopped && emitted < total && buffer.has(order[emitted]!)) {
        const outcome = buffer.get(order[emitted]!)!;
        buffer.delete(order[emitted]!);
        emitted++;
        if (run.onOutcome(outcome) === false) return finish();
      }
      if (emitted >= total) return finish();
      // Room in the window again: give the idle workers more.
      while (idle.length > 0 && dispatch(idle[0]!)) idle.shift();
    };
    for (let i = 0; i < run.threads; i++) {
      const worker = new Worker(run.script, { workerData: run.options });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if (stopped) return;
        if (reply.type === 'outcome') {
          buffer.set(reply.outcome.index, reply.outcome);
          flush();
        } else if (reply.type === 'done') {
          if (!dispatch(worker)) idle.push(worker);
        } else finish(new Error(reply.reason));
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (!stopped && code !== 0) finish(new Error(`exit ${code}`));
      });
      if (!dispatch(worker)) idle.push(worker);
    }
    if (total === 0) finish();
  });
}
