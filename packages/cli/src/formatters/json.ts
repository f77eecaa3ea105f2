import type { Formatter } from './types.js';

/** One JSON array of findings, positions as the engine gives them (1-based, end exclusive, UTF-16 columns). */
export const json: Formatter = (results) => {
  const rows = results.flatMap((r) =>
    r.diagnostics.map((d) => ({
      file: r.file,
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
    })),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
};
