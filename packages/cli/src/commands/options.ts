import { AGENCY_KINDS, type AgencyKind } from '@nianbao/format';
import { CliError } from '../messages.js';

/** Years a report can be for: the national formats start with 2019; the schema stops at 2100. */
export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2100;

/**
 * Reads `--year` for commander (`.requiredOption('--year <year>', …, parseYearOption)`), so that the message
 * quotes what the user typed rather than NaN.
 */
export function parseYearOption(value: string): number {
  const year = /^\s*\d{4}\s*$/u.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw new CliError('initBadYear', { value });
  return year;
}

/** Reads `--kind` for commander (`.option('--kind <kind>', …, parseKindOption)`). */
export function parseKindOption(value: string): AgencyKind {
  const kind = AGENCY_KINDS.find((k) => k === value.trim());
  if (!kind) throw new CliError('initBadKind', { value });
  return kind;
}

/** Edit distance (insertions, deletions, substitutions): small inputs only (option values, names). */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** The candidate a mistyped word most likely means (`jsn` → `json`), as commander suggests commands. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  // Commander's bound: at most 40 % of the word changed.
  return best !== undefined && bestDistance > 0 && (bestDistance - 1) / best.length < 0.4 ? best : undefined;
}

/** Reads `--concurrency`: `auto`, `off`, or a number of threads. */
export function parseConcurrency(value: string): 'auto' | 'off' | number {
  if (value === 'auto' || value === 'off') return value;
  const n = /^\d+$/u.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliError('badConcurrency', { value });
  return n === 1 ? 'off' : n;
}
