import type { CodeAction, CodeActionParams } from 'vscode-languageserver/node';
import { codeActions } from '../code-actions.js';
import type { AnalysisOf } from './open-documents.js';
import type { Session } from './session.js';

/** `textDocument/codeAction`: the actions of the document's current findings at the range. */
export function codeActionHandler(analysisOf: AnalysisOf, session: Session): (params: CodeActionParams) => Promise<CodeAction[]> {
  return async (params) => {
    const found = await analysisOf(params.textDocument.uri);
    if (!found) return [];
    return codeActions({ analysis: found.analysis, snapshot: found.snapshot, snippetEdits: session.abilities.snippetEdits }, params);
  };
}
