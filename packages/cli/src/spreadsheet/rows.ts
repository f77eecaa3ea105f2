import { placedRows, tableOf } from '@nianbao/lint';
import type { ReportDocument } from '@nianbao/parse';
import { TABLE_IDS, type ReportData } from '@nianbao/format';
import type { SheetColumn } from './columns.js';

/**
 * What a cell holds when no number could be read from it and the report did not leave it blank: its row
 * could not be placed (the layout lost the cell boundaries, the row has the wrong number of cells), it
 * holds words, or its row or table is missing. Chinese in every locale, like the headings: it is data.
 */
export const UNREADABLE = '无法读取';

/** One report as the spreadsheet reads it: its data as `extract` gives it, which cells are blank, its findings counted. */
export interface SheetReport {
  file: string;
  data: ReportData;
  /** `table\0row\0column` of every cell the report left blank. */
  blank: ReadonlySet<string>;
  errors: number;
  warnings: number;
}

export type SheetValue = string | number | null;

export const cellKey = (table: string, row: string, column: string): string => `${table}\u0000${row}\u0000${column}`;

/** The cells a report left blank, as the identity rules see them (placed rows only): empty in the sheet, not `无法读取`. */
export function blankCells(document: ReportDocument): Set<string> {
  const out = new Set<string>();
  for (const id of TABLE_IDS) {
    for (const [rowId, row] of placedRows(tableOf(document, id))) {
      for (const cell of row.cells) if (cell.column !== undefined && cell.kind === 'blank') out.add(cellKey(id, rowId, cell.column));
    }
  }
  return out;
}

/** A report's row: its facts, its counts, and each cell's number, empty when blank, `无法读取` otherwise. Null is an empty cell. */
export function sheetRow(report: SheetReport, columns: readonly SheetColumn[]): SheetValue[] {
  const { data } = report;
  return columns.map((c): SheetValue => {
    switch (c.kind) {
      case 'file':
        return report.file;
      case 'agency':
        return data.agency.name;
      case 'agencyKind':
        return data.agency.kind;
      case 'reportYear':
        return data.reportYear;
      case 'formatYear':
        return data.formatYear;
      case 'publicationDate':
        return data.publicationDate;
      case 'errors':
        return report.errors;
      case 'warnings':
        return report.warnings;
      case 'cell': {
        const value = data.tables[c.table]?.[c.row]?.[c.column];
        if (typeof value === 'number') return value;
        return report.blank.has(cellKey(c.table, c.row, c.column)) ? null : UNREADABLE;
      }
    }
  });
}
