import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../hover.js';
import type { AnalysisOf } from './open-documents.js';

/** `textDocument/hover`: a total's arithmetic, a label's meaning, what a section must contain. */
export function hoverHandler(analysisOf: AnalysisOf): (params: HoverParams) => Promise<Hover | null> {
  return async (params) => {
    const found = await analysisOf(params.textDocument.uri);
    if (!found?.analysis.selected || !found.analysis.document) return null;
    const offset = found.document.offsetAt(params.position);
    return hoverAt(found.analysis.document, found.analysis.lintOptions.previous?.document, offset, found.analysis.locale);
  };
}
