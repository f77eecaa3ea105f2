import type { Range } from 'vscode-languageserver/node';
import { documentLocator, type ReportDocument, type Span } from '@nianbao/parse';

/** A place as the core reports it: 1-based lines and columns (UTF-16 code units), end exclusive. */
export interface CorePlace {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * The one conversion from core positions to LSP ranges. Both sides count columns in UTF-16 code units
 * (the LSP default encoding), so only the base changes: 1-based → 0-based. Nothing else in the server
 * does this arithmetic. Clamped at 0 so that a place without a position (0:0) still makes a valid range.
 */
export function toLspRange(place: CorePlace): Range {
  return {
    start: { line: Math.max(0, place.line - 1), character: Math.max(0, place.column - 1) },
    end: { line: Math.max(0, place.endLine - 1), character: Math.max(0, place.endColumn - 1) },
  };
}

/**
 * A parser span as a core place (still 1-based), so that it goes through `toLspRange` too. Spans are in
 * the reader's view: for a page read out of HTML, the document maps them back onto the editor's text.
 */
export function placeOf(span: Span, document?: ReportDocument): CorePlace {
  if (document?.source.origin) {
    const r = documentLocator(document)(span.start.offset, span.end.offset);
    return { line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column };
  }
  return { line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column };
}

/** Whether a 0-based offset lies in a span (end inclusive: a cursor just after a word is still on it). */
export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.start.offset && offset <= span.end.offset;
}
