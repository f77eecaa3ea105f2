import { readFile } from 'node:fs/promises';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readSource } from '@nianbao/parse';
import { MAX_TEXT_LENGTH, type Analyzer } from '../analysis.js';
import { filePathOf, isCandidate } from '../selection.js';
import type { Session } from './session.js';

export interface ClosedFileReport {
  items: LspDiagnostic[];
  resultId: string;
}

/** The diagnostics of a file that is not open, or undefined for one that is not a report (or cannot be read). */
export type ClosedFileReader = (uri: string, stamp: string | undefined) => Promise<ClosedFileReport | undefined>;

/** Reads a file that is not open as the CLI reads it (bytes, any encoding, .docx and PDF too) and analyses it. */
export function closedFileReader(analyzer: Pick<Analyzer, 'analyze'>, session: Session): ClosedFileReader {
  return async (uri, stamp) => {
    const path = filePathOf(uri);
    if (!path || !isCandidate(uri, undefined)) return undefined;
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      return undefined;
    }
    const view = await readSource(bytes, path);
    if (view.problems.some((p) => p.fatal) || (view.encoding === 'binary' && view.format !== 'docx' && view.format !== 'pdf')) return undefined;
    const shown = view.origin?.sourceText ?? view.text;
    if (shown.length > MAX_TEXT_LENGTH) return undefined;
    const text = TextDocument.create(uri, 'plaintext', 0, shown);
    const analysis = await analyzer.analyze({ uri, version: null, text: shown, positionAt: (o) => text.positionAt(o), view });
    if (!analysis?.selected) return undefined;
    return { items: analysis.diagnostics, resultId: stamp ?? `disk:${session.epoch}` };
  };
}
