/**
 * Files that are not what they seem, for the tests of safe reading: FIFOs, devices, links out of a folder.
 *
 * A FIFO test must not hang if the code regresses (opens the FIFO and waits for a writer): each FIFO made
 * here gets a "rescuer", a child process that writes to it after RESCUE_MS. Correct code never opens the
 * FIFO, so the rescuer just waits (blocked in its own open) and is killed after the test; code that
 * wrongly opens it is unblocked, reads the rescuer's text and fails its assertions instead of hanging —
 * even when it blocked the test's own thread in a synchronous read.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { afterEach } from 'vitest';

/** After this long a FIFO gets a writer (correct code has finished long before). */
export const RESCUE_MS = 3000;

/** Whether FIFOs and /dev/zero exist here (not on Windows). */
export const POSIX = process.platform !== 'win32';

/** Running as root: the file system lets root write a read-only file, so only nianbao's own check refuses it. */
export const IS_ROOT = process.getuid?.() === 0;

/** What a rescuer writes: what a regressed test would find in the FIFO. */
export const RESCUE_TEXT = 'RESCUED-FROM-FIFO\n';

const rescuers: ChildProcess[] = [];

afterEach(() => {
  while (rescuers.length > 0) rescuers.pop()!.kill('SIGKILL');
});

/** Makes a FIFO at `path` (mkfifo), with a rescuer that writes to it after RESCUE_MS. */
export function makeFifo(path: string): string {
  execFileSync('mkfifo', [path]);
  const script = `setTimeout(() => { try { require('node:fs').writeFileSync(process.argv[1], ${JSON.stringify(RESCUE_TEXT)}); } catch {} }, ${RESCUE_MS});`;
  const child = spawn(process.execPath, ['-e', script, path], { stdio: 'ignore' });
  child.unref();
  rescuers.push(child);
  return path;
}

/**
 * For tests that name `/dev/zero` (a file importing this module is watched for as long as it runs): code that wrongly reads it never stops (the issue measured 11–13 GB)
 * and no test timeout can interrupt a read in progress. While the watch runs, a test process whose memory
 * grows by more than `limit` bytes is ended at once — the run fails loudly instead of thrashing the
 * machine. Correct code never opens the device and stays far below. Returns the function that stops it.
 */
export function watchMemory(limit = 1024 * 1024 * 1024): () => void {
  const start = process.memoryUsage.rss();
  const timer = setInterval(() => {
    if (process.memoryUsage.rss() - start <= limit) return;
    clearInterval(timer);
    process.stderr.write(`hazards.watchMemory: memory grew by more than ${limit} bytes while reading a device: the code read what it must refuse\n`);
    // Not process.exit: the test runner replaces it in its workers. Nothing must outlive the wrong read.
    process.kill(process.pid, 'SIGKILL');
  }, 10);
  timer.unref();
  return () => clearInterval(timer);
}

// Watched from the moment a test file imports this module to the end of its process: a wrong read goes
// on after its test has timed out.
watchMemory(1536 * 1024 * 1024);
