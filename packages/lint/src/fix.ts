import type { Diagnostic, Fix } from './types.js';

export interface FixResult {
  text: string;
  /** The findings whose fixes were applied. */
  applied: Diagnostic[];
}

/**
 * Applies the fixes of `diagnostics` to `text`, last first so offsets stay valid. Overlapping fixes are
 * left for the next pass: the caller re-lints and applies again, as ESLint does.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): FixResult {
  const withFix = diagnostics
    .filter((d): d is Diagnostic & { fix: Fix } => d.fix !== undefined && d.suppressed === undefined)
    .sort((a, b) => a.fix.start - b.fix.start || a.fix.end - b.fix.end);
  const chosen: Array<Diagnostic & { fix: Fix }> = [];
  let lastEnd = -1;
  for (const d of withFix) {
    if (d.fix.start < lastEnd) continue;
    if (d.fix.start > d.fix.end || d.fix.end > text.length) continue;
    chosen.push(d);
    lastEnd = Math.max(d.fix.end, d.fix.start + 1);
  }
  let out = text;
  for (const d of [...chosen].reverse()) out = out.slice(0, d.fix.start) + d.fix.text + out.slice(d.fix.end);
  return { text: out, applied: chosen };
}
