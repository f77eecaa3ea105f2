import type { CodeAction, CodeActionParams } from 'vscode-languageserver/node';
import type { Analyzer } from '../analysis.js';
import { codeActions, wantsFixAll } from '../code-actions.js';
import type { AnalysisOf } from './open-documents.js';
import type { Session } from './session.js';

/**
 * `textDocument/codeAction`: the actions of the document's current findings at the range. Fix-all
 * re-lints until no fix is left: that runs in a lint worker, never on the server's thread.
 */
export function codeActionHandler(analysisOf: AnalysisOf, session: Session, analyzer: Pick<Analyzer, 'fixAll'>): (params: CodeActionParams) => Promise<CodeAction[]> {
  return async (params) => {
    const found = await analysisOf(params.textDocument.uri);
    if (!found) return [];
    // Cancelled (the document changed meanwhile): the unchanged text offers no fix-all for a stale version.
    const fixedText = wantsFixAll(found.analysis, params) ? ((await analyzer.fixAll(found.snapshot)) ?? found.snapshot.text) : undefined;
    return codeActions({ analysis: found.analysis, snapshot: found.snapshot, snippetEdits: session.abilities.snippetEdits, ...(fixedText !== undefined ? { fixedText } : {}) }, params);
  };
}
