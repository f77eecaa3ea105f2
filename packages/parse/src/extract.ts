import {
  TABLE_IDS,
  agencyKindFromName,
  formatsOf,
  type ExtractionIssue,
  type FormatYear,
  type ReportData,
  type TableData,
  type TableId,
  type TableSpec,
} from '@nianbao/format';
import type { CellNode, ReportDocument, RowNode, TableNode } from './model.js';
import type { Span } from './source.js';
import { documentLocator } from './readers/origin.js';

export type ExtractResult =
  | { ok: true; data: ReportData }
  /** `not-a-report`: nothing marks the text as an annual report; `no-year`: no report year anywhere. */
  | { ok: false; reason: 'not-a-report' | 'no-year' };

type Placer = (span: Span) => Pick<ExtractionIssue, 'line' | 'column' | 'endLine' | 'endColumn'>;

/** Places of the file itself: a page's issue points into its HTML (the model's spans are the view's). */
function placer(doc: ReportDocument): Placer {
  const locate = doc.source.origin ? documentLocator(doc) : undefined;
  return (span) => {
    if (!locate) return { line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column };
    const r = locate(span.start.offset, span.end.offset);
    return { line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column };
  };
}



function cellsAsFound(row: RowNode, place: Placer): NonNullable<ExtractionIssue['cells']> {
  return row.cells.map((c) => ({ text: c.text, line: place(c.span).line!, column: place(c.span).column! }));
}

/**
 * The value a cell holds for its column, or null when it holds none of the column's kind: a count is a
 * whole number, not negative; only a signed count may be negative; amounts are not negative. Amounts in
 * the 2019 采购总金额 column are held in yuan; the cell may say 万元.
 */
function cellValue(cell: CellNode, spec: TableSpec): number | null {
  if (cell.kind !== 'number' || cell.value === null) return null;
  const column = spec.columns.find((c) => c.id === cell.column);
  const kind = column?.valueKind ?? 'count';
  const value = cell.value;
  if (!Number.isFinite(value)) return null;
  if ((kind === 'count' || kind === 'signedCount') && !Number.isInteger(value)) return null;
  if (kind !== 'signedCount' && value < 0) return null;
  if (kind === 'amountYuan' && cell.unit === '万元') return Math.round(value * 10000 * 100) / 100;
  return value;
}

function emptyTable(spec: TableSpec): TableData {
  return Object.fromEntries(spec.rows.map((r) => [r.id, Object.fromEntries(r.columns.map((c) => [c, null]))]));
}

