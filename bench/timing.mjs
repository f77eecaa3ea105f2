// Timing helpers for the benchmarks: warm up, then time batches and take the median batch.
import { performance } from 'node:perf_hooks';

/** Milliseconds per call of `fn`, the median over `batches` batches of at least `minMs` each. */
export function msPerCall(fn, { warmup = 20, batches = 7, minMs = 150 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const results = [];
  for (let b = 0; b < batches; b++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      fn();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < minMs);
    results.push(elapsed / calls);
  }
  results.sort((a, b) => a - b);
  return results[Math.floor(results.length / 2)];
}

export const round = (n, digits = 3) => Number(n.toFixed(digits));
