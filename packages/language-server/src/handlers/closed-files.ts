import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Analyzer } from '../analysis.js';
import { filePathOf, isCandidate } from '../selection.js';
import type { Session } from './session.js';

export interface ClosedFileReport {
  items: LspDiagnostic[];
  resultId: string;
}

/** The diagnostics of a file that is not open, or undefined for one that is not a report (or cannot be read). */
export type ClosedFileReader = (uri: string, stamp: string | undefined) => Promise<ClosedFileReport | undefined>;

/**
 * A file that is not open, read as the CLI reads it (bytes, any encoding, .docx and PDF too) by a lint
 * worker through the project layer's reading functions, which refuse what is no regular file and cap
 * the size; a file that cannot be read gets no diagnostics (the reason goes to the log).
 */
export function closedFileReader(analyzer: Pick<Analyzer, 'analyzeFile'>, session: Session): ClosedFileReader {
  return async (uri, stamp) => {
    if (!filePathOf(uri) || !isCandidate(uri, undefined)) return undefined;
    const analysis = await analyzer.analyzeFile(uri);
    if (!analysis?.selected) return undefined;
    return { items: analysis.diagnostics, resultId: stamp ?? `disk:${session.epoch}` };
  };
}
