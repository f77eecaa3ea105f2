import { evaluate, identityPlaces, type FormatSpec, type Identity, type IdentityTerm, type TableId, type TermCell } from '@nianbao/format';
import type { CellNode, ReportDocument, RowNode, TableNode } from '@nianbao/parse';

/** A number read from a table cell, with the cell it came from. */
export interface ReadCell {
  value: number;
  cell: CellNode;
  row: RowNode;
}

/** The table of the given id, if the document has one. */
export function tableOf(document: ReportDocument, id: TableId): TableNode | undefined {
  return document.tables.find((t) => t.id === id);
}

/**
 * The rows whose cells could be placed (right shape, first of their id), by row id. Malformed rows are
 * not here: `table-shape` reports them once, and arithmetic skips them instead of cascading.
 */
export function placedRows(table: TableNode | undefined): ReadonlyMap<string, RowNode> {
  if (!table) return NO_ROWS;
  let rows = PLACED.get(table);
  if (!rows) {
    rows = new Map<string, RowNode>();
    for (const row of table.rows) {
      if (row.id === undefined || row.duplicate || row.shape !== 'ok' || rows.has(row.id)) continue;
      rows.set(row.id, row);
    }
    PLACED.set(table, rows);
  }
  return rows;
}

// Every identity of a table reads the same rows and cells: each table's placed rows, and each row's
// cells by column, are found once (a report is not changed once read).
const PLACED = new WeakMap<TableNode, Map<string, RowNode>>();
const NO_ROWS: ReadonlyMap<string, RowNode> = new Map();
const BY_COLUMN = new WeakMap<RowNode, Map<string, CellNode>>();

function cellAt(row: RowNode, columnId: string): CellNode | undefined {
  let cells = BY_COLUMN.get(row);
  if (!cells) {
    cells = new Map();
    // The first cell of a column, as `find` gave it.
    for (const c of row.cells) if (c.column !== undefined && !cells.has(c.column)) cells.set(c.column, c);
    BY_COLUMN.set(row, cells);
  }
  return cells.get(columnId);
}

/** The cell of a placed row holding a number, or undefined when it is blank, text, or its row could not be placed. */
function numberCell(row: RowNode | undefined, columnId: string): (CellNode & { value: number }) | undefined {
  const cell = row ? cellAt(row, columnId) : undefined;
  return cell && cell.kind === 'number' && cell.value !== null ? (cell as CellNode & { value: number }) : undefined;
}

/** The number in a cell, or undefined when it is blank, text, or its row could not be placed. */
export function readCell(rows: ReadonlyMap<string, RowNode>, rowId: string, columnId: string): ReadCell | undefined {
  const row = rows.get(rowId);
  const cell = numberCell(row, columnId);
  return cell ? { value: cell.value, cell, row: row! } : undefined;
}

/** `readCell`'s number alone, with no object made for it. */
function readValue(rows: ReadonlyMap<string, RowNode>, rowId: string, columnId: string): number | undefined {
  return numberCell(rows.get(rowId), columnId)?.value;
}

export interface TermValue {
  term: IdentityTerm;
  rowId: string;
  columnId: string;
  read: ReadCell;
}

/** One place where an identity does not hold. */
export interface IdentityFailure {
  identity: Identity;
  /** The column (per-column identities) or row (per-row) it was checked for. */
  over: string;
  left: TermValue[];
  right: TermValue[];
  leftSum: number;
  rightSum: number;
}

/**
 * Checks one identity wherever it applies. A place with any term unreadable (blank, text, malformed
 * row, no previous report) is skipped: the cell's own rule says what is wrong with it. The arithmetic
 * is the format's `evaluate`, as in generation's validation and the editor's hover.
 */
export function checkIdentity(
  identity: Identity,
  format: FormatSpec,
  current: ReportDocument,
  previous: ReportDocument | undefined,
): IdentityFailure[] {
  const rows = placedRows(tableOf(current, identity.table));
  const previousRows = placedRows(previous ? tableOf(previous, identity.table) : undefined);
  const readTerm = (cell: TermCell): ReadCell | undefined => readCell(cell.previousYear ? previousRows : rows, cell.row, cell.column);
  const lookup = (cell: TermCell): number | undefined => readValue(cell.previousYear ? previousRows : rows, cell.row, cell.column);
  const failures: IdentityFailure[] = [];
  for (const place of identityPlaces(format, identity)) {
    const evaluation = evaluate(identity, place, lookup);
    if (evaluation.difference === undefined || evaluation.difference === 0) continue;
    // Only a place that fails needs its cells, which every term has (the sums are complete).
    const termValues = (side: 'left' | 'right'): TermValue[] =>
      evaluation.terms
        .filter((t) => t.side === side)
        .map((t) => ({ term: t.term, rowId: t.cell.row, columnId: t.cell.column, read: readTerm(t.cell)! }));
    failures.push({ identity, over: place, left: termValues('left'), right: termValues('right'), leftSum: evaluation.left!, rightSum: evaluation.right! });
  }
  return failures;
}
