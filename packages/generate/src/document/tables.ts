/**
 * A parsed table laid out on the format's one grid (packages/format grid.ts): the format's header and label
 * cells with their spans, and in each value cell the text the reader found there. Nothing is placed that
 * the reader did not place: a row whose numbers could not be put in their columns keeps its label, and
 * its value slots become one cell holding the numbers as read after a label (`原文：3 0 1`), marked, so that
 * neither a person nor a reader of the page takes them for placed; a row the format does not have, or a
 * second copy of one, follows the grid in the same way.
 */
import { tableGrid, type FormatYear, type GridCell, type TableId, type TableSpec } from '@nianbao/format';
import type { CellNode, RowNode, TableNode } from '@nianbao/parse';
import { joinLines } from './inline.js';
import { PAGE, type TextSize } from './page.js';

export interface LaidCell {
  text: string;
  role: GridCell['role'];
  rowSpan: number;
  colSpan: number;
  row?: string;
  column?: string;
  /** Numbers the reader could not place in their columns, shown as read. */
  asRead?: boolean;
}

export interface LaidTable {
  id: TableId;
  formatYear: FormatYear;
  /** Grid columns, in millimetres; they add up to the type area's width. */
  widthsMm: number[];
  /** Leading rows that are column headers only (repeated on each page). */
  headerRows: number;
  rows: LaidCell[][];
  /** How many rows hold numbers as read (unplaced, unknown or repeated rows). */
  asReadRows: number;
  /** Rows the reader marked as unplaced: the table it could not read with confidence. */
  unplacedRows: number;
  textSize: TextSize;
}

const keyOf = (row: string, column: string): string => `${row}\u0000${column}`;

/** Columns that hold labels (Table 三's three, Table 二's one, none in Table 四). */
function labelColumns(spec: TableSpec, width: number): number {
  if (spec.layout === 'matrix') return width - spec.columns.length;
  return spec.layout === 'blocks' ? 1 : 0;
}

/**
 * Widths that let Table 三's ten columns and Table 四's fifteen fit the 156 mm type area in 小五: the number
 * columns get what five digits need, the item labels the rest.
 */
export function columnWidths(spec: TableSpec, width: number): number[] {
  const total: number = PAGE.typeAreaMm.width;
  const labels = labelColumns(spec, width);
  let widths: number[];
  if (spec.layout === 'matrix' && labels === 3) {
    const value = 10;
    const fixed = [12, 20];
    widths = [...fixed, total - fixed[0]! - fixed[1]! - value * (width - 3), ...Array.from({ length: width - 3 }, () => value)];
  } else if (labels === 1) {
    const first = 44;
    widths = [first, ...Array.from({ length: width - 1 }, () => (total - first) / (width - 1))];
  } else widths = Array.from({ length: width }, () => total / width);
  return widths.map((w) => Math.round(w * 100) / 100);
}

/** The numbers of a row as the reader found them, in order. */
const asReadText = (cells: readonly CellNode[]): string => cells.map((c) => joinLines(c.text)).filter((t) => t !== '').join(' ');

const placedFully = (row: RowNode): boolean => row.shape !== 'unplaced' && row.cells.every((c) => c.column !== undefined);

/** A parsed table on the format's grid. */
export function layTable(table: TableNode, spec: TableSpec, formatYear: FormatYear, asReadLabel = '原文：'): LaidTable {
  const grid = tableGrid(spec);
  const values = new Map<string, CellNode>();
  const asRead = new Map<string, RowNode>();
  const extra: RowNode[] = [...table.unrecognized];
  for (const row of table.rows) {
    if (row.id === undefined || row.duplicate) {
      extra.push(row);
      continue;
    }
    if (!placedFully(row)) asRead.set(row.id, row);
    for (const cell of row.cells) if (cell.column !== undefined) values.set(keyOf(row.id, cell.column), cell);
  }
  const rows: LaidCell[][] = grid.rows.map((cells) => {
    const out: LaidCell[] = [];
    for (const cell of cells) {
      if (cell.role !== 'value') {
        out.push({ text: cell.text, role: cell.role, rowSpan: cell.rowSpan, colSpan: cell.colSpan });
        continue;
      }
      const unplaced = asRead.get(cell.row!);
      const last = out[out.length - 1];
      if (unplaced) {
        // The row's value slots become one cell: its numbers as read, never spread over columns by guess.
        if (last?.asRead && last.row === cell.row) last.colSpan += cell.colSpan;
        else out.push({ text: `${asReadLabel}${asReadText(unplaced.cells)}`, role: 'value', rowSpan: cell.rowSpan, colSpan: cell.colSpan, row: cell.row!, asRead: true });
        continue;
      }
      // A number the export broke over two lines is one number on the page.
      out.push({ text: joinLines(values.get(keyOf(cell.row!, cell.column!))?.text ?? ''), role: 'value', rowSpan: cell.rowSpan, colSpan: cell.colSpan, row: cell.row!, column: cell.column! });
    }
    return out;
  });
  const labels = labelColumns(spec, grid.width);
  for (const row of extra) {
    const label: LaidCell[] = labels > 0 ? [{ text: row.label?.text ?? '', role: 'label', rowSpan: 1, colSpan: labels }] : [];
    const prefix = labels === 0 && row.label ? `${row.label.text} ` : '';
    rows.push([...label, { text: `${asReadLabel}${prefix}${asReadText(row.cells)}`, role: 'value', rowSpan: 1, colSpan: grid.width - labels, asRead: true }]);
  }
  let headerRows = 0;
  while (headerRows < grid.rows.length && grid.rows[headerRows]!.every((c) => c.role === 'header')) headerRows++;
  return {
    id: table.id,
    formatYear,
    widthsMm: columnWidths(spec, grid.width),
    headerRows,
    rows,
    asReadRows: asRead.size + extra.length,
    unplacedRows: table.rows.filter((r) => r.shape === 'unplaced').length,
    textSize: spec.layout === 'blocks' ? 'size5' : 'size5Small',
  };
}
