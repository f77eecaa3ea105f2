import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { canonicalHeading, sectionSpec, termLabel, type FormatSpec } from '@nianbao/format';
import type { Locale } from '@nianbao/lint';
import { viewOffsetAt, type CellNode, type LabelNode, type ReportDocument, type RowNode, type TableNode } from '@nianbao/parse';
import { t } from './messages.js';
import { placeOf, spanContains, toLspRange } from './positions.js';
import { tableFormatOf, totalChecks, type TotalCheck } from './totals.js';

/** The sub-group a row's label stands under in the report (（三）不予公开 for 1.属于国家秘密), if any. */
function subGroupOf(format: FormatSpec, check: TotalCheck, rowId: string): string {
  const spec = format.tables[check.identity.table];
  const group = spec.groups.find((g) => g.id === spec.rows.find((r) => r.id === rowId)?.group);
  return group?.parent !== undefined ? group.label : '';
}

/**
 * The addends with their values as a Markdown table laid out as they stand in the report: across for a
 * row's total; down for a column's, each item beside the sub-group it belongs to (there are several “1.”).
 */
function addendTable(format: FormatSpec, check: TotalCheck, locale: Locale): string[] {
  const addendSide = check.totalSide === 'left' ? 'right' : 'left';
  const addends = check.evaluation.terms
    .filter((x) => x.side === addendSide)
    .map((term) => ({
      ref: term.term.ref,
      label: `${term.term.sign === -1 ? '− ' : ''}${term.term.previousYear ? t(locale, 'hoverLastYear') : ''}${termLabel(format, check.identity, term.term.ref)}`,
      value: term.value === undefined ? '—' : String(term.value),
    }));
  if (check.identity.per === 'row') {
    return [`| ${addends.map((a) => a.label).join(' | ')} |`, `|${' ---: |'.repeat(addends.length)}`, `| ${addends.map((a) => a.value).join(' | ')} |`];
  }
  const groups = addends.map((a) => subGroupOf(format, check, a.ref));
  if (groups.every((g) => g === '')) {
    return [`| ${t(locale, 'hoverAddend')} | ${t(locale, 'hoverValue')} |`, '| --- | ---: |', ...addends.map((a) => `| ${a.label} | ${a.value} |`)];
  }
  // A sub-group's label on its first item only, as the report prints it.
  const shown = groups.map((g, i) => (g !== '' && g === groups[i - 1] ? '' : g));
  return [`| | ${t(locale, 'hoverAddend')} | ${t(locale, 'hoverValue')} |`, '| --- | --- | ---: |', ...addends.map((a, i) => `| ${shown[i]} | ${a.label} | ${a.value} |`)];
}

/** A total's result: the sum against what is written, the difference, ✓ or ✗ (the hover's line, the inlay hint's tooltip). */
export function totalResult(check: TotalCheck, locale: Locale): string {
  if (check.sum === undefined || check.written === undefined || check.difference === undefined) return t(locale, 'hoverUnreadable');
  const mark = t(locale, check.difference === 0 ? 'hoverHolds' : 'hoverFails');
  return `${t(locale, 'hoverSum')} **${check.sum}** · ${t(locale, 'hoverWritten')} **${check.written}** · ${t(locale, 'hoverDifference')} **${check.difference}** — ${mark}`;
}

/** On a total: the formula, the sum against what is written and the difference, then the addends in a table. */
function totalHover(document: ReportDocument, previous: ReportDocument | undefined, table: TableNode, row: RowNode, cell: CellNode, locale: Locale): string[] {
  const format = tableFormatOf(document);
  return totalChecks(document, previous, table, row, cell).map((check) =>
    [`**${t(locale, 'hoverIdentity')}**: ${check.identity.description[locale]}`, '', totalResult(check, locale), '', ...addendTable(format, check, locale)].join('\n'),
  );
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
