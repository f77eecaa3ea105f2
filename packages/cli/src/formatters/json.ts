import type { Diagnostic } from '@nianbao/lint';
import { batchOf } from './totals.js';
import type { FileResult, StreamingFormatter } from './types.js';

/** A finding as the JSON formats write it: positions as the engine gives them (1-based, end exclusive, UTF-16 columns). */
function finding(d: Diagnostic): Record<string, unknown> {
  return {
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    // A .docx or PDF has no lines to open: where a person finds the finding there.
    ...(d.place !== undefined ? { place: d.place } : {}),
    ...(d.unappliedFix ? { unappliedFix: d.unappliedFix } : {}),
    ...(d.suppressed ? { suppressed: d.suppressed } : {}),
  };
}

/** An element of a pretty-printed top-level array, indented as JSON.stringify(…, null, 2) would. */
const element = (value: unknown): string => `  ${JSON.stringify(value, null, 2).replace(/\n/gu, '\n  ')}`;

/** Streams the elements of one JSON array, however many files come: the text is the same as one stringify. */
function arrayStream(elementsOf: (r: FileResult) => unknown[]): StreamingFormatter {
  let written = 0;
  return {
    start: () => {
      written = 0;
      return '[';
    },
    file: (r) => {
      const parts = elementsOf(r).map((e) => `${written++ === 0 ? '\n' : ',\n'}${element(e)}`);
      return parts.join('');
    },
    end: () => (written === 0 ? ']\n' : '\n]\n'),
  };
}

/** One JSON array of findings, each with its file (the format it has always had). */
export const jsonStream = (): StreamingFormatter => arrayStream((r) => r.diagnostics.map((d) => ({ file: r.file, ...finding(d) })));

/**
 * One JSON array with every file checked, clean ones too (ESLint's shape): its counts and its findings.
 * Suppressed findings are listed (marked) but not counted.
 */
export const jsonFilesStream = (): StreamingFormatter =>
  arrayStream((r) => {
    const active = r.diagnostics.filter((d) => !d.suppressed);
    const count = (s: Diagnostic['severity']): number => active.filter((d) => d.severity === s).length;
    return [
      {
        file: r.file,
        errorCount: count('error'),
        warningCount: count('warning'),
        infoCount: count('info'),
        suppressedCount: r.diagnostics.length - active.length,
        fixableCount: active.filter((d) => d.fix !== undefined).length,
        messages: r.diagnostics.map(finding),
      },
    ];
  });

export const json = batchOf(jsonStream());
export const jsonFiles = batchOf(jsonFilesStream());