function tableData(spec: TableSpec, table: TableNode | undefined, issues: ExtractionIssue[], place: Placer): TableData {
  const data = emptyTable(spec);
  const label = `表${spec.numeral}`;
  if (!table) {
    issues.push({ kind: 'table-missing', table: spec.id, message: `未找到${label}（${spec.title}）。` });
    return data;
  }
  if (!table.hasData) {
    issues.push({ kind: 'no-data', table: spec.id, ...place(table.span), message: `${label}只有表头，没有数据行。` });
    return data;
  }
  for (const row of table.rows) {
    if (row.id === undefined || row.duplicate) continue;
    const target = data[row.id];
    if (!target) continue;
    const rowLabel = row.label?.text ?? spec.rows.find((r) => r.id === row.id)?.label ?? row.id;
    if (row.shape !== 'ok') {
      // A row the layout left unplaceable, or one of the wrong shape: its cells as found, none placed.
      const unplaced = row.shape === 'unplaced';
      issues.push({
        kind: unplaced ? 'unreadable' : 'row-shape',
        table: spec.id,
        row: row.id,
        label: rowLabel,
        expectedCells: row.expectedCells,
        cells: cellsAsFound(row, place),
        ...place(row.span),
        message: unplaced
          ? `${label}“${rowLabel}”一行的数字无法确定各属哪一列（版式丢失了单元格边界）。`
          : `${label}“${rowLabel}”一行应有 ${row.expectedCells} 个单元格，实有 ${row.cells.length} 个，无法确定各数所属的列。`,
      });
      continue;
    }
    for (const cell of row.cells) {
      if (cell.column === undefined || !(cell.column in target)) continue;
      const value = cellValue(cell, spec);
      target[cell.column] = value;
      if (cell.kind === 'text' || (cell.kind === 'number' && value === null)) {
        issues.push({
          kind: 'cell-value',
          table: spec.id,
          row: row.id,
          label: rowLabel,
          cells: [{ text: cell.text, line: place(cell.span).line!, column: place(cell.span).column! }],
          ...place(cell.span),
          message: cell.kind === 'text' ? `${label}“${rowLabel}”一行的“${cell.text}”不是数字。` : `${label}“${rowLabel}”一行的“${cell.text}”不是这一列可填的数（件数是非负整数，金额不为负）。`,
        });
      }
    }
  }
  for (const id of table.missingRows) {
    const row = spec.rows.find((r) => r.id === id)!;
    issues.push({ kind: 'row-missing', table: spec.id, row: id, label: row.label, ...place(table.span), message: `${label}缺少“${row.label}”一行。` });
  }
  for (const row of table.unrecognized) {
    if (row.shape === 'unplaced') {
      issues.push({ kind: 'unreadable', table: spec.id, cells: cellsAsFound(row, place), ...place(row.span), message: `${label}的数据行无法确定各数所属的格（版式丢失了单元格边界）。` });
      continue;
    }
    issues.push({
      kind: 'row-shape',
      table: spec.id,
      ...(row.label ? { label: row.label.text } : {}),
      cells: cellsAsFound(row, place),
      ...place(row.span),
      message: `${label}中有一行无法对应到格式中的任何一行。`,
    });
  }
  return data;
}

/**
 * The report's data (valid against `schemas/report-data.schema.json`) as read from its model. Cells that
 * cannot be placed are `null`, and the rows they stand in are listed under `extractionIssues` as found.
 */
export function toReportData(doc: ReportDocument, options: { reportYear?: number } = {}): ExtractResult {
  if (!doc.isReport) return { ok: false, reason: 'not-a-report' };
  // A report that names no year of its own (an excerpt, a copy without its title) takes the caller's.
  const reportYear = doc.reportYear ?? options.reportYear;
  // A year outside the schema's range (`2108年度报告`, a typo) is no year the data can hold.
  if (reportYear === undefined || !Number.isInteger(reportYear) || reportYear < 2008 || reportYear > 2100) return { ok: false, reason: 'no-year' };
  const place = placer(doc);
  const format = formatsOf({ reportYear, tableFormatYear: doc.tableFormatYear }).tables;
  const formatYear: FormatYear = format.year;
  const issues: ExtractionIssue[] = [];
  const tables = Object.fromEntries(
    TABLE_IDS.map((id) => [id, tableData(format.tables[id], doc.tables.find((t) => t.id === id), issues, place)]),
  ) as Record<TableId, TableData>;
  const agencyName = doc.title?.agency ?? null;
  const notice = doc.notices.find((n) => n.formatYear !== undefined) ?? doc.notices[0];
  const data: ReportData = {
    title: doc.title?.text ?? null,
    agency: { name: agencyName, kind: agencyName ? agencyKindFromName(agencyName) : null },
    reportYear,
    formatYear,
    citedNotice: notice?.normalized ?? null,
    period: doc.period ? { start: doc.period.start?.iso ?? null, end: doc.period.end?.iso ?? null } : null,
    publicationDate: doc.signatureDate?.iso ?? null,
    contact: doc.contact ? { ...doc.contact } : null,
    processingFee:
      doc.fee && doc.fee.collected !== null
        ? doc.fee.collected
          ? { collected: true, amountYuan: doc.fee.amountYuan }
          : { collected: false }
        : null,
    tables,
  };
  // The period's own words, as the report states them: a reviewer checks the dates against them.
  if (data.period) data.period.text = doc.period!.text;
  if (issues.length > 0) data.extractionIssues = issues;
  return { ok: true, data };
}
