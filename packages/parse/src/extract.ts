import {
  FORMATS,
  TABLE_IDS,
  agencyKindFromName,
  formatYearFor,
  type ExtractionIssue,
  type FormatYear,
  type ReportData,
  type TableData,
  type TableId,
  type TableSpec,
} from '@nianbao/format';
import type { CellNode, ReportDocument, RowNode, TableNode } from './model.js';
import type { Span } from './source.js';

export type ExtractResult =
  | { ok: true; data: ReportData }
  /** `not-a-report`: nothing marks the text as an annual report; `no-year`: no report year anywhere. */
  | { ok: false; reason: 'not-a-report' | 'no-year' };

function place(span: Span): Pick<ExtractionIssue, 'line' | 'column' | 'endLine' | 'endColumn'> {
  return { line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column };
}

function cellsAsFound(row: RowNode): NonNullable<ExtractionIssue['cells']> {
  return row.cells.map((c) => ({ text: c.text, line: c.span.start.line, column: c.span.start.column }));
}

/** Amounts in the 2019 采购总金额 column are held in yuan; the cell may say 万元. */
function cellValue(cell: CellNode, spec: TableSpec): number | null {
  if (cell.kind !== 'number' || cell.value === null) return null;
  const column = spec.columns.find((c) => c.id === cell.column);
  if (column?.valueKind === 'amountYuan' && cell.unit === '万元') return Math.round(cell.value * 10000 * 100) / 100;
  return cell.value;
}

function emptyTable(spec: TableSpec): TableData {
  return Object.fromEntries(spec.rows.map((r) => [r.id, Object.fromEntries(r.columns.map((c) => [c, null]))]));
}

function tableData(spec: TableSpec, table: TableNode | undefined, issues: ExtractionIssue[]): TableData {
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
      issues.push({
        kind: 'row-shape',
        table: spec.id,
        row: row.id,
        label: rowLabel,
        expectedCells: row.expectedCells,
        cells: cellsAsFound(row),
        ...place(row.span),
        message: `${label}“${rowLabel}”一行应有 ${row.expectedCells} 个单元格，实有 ${row.cells.length} 个，无法确定各数所属的列。`,
      });
      continue;
    }
    for (const cell of row.cells) {
      if (cell.column === undefined || !(cell.column in target)) continue;
      target[cell.column] = cellValue(cell, spec);
      if (cell.kind === 'text') {
        issues.push({
          kind: 'cell-value',
          table: spec.id,
          row: row.id,
          label: rowLabel,
          cells: [{ text: cell.text, line: cell.span.start.line, column: cell.span.start.column }],
          ...place(cell.span),
          message: `${label}“${rowLabel}”一行的“${cell.text}”不是数字。`,
        });
      }
    }
  }
  for (const id of table.missingRows) {
    const row = spec.rows.find((r) => r.id === id)!;
    issues.push({ kind: 'row-missing', table: spec.id, row: id, label: row.label, ...place(table.span), message: `${label}缺少“${row.label}”一行。` });
  }
  for (const row of table.unrecognized) {
    issues.push({
      kind: 'row-shape',
      table: spec.id,
      ...(row.label ? { label: row.label.text } : {}),
      cells: cellsAsFound(row),
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
export function toReportData(doc: ReportDocument): ExtractResult {
  if (!doc.isReport) return { ok: false, reason: 'not-a-report' };
  const reportYear = doc.reportYear;
  if (reportYear === undefined) return { ok: false, reason: 'no-year' };
  const formatYear: FormatYear = doc.tableFormatYear ?? formatYearFor(reportYear);
  const format = FORMATS[formatYear];
  const issues: ExtractionIssue[] = [];
  const tables = Object.fromEntries(
    TABLE_IDS.map((id) => [id, tableData(format.tables[id], doc.tables.find((t) => t.id === id), issues)]),
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
  if (data.period && (data.period.start === null || data.period.end === null)) data.period.text = doc.period!.text;
  if (issues.length > 0) data.extractionIssues = issues;
  return { ok: true, data };
}
