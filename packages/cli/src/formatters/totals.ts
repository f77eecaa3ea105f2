import type { FileResult, Formatter, RunTotals, StreamingFormatter } from './types.js';

export function emptyTotals(): RunTotals {
  return { files: 0, errors: 0, warnings: 0, info: 0, suppressed: 0, byRule: new Map() };
}

/** Counts one file's findings into the run's totals (suppressed findings count apart, never by rule). */
export function addToTotals(totals: RunTotals, result: Pick<FileResult, 'diagnostics'>): void {
  totals.files++;
  const seen = new Set<string>();
  for (const d of result.diagnostics) {
    if (d.suppressed) {
      totals.suppressed++;
      continue;
    }
    if (d.severity === 'error') totals.errors++;
    else if (d.severity === 'warning') totals.warnings++;
    else totals.info++;
    let rule = totals.byRule.get(d.ruleId);
    if (!rule) {
      rule = { error: 0, warning: 0, info: 0, files: 0 };
      totals.byRule.set(d.ruleId, rule);
    }
    rule[d.severity]++;
    if (!seen.has(d.ruleId)) {
      seen.add(d.ruleId);
      rule.files++;
    }
  }
}

/** The totals of results already at hand (a formatter called with every file at once). */
export function totalsOf(results: readonly FileResult[]): RunTotals {
  const totals = emptyTotals();
  for (const r of results) addToTotals(totals, r);
  return totals;
}

/** A whole-run formatter from a streaming one: the same output, in one string. */
export function batchOf(stream: StreamingFormatter): Formatter {
  return (results, context) => stream.start(context) + results.map((r, i) => stream.file(r, context, i)).join('') + stream.end(context, totalsOf(results));
}
