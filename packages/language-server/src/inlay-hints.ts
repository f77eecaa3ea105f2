import type { InlayHint, MarkupContent, Range } from 'vscode-languageserver/node';
import type { Locale } from '@nianbao/lint';
import type { ReportDocument } from '@nianbao/parse';
import { t, type MessageId } from './messages.js';
import { totalResult } from './hover.js';
import { placeOf, toLspRange } from './positions.js';
import { totalCells, type TotalCheck } from './totals.js';

/** Whether position `p` lies in `range` (ends inclusive: a hint at a line's end belongs to that line). */
function within(p: Range['start'], range: Range): boolean {
  const after = (a: Range['start'], b: Range['start']): boolean => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(p, range.start) && after(range.end, p);
}

/** ✓ when the total is right, ✗ when it is not, nothing when the total cell is blank (the sum is what to write). */
function mark(check: TotalCheck): string {
  if (check.written === undefined || check.difference === undefined) return '';
  return check.difference === 0 ? ' ✓' : ' ✗';
}

/** The hover's result line, as the hint's tooltip: the formula, the sum against what is written, the difference. */
function tooltip(checks: readonly TotalCheck[], blank: boolean, locale: Locale): MarkupContent {
  const parts = checks.map((check) => {
    const result = blank ? t(locale, 'inlayBlankTotal', { sum: String(check.sum) }) : totalResult(check, locale);
    return `${check.identity.description[locale]}\n\n${result}`;
  });
  return { kind: 'markdown', value: parts.join('\n\n---\n\n') };
}

/**
 * An inlay hint after each total cell of Tables 三 and 四: the sum of its addends and whether the written
 * total matches (`Σ 15 ✓`), computed by the format's one evaluator from the analysis already made. A
 * cell that is the total of both its row and its column (（七）总计 × 总计) says which is which. No
 * previous report is given, so the identities that read last year's cells (carry-over, Table 二's stock)
 * are left out: their cells are no totals of this table, and the hover covers them.
 */
export function inlayHints(document: ReportDocument, range: Range | undefined, locale: Locale): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const { cell, checks } of totalCells(document, undefined)) {
    const computed = checks.filter((c): c is TotalCheck & { sum: number } => c.sum !== undefined);
    if (computed.length === 0) continue;
    const position = toLspRange(placeOf(cell.span, document)).end;
    if (range && !within(position, range)) continue;
    const labelOf = (check: TotalCheck & { sum: number }): string => {
      const id: MessageId = computed.length === 1 ? 'inlayTotal' : check.identity.per === 'row' ? 'inlayRowTotal' : 'inlayColumnTotal';
      return `${t(locale, id, { sum: String(check.sum) })}${mark(check)}`;
    };
    hints.push({ position, label: computed.map(labelOf).join(' · '), paddingLeft: true, tooltip: tooltip(computed, cell.text.trim() === '', locale) });
  }
  return hints;
}
