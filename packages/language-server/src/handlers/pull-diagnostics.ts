import { pathToFileURL } from 'node:url';
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type Diagnostic as LspDiagnostic,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { Analyzer } from '../analysis.js';
import type { Log } from '../guard.js';
import { isCandidate } from '../selection.js';
import { reportFiles } from '../workspace.js';
import type { ClosedFileReader } from './closed-files.js';
import { snapshotOf, type OpenDocuments } from './open-documents.js';
import { crashedDiagnostics } from './push-diagnostics.js';
import type { Session } from './session.js';

/** A failed diagnostic pull is not retried at once: the same input would fail the same way. */
export const NO_RETRIGGER: DiagnosticServerCancellationData = { retriggerRequest: false };

export interface PullDeps {
  documents: OpenDocuments;
  analyzer: Pick<Analyzer, 'analyze' | 'cached'>;
  session: Session;
  closedFile: ClosedFileReader;
  log: Log;
}

/** The result id of an open document's version under the current configuration. */
const openResultId = (version: number, session: Session): string => `${version}:${session.epoch}`;

/** A pull whose version went stale while it was linted: the client asks again, for the version it has now. */
export const RETRIGGER: DiagnosticServerCancellationData = { retriggerRequest: true };

type PullResult = DocumentDiagnosticReport | ResponseError<DiagnosticServerCancellationData>;

/**
 * `textDocument/diagnostic`: an open document's diagnostics, or `unchanged` when the client has them
 * already; ServerCancelled when the document changed while it was linted (no stale list is shown).
 */
export function documentDiagnostics({ documents, analyzer, session, closedFile, log }: PullDeps): (params: DocumentDiagnosticParams) => Promise<PullResult> {
  return async (params) => {
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    if (!document) {
      // Not open: read it from disk if it is a file, as the workspace pull does.
      const report = await closedFile(uri, undefined);
      return { kind: DocumentDiagnosticReportKind.Full, items: report?.items ?? [] };
    }
    const resultId = openResultId(document.version, session);
    if (params.previousResultId === resultId && analyzer.cached(uri, document.version)) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    if (!isCandidate(uri, document.languageId)) return { kind: DocumentDiagnosticReportKind.Full, resultId, items: [] };
    let items: LspDiagnostic[];
    try {
      const analysis = await analyzer.analyze(snapshotOf(document));
      if (!analysis) return new ResponseError(LSPErrorCodes.ServerCancelled, 'nianbao: the document changed while it was checked', RETRIGGER);
      items = analysis.diagnostics;
    } catch (error) {
      items = crashedDiagnostics(uri, error, log);
    }
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  };
}

/** `workspace/diagnostic`: every open report, then every report file of the folders that is not open. */
export function workspaceDiagnostics({ documents, analyzer, session, closedFile }: Omit<PullDeps, 'log'>): (params: WorkspaceDiagnosticParams) => Promise<WorkspaceDiagnosticReport> {
  return async (params) => {
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const seen = new Set<string>();
    for (const document of documents.all()) {
      if (!isCandidate(document.uri, document.languageId)) continue;
      seen.add(document.uri);
      const analysis = await analyzer.analyze(snapshotOf(document));
      if (!analysis?.selected) continue;
      const resultId = openResultId(document.version, session);
      items.push(
        previous.get(document.uri) === resultId
          ? { kind: DocumentDiagnosticReportKind.Unchanged, uri: document.uri, version: document.version, resultId }
          : { kind: DocumentDiagnosticReportKind.Full, uri: document.uri, version: document.version, resultId, items: analysis.diagnostics },
      );
    }
    for (const folder of session.folders) {
      for (const file of await reportFiles(folder)) {
        const uri = pathToFileURL(file.path).href;
        if (seen.has(uri)) continue;
        seen.add(uri);
        const resultId = `disk:${file.mtimeMs}:${file.size}:${session.epoch}`;
        if (previous.get(uri) === resultId) {
          items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId });
          continue;
        }
        const report = await closedFile(uri, resultId);
        if (report) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: report.items });
      }
    }
    return { items };
  };
}
