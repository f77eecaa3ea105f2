import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Analyzer, TextSnapshot } from '../analysis.js';
import { isCandidate } from '../selection.js';

/** The open documents, as the handlers read them. */
export type OpenDocuments = Pick<TextDocuments<TextDocument>, 'get' | 'all'>;

/** An open document with its current analysis. */
export interface Found {
  analysis: Analysis;
  snapshot: TextSnapshot;
  document: TextDocument;
}

/** The current analysis of an open document, or undefined for a URI the client never opened (or not a candidate). */
export type AnalysisOf = (uri: string) => Promise<Found | undefined>;

export function snapshotOf(document: TextDocument): TextSnapshot {
  return { uri: document.uri, version: document.version, text: document.getText(), positionAt: (offset) => document.positionAt(offset) };
}

export function analysisOfOpen(documents: OpenDocuments, analyzer: Pick<Analyzer, 'analyze'>): AnalysisOf {
  return async (uri) => {
    const document = documents.get(uri);
    if (!document || !isCandidate(uri, document.languageId)) return undefined;
    const snapshot = snapshotOf(document);
    const analysis = await analyzer.analyze(snapshot);
    return analysis ? { analysis, snapshot, document } : undefined;
  };
}
