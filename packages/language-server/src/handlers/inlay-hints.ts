import type { InlayHint, InlayHintParams } from 'vscode-languageserver/node';
import { inlayHints } from '../inlay-hints.js';
import type { AnalysisOf } from './open-documents.js';

/**
 * `textDocument/inlayHint`: each total's computed sum and ✓/✗, from the document's current analysis
 * (made in a lint worker; waited for when under way, never made on this thread).
 */
export function inlayHintHandler(analysisOf: AnalysisOf): (params: InlayHintParams) => Promise<InlayHint[]> {
  return async (params) => {
    const found = await analysisOf(params.textDocument.uri);
    if (!found?.analysis.selected || !found.analysis.document) return [];
    return inlayHints(found.analysis.document, params.range, found.analysis.locale);
  };
}
