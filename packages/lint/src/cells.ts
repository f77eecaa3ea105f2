import type { FormatSpec, Identity, IdentityTerm, TableId } from '@nianbao/format';
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
export function placedRows(table: TableNode | undefined): Map<string, RowNode> {
  const rows = new Map<string, RowNode>();
  if (!table) return rows;
  for (const row of table.rows) {
    if (row.id === undefined || row.duplicate || row.shape !== 'ok' || rows.has(row.id)) continue;
    rows.set(row.id, row);
  }
  return rows;
}

/** The number in a cell, or undefined when it is blank, text, or its row could not be placed. */
export function readCell(rows: Map<string, RowNode>, rowId: string, columnId: string): ReadCell | undefined {
  const row = rows.get(rowId);
  const cell = row?.cells.find((c) => c.column === columnId);
  if (!row || !cell || cell.kind !== 'number' || cell.value === null) return undefined;
  return { value: cell.value, cell, row };
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

function sum(values: readonly TermValue[]): number {
  // Amounts are decimals: compare in hundredths to keep binary fractions from inventing differences.
  return Math.round(values.reduce((n, v) => n + (v.term.sign ?? 1) * v.read.value, 0) * 100) / 100;
}

/**
 * Checks one identity wherever it applies. A place with any term unreadable (blank, text, malformed
 * row, no previous report) is skipped: the cell's own rule says what is wrong with it.
 */
export function checkIdentity(
  identity: Identity,
  format: FormatSpec,
  current: ReportDocument,
  previous: ReportDocument | undefined,
): IdentityFailure[] {
  const spec = format.tables[identity.table];
  const rows = placedRows(tableOf(current, identity.table));
  const previousRows = placedRows(previous ? tableOf(previous, identity.table) : undefined);
  const overAll = identity.per === 'column' ? spec.columns.map((c) => c.id) : spec.rows.map((r) => r.id);
  const over = identity.over ?? overAll;
  const failures: IdentityFailure[] = [];
  for (const place of over) {
    const resolve = (term: IdentityTerm): TermValue | undefined => {
      const rowId = identity.per === 'column' ? term.ref : place;
      const columnId = identity.per === 'column' ? place : term.ref;
      const read = readCell(term.previousYear ? previousRows : rows, rowId, columnId);
      return read ? { term, rowId, columnId, read } : undefined;
    };
    if (identity.per === 'row' && !spec.rows.find((r) => r.id === place)?.columns.includes(identity.left[0]!.ref)) continue;
    const left = identity.left.map(resolve);
    const right = identity.right.map(resolve);
    if (left.some((v) => !v) || right.some((v) => !v)) continue;
    const l = left as TermValue[];
    const r = right as TermValue[];
    const leftSum = sum(l);
    const rightSum = sum(r);
    if (leftSum !== rightSum) failures.push({ identity, over: place, left: l, right: r, leftSum, rightSum });
  }
  return failures;
}
