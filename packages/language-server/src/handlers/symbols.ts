import type { DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver/node';
import { documentSymbols } from '../symbols.js';
import type { AnalysisOf } from './open-documents.js';

/** `textDocument/documentSymbol`: the report's outline; none for a document that is not a report. */
export function symbolsHandler(analysisOf: AnalysisOf): (params: DocumentSymbolParams) => Promise<DocumentSymbol[]> {
  return async (params) => {
    const found = await analysisOf(params.textDocument.uri);
    if (!found?.analysis.selected || !found.analysis.document) return [];
    return documentSymbols(found.analysis.document, found.analysis.locale);
  };
}
