import type { SheetValue } from './rows.js';

export interface Sheet {
  name: string;
  headings: readonly string[];
  rows: ReadonlyArray<readonly SheetValue[]>;
  /** Columns before the table cells (file, agency, …): frozen with the heading row. */
  frozenColumns: number;
}

/**
 * The sheets as one .xlsx workbook (exceljs, loaded here only: every other command and format starts
 * without it). Numbers are numbers, text is text (never a formula), empty is an empty cell.
 */
export async function toXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'nianbao';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: 1 }] });
    ws.addRow([...sheet.headings]);
    for (const row of sheet.rows) ws.addRow(row.map((v) => (v === null ? undefined : v)));
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'top' };
    sheet.headings.forEach((h, i) => {
      ws.getColumn(i + 1).width = i < sheet.frozenColumns ? Math.min(40, Math.max(8, h.length * 2 + 2)) : 14;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
