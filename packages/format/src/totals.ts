import type { FormatSpec, Identity, TableId } from './types.js';

/** A cell addressed by table, row and column ids. */
export interface CellRef {
  table: TableId;
  row: string;
  column: string;
}

/** The identities whose left side is a total that can be computed from the right side. */
const TOTAL_RULES = new Set(['row-total', 'outcome-total', 'review-total', 'litigation-total']);

/** The totals identities of a format: each computes one cell from its parts. */
export function totalIdentities(format: FormatSpec): Identity[] {
  return format.identities.filter((i) => TOTAL_RULES.has(i.rule) && i.left.length === 1 && !i.right.some((t) => t.previousYear || t.sign === -1));
}

/**
 * The cells that are totals of others (Table 三's 总计 column and （七）总计 row, Table 四's 总计): data may
 * leave them out and have them computed. Read from the identities, so they are defined once.
 */
export function totalCells(format: FormatSpec): CellRef[] {
  const cells: CellRef[] = [];
  for (const identity of totalIdentities(format)) {
    const spec = format.tables[identity.table];
    const ref = identity.left[0]!.ref;
    if (identity.per === 'row') {
      for (const row of identity.over ?? spec.rows.map((r) => r.id)) cells.push({ table: identity.table, row, column: ref });
    } else {
      for (const column of identity.over ?? spec.columns.map((c) => c.id)) cells.push({ table: identity.table, row: ref, column });
    }
  }
  return cells;
}

/** Whether a cell is a total (see `totalCells`). */
export function isTotalCell(format: FormatSpec, table: TableId, row: string, column: string): boolean {
  return totalCells(format).some((c) => c.table === table && c.row === row && c.column === column);
}
