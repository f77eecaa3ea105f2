import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import { canonicalHeading, type TableId } from '@nianbao/format';
import type { Locale } from '@nianbao/lint';
import type { ReportDocument } from '@nianbao/parse';
import { tableFormatOf } from './totals.js';

/** What completion needs of the text around the cursor. */
export interface CursorContext {
  /** 0-based offset of the cursor in the text. */
  offset: number;
  position: Position;
  /** The line's text from its start to the cursor. */
  linePrefix: string;
}

/** A heading being typed: optional Markdown marker, then at most a few characters, no sentence yet. */
const HEADING_START = /^(\s*(?:#{1,6}\s+)?)([^\s|。，；：！？]{0,16})$/u;

/** The table the cursor is in (or just below, when a new row is typed), or the table of a `|` line's section. */
function tableAt(document: ReportDocument, offset: number, linePrefix: string): TableId | undefined {
  const slack = linePrefix.length + 1;
  const inside = document.tables.find((tb) => offset >= tb.span.start.offset && offset <= tb.span.end.offset + slack);
  if (inside) return inside.id;
  if (!linePrefix.includes('|')) return undefined;
  let section: ReportDocument['sections'][number] | undefined;
  for (const s of document.sections) if (s.span.start.offset <= offset) section = s;
  const spec = section ? tableFormatOf(document).sections.find((s) => s.id === section.id) : undefined;
  return spec?.table;
}

/**
 * Completion: the canonical section headings at the start of a line, and the canonical row and
 * column labels inside a table. Each item replaces what was typed of it, so the result is the
 * format's exact wording.
 */
export function completions(document: ReportDocument, cursor: CursorContext, locale: Locale): CompletionItem[] {
  const format = tableFormatOf(document);
  const table = tableAt(document, cursor.offset, cursor.linePrefix);
  if (table) {
    const spec = format.tables[table];
    // In a GFM row, the cell being typed starts after the last `|`; in plain text, at the line's start.
    const bar = cursor.linePrefix.lastIndexOf('|');
    const typed = cursor.linePrefix.slice(bar + 1);
    const startChar = bar + 1 + (typed.length - typed.trimStart().length);
    const range = { start: { line: cursor.position.line, character: startChar }, end: cursor.position };
    const items: CompletionItem[] = [];
    const add = (label: string, kind: CompletionItemKind, detail: string, order: number): void => {
      items.push({ label, kind, detail, sortText: String(order).padStart(3, '0'), filterText: label, textEdit: { range, newText: label } });
    };
    spec.rows.forEach((r, i) => add(r.label, CompletionItemKind.EnumMember, r.description[locale], i));
    spec.columns.forEach((c, i) => add(c.label, CompletionItemKind.Field, c.description[locale], 100 + i));
    spec.groups.forEach((g, i) => add(g.label, CompletionItemKind.Module, g.description[locale], 200 + i));
    spec.blocks.forEach((b, i) => add(b.label, CompletionItemKind.Module, b.rows.map((id) => spec.rows.find((r) => r.id === id)?.label ?? id).join('、'), 300 + i));
    return items;
  }
  const m = HEADING_START.exec(cursor.linePrefix);
  if (!m) return [];
  const startChar = m[1]!.length;
  const range = { start: { line: cursor.position.line, character: startChar }, end: cursor.position };
  return format.sections.map((s, i) => {
    const heading = canonicalHeading(s);
    return {
      label: heading,
      kind: CompletionItemKind.Keyword,
      detail: s.contents[locale],
      sortText: String(i),
      filterText: heading,
      textEdit: { range, newText: heading },
    };
  });
}
