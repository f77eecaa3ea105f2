import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Position, type TextEdit } from 'vscode-languageserver/node';
import type { Diagnostic, Severity } from '@nianbao/lint';
import { toLspRange, type CorePlace } from './positions.js';

export const SOURCE = 'nianbao';

/** What a published diagnostic carries for the code actions: its fix as an edit of the version it was made for. */
export interface DiagnosticData {
  fix?: TextEdit;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * A lint finding as an LSP diagnostic: the exact range, the rule id as `code`, its doc page as
 * `codeDescription`, the cells it is made of (or last year's file) as related information, and its
 * fix in `data`. Fix offsets are turned into positions by the document itself (`positionAt`).
 */
export function toLspDiagnostic(finding: Diagnostic, uri: string, positionAt: (offset: number) => Position): LspDiagnostic {
  const diagnostic: LspDiagnostic = {
    range: toLspRange(finding),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: finding.url },
    source: SOURCE,
    // A .docx or PDF has no lines the editor can show: the place a person finds it leads the message.
    message: finding.place !== undefined ? `${finding.place}：${finding.message}` : finding.message,
  };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri: r.file !== undefined ? pathToFileURL(r.file).href : uri, range: toLspRange(r) },
      message: r.message,
    }));
  }
  if (finding.fix) {
    const data: DiagnosticData = { fix: { range: { start: positionAt(finding.fix.start), end: positionAt(finding.fix.end) }, newText: finding.fix.text } };
    diagnostic.data = data;
  }
  return diagnostic;
}

/** A diagnostic of the server itself (bad configuration, unreadable last year's report, a crash). */
export function serverDiagnostic(
  code: string,
  href: string | undefined,
  severity: DiagnosticSeverity,
  message: string,
  related?: { uri: string; place: CorePlace; message: string },
): LspDiagnostic {
  const diagnostic: LspDiagnostic = {
    range: toLspRange({ line: 1, column: 1, endLine: 1, endColumn: 1 }),
    severity,
    code,
    source: SOURCE,
    message,
  };
  if (href !== undefined) diagnostic.codeDescription = { href };
  if (related) diagnostic.relatedInformation = [{ location: { uri: related.uri, range: toLspRange(related.place) }, message: related.message }];
  return diagnostic;
}
