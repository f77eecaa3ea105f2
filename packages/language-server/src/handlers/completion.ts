import type { CompletionItem, CompletionParams } from 'vscode-languageserver/node';
import { completions } from '../completion.js';
import type { AnalysisOf } from './open-documents.js';

/** `textDocument/completion`: canonical headings and labels, from the text before the cursor. */
export function completionHandler(analysisOf: AnalysisOf): (params: CompletionParams) => Promise<CompletionItem[]> {
  return async (params) => {
    const found = await analysisOf(params.textDocument.uri);
    if (!found?.analysis.selected || !found.analysis.document) return [];
    const offset = found.document.offsetAt(params.position);
    const lineStart = found.document.offsetAt({ line: params.position.line, character: 0 });
    const linePrefix = found.snapshot.text.slice(lineStart, offset);
    return completions(found.analysis.document, { offset, position: params.position, linePrefix }, found.analysis.locale);
  };
}
