import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Analysis } from './analysis.js';
import { t } from './messages.js';
import type { ReportStatus } from './protocol.js';
import { reportFormatOf } from './totals.js';

/**
 * A report's standing for a status bar: its errors and warnings as published (so the count is the one
 * the Problems panel shows when the status is clicked) and the format it is checked against.
 */
export function reportStatus(analysis: Pick<Analysis, 'selected' | 'document' | 'diagnostics' | 'locale'>): ReportStatus | null {
  const { document, locale } = analysis;
  if (!analysis.selected || !document) return null;
  const count = (severity: DiagnosticSeverity): number => analysis.diagnostics.filter((d) => d.severity === severity).length;
  const errors = count(DiagnosticSeverity.Error);
  const warnings = count(DiagnosticSeverity.Warning);
  const format = reportFormatOf(document);
  const data = { errors: String(errors), warnings: String(warnings), formatYear: String(format.year), notice: format.notice };
  const text = t(locale, errors === 0 ? 'statusNoErrors' : 'statusErrors', data);
  const tooltip = `${document.reportYear !== undefined ? t(locale, 'statusReportYear', { year: String(document.reportYear) }) : ''}${t(locale, 'statusTooltip', data)}`;
  return { errors, warnings, ...(document.reportYear !== undefined ? { reportYear: document.reportYear } : {}), formatYear: format.year, text, tooltip };
}
