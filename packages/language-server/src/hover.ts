import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { FORMATS, canonicalHeading, evaluate, formatFor, identityPlaces, sectionSpec, termLabel, type FormatSpec, type Identity, type IdentityTerm, type TableSpec } from '@nianbao/format';
import { placedRows, readCell, tableOf, type Locale } from '@nianbao/lint';
import { viewOffsetAt, type CellNode, type LabelNode, type ReportDocument, type RowNode, type TableNode } from '@nianbao/parse';
import { t } from './messages.js';
import { placeOf, spanContains, toLspRange } from './positions.js';

/** The format the document's tables follow, chosen as lint chooses it. */
export function tableFormatOf(document: ReportDocument): FormatSpec {
  const format = formatFor(document.reportYear ?? document.tableFormatYear ?? 2021);
  return FORMATS[document.tableFormatYear ?? format.year];
}

/** The identities in which a cell is the total: the single term of one side; the other side is its addends. */
function identitiesTotalling(format: FormatSpec, table: TableNode, row: RowNode, cell: CellNode, hasPrevious: boolean): Array<{ identity: Identity; place: string; totalSide: 'left' | 'right' }> {
  const out: Array<{ identity: Identity; place: string; totalSide: 'left' | 'right' }> = [];
  if (row.id === undefined || cell.column === undefined) return out;
  for (const identity of format.identities) {
    if (identity.table !== table.id) continue;
    if (!hasPrevious && [...identity.left, ...identity.right].some((term) => term.previousYear)) continue;
    const place = identity.per === 'column' ? cell.column : row.id;
    const ref = identity.per === 'column' ? row.id : cell.column;
    if (!identityPlaces(format, identity).includes(place)) continue;
    const isTotal = (side: IdentityTerm[]): boolean => side.length === 1 && side[0]!.ref === ref && !side[0]!.previousYear;
    if (isTotal(identity.left)) out.push({ identity, place, totalSide: 'left' });
    else if (isTotal(identity.right)) out.push({ identity, place, totalSide: 'right' });
  }
  return out;
}

/** On a total: the identity, each addend with its value, the sum, what is written, and the difference (the format's `evaluate`). */
function totalHover(document: ReportDocument, previous: ReportDocument | undefined, table: TableNode, row: RowNode, cell: CellNode, locale: Locale): string[] {
  const format = tableFormatOf(document);
  const spec = format.tables[table.id];
  const parts: string[] = [];
  const rows = placedRows(tableOf(document, table.id));
  const previousRows = placedRows(previous ? tableOf(previous, table.id) : undefined);
  for (const { identity, place, totalSide } of identitiesTotalling(format, table, row, cell, previous !== undefined)) {
    const own = identity.per === 'column' ? readCell(rows, row.id!, place) : readCell(rows, place, cell.column!);
    // A cell in a duplicate or malformed row is not what lint reads: say nothing rather than mislead.
    if (own && own.cell !== cell) continue;
    const evaluation = evaluate(identity, place, (c) => readCell(c.previousYear ? previousRows : rows, c.row, c.column)?.value);
    const addendSide = totalSide === 'left' ? 'right' : 'left';
    const lines = [`**${t(locale, 'hoverIdentity')}**: ${identity.description[locale]}`, ''];
    for (const term of evaluation.terms.filter((x) => x.side === addendSide)) {
      const sign = term.term.sign === -1 ? '− ' : '';
      const last = term.term.previousYear ? t(locale, 'hoverLastYear') : '';
      lines.push(`- ${sign}${last}${termLabel(format, identity, term.term.ref)}: ${term.value ?? '—'}`);
    }
    lines.push('');
    const sum = evaluation[addendSide];
    if (own && sum !== undefined && evaluation.difference !== undefined) {
      const difference = totalSide === 'left' ? evaluation.difference : -evaluation.difference;
      lines.push(
        `${t(locale, 'hoverSum')} **${sum}** · ${t(locale, 'hoverWritten')} **${own.value}** · ${t(locale, 'hoverDifference')} **${difference}** — ${t(locale, difference === 0 ? 'hoverHolds' : 'hoverFails')}`,
      );
    } else {
      lines.push(t(locale, 'hoverUnreadable'));
    }
    parts.push(lines.join('\n'));
  }
  return parts;
}

/** On any placed cell: which row and column it is, and what the column counts. */
function cellHeader(document: ReportDocument, table: TableNode, row: RowNode, cell: CellNode, locale: Locale): string | undefined {
  const spec = tableFormatOf(document).tables[table.id];
  const rowSpec = spec.rows.find((r) => r.id === row.id);
  const column = spec.columns.find((c) => c.id === cell.column);
  if (!rowSpec || !column) return undefined;
  return `**${rowSpec.label}** × **${column.label}** — ${column.description[locale]}`;
}

/** On a row, column, group or block label: the canonical label and what it counts. */
function labelHover(document: ReportDocument, table: TableNode, label: LabelNode, locale: Locale): string | undefined {
  const spec = tableFormatOf(document).tables[table.id];
  const id = label.match.id;
  const description =
    label.role === 'row'
      ? spec.rows.find((r) => r.id === id)?.description
      : label.role === 'column'
        ? spec.columns.find((c) => c.id === id)?.description
        : label.role === 'group'
          ? spec.groups.find((g) => g.id === id)?.description
          : undefined;
  const lines = [`**${label.match.canonical}**`];
  if (description) lines.push('', description[locale]);
  if (label.role === 'block') {
    const block = spec.blocks.find((b) => b.id === id);
    if (block) lines.push('', block.rows.map((r) => spec.rows.find((x) => x.id === r)?.label ?? r).join('、'));
  }
  if (label.text !== label.match.canonical) lines.push('', `${t(locale, 'hoverCanonical')}: ${label.match.canonical}`);
  return lines.join('\n');
}

function markdown(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

/** The hover at an offset: a total's arithmetic, a label's meaning, or what a section must contain. */
export function hoverAt(document: ReportDocument, previous: ReportDocument | undefined, editorOffset: number, locale: Locale): Hover | null {
  const offset = viewOffsetAt(document, editorOffset);
  for (const table of document.tables) {
    if (!spanContains(table.span, offset)) continue;
    for (const row of table.rows) {
      if (!spanContains(row.span, offset)) continue;
      for (const cell of row.cells) {
        if (!spanContains(cell.span, offset) || cell.text === '') continue;
        const parts = [cellHeader(document, table, row, cell, locale), ...totalHover(document, previous, table, row, cell, locale)].filter((p): p is string => p !== undefined);
        if (parts.length > 0) return { contents: markdown(parts.join('\n\n---\n\n')), range: toLspRange(placeOf(cell.span, document)) };
      }
    }
    const labels = [...table.labels, ...table.rows.flatMap((r) => (r.label ? [r.label] : []))];
    const label = labels.find((l) => spanContains(l.span, offset) || l.pieces?.some((p) => spanContains(p, offset)));
    if (label) {
      const text = labelHover(document, table, label, locale);
      if (text) return { contents: markdown(text), range: toLspRange(placeOf(label.span, document)) };
    }
  }
  const section = document.sections.find((s) => spanContains(s.heading.span, offset));
  if (section) {
    const spec = sectionSpec(section.id);
    const text = `**${canonicalHeading(spec)}**\n\n${t(locale, 'hoverSectionMust')}: ${spec.contents[locale]}`;
    return { contents: markdown(text), range: toLspRange(placeOf(section.heading.span, document)) };
  }
  return null;
}
