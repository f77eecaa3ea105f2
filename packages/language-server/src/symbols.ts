import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Span } from '@nianbao/parse';
import type { LabelNode, ReportDocument, TableNode } from '@nianbao/parse';
import type { Locale } from '@nianbao/lint';
import { tableFormatOf } from './totals.js';
import { t } from './messages.js';
import { placeOf, toLspRange } from './positions.js';

function symbol(document: ReportDocument, name: string, kind: SymbolKind, range: Span, selection: Span, children: DocumentSymbol[] = [], detail?: string): DocumentSymbol {
  const s: DocumentSymbol = { name: name || '…', kind, range: toLspRange(placeOf(range, document)), selectionRange: toLspRange(placeOf(selection, document)), children };
  if (detail !== undefined) s.detail = detail;
  return s;
}

const within = (inner: Span, outer: Span): boolean => inner.start.offset >= outer.start.offset && inner.end.offset <= outer.end.offset;

/** A table with its blocks (Table 二) or row groups (三, 四) as children, each running to the next. */
function tableSymbol(document: ReportDocument, table: TableNode, locale: Locale): DocumentSymbol {
  const spec = tableFormatOf(document).tables[table.id];
  const role: LabelNode['role'] = spec.layout === 'blocks' ? 'block' : 'group';
  // Row groups only: a spanning column header (申请人情况) is not a part of the table one navigates to.
  const rowGroups = new Set(spec.rows.map((r) => r.group));
  const marks = table.labels
    .filter((l) => l.role === role && within(l.span, table.span) && (role === 'block' || rowGroups.has(l.match.id))).sort((a, b) => a.span.start.offset - b.span.start.offset);
  const children = marks.map((label, i) => {
    const next = marks[i + 1];
    const end = next ? next.span.start : table.span.end;
    return symbol(document, label.match.canonical, SymbolKind.Struct, { start: label.span.start, end: end.offset > label.span.end.offset ? end : label.span.end }, label.span);
  });
  return symbol(document, `${t(locale, 'tableName', { numeral: spec.numeral })} ${spec.title}`, SymbolKind.Array, table.span, table.span, children);
}

/**
 * The outline: the title, the six sections with their sub-headings (short enumerated paragraphs) and
 * their tables. A child's range always lies inside its parent's, as clients require.
 */
export function documentSymbols(document: ReportDocument, locale: Locale): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  if (document.title) out.push(symbol(document, document.title.text, SymbolKind.File, document.title.span, document.title.span));
  const placed = new Set<TableNode>();
  for (const section of document.sections) {
    const children: DocumentSymbol[] = [];
    const items: Array<{ at: number; s: DocumentSymbol }> = [];
    for (const p of document.paragraphs) {
      if (!p.headingLike || !within(p.span, section.span) || p.span.start.offset < section.heading.span.end.offset) continue;
      items.push({ at: p.span.start.offset, s: symbol(document, p.text.trim(), SymbolKind.Namespace, p.span, p.span) });
    }
    for (const table of document.tables) {
      if (placed.has(table) || !within(table.span, section.span)) continue;
      placed.add(table);
      items.push({ at: table.span.start.offset, s: tableSymbol(document, table, locale) });
    }
    items.sort((a, b) => a.at - b.at);
    children.push(...items.map((i) => i.s));
    out.push(symbol(document, section.heading.text, SymbolKind.Module, section.span, section.heading.span, children));
  }
  for (const table of document.tables) if (!placed.has(table)) out.push(tableSymbol(document, table, locale));
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
