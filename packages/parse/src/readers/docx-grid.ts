/**
 * Expands a Word table's rows into slots, one per grid column. Word writes a merged cell once: across
 * columns as `w:gridSpan`, down rows as `w:vMerge` (`restart` on the first cell, `continue` or no value
 * below), and the old horizontal merge as `w:hMerge`. Rows may skip grid columns before or after their
 * cells (`w:gridBefore`/`w:gridAfter`).
 */

export interface WordCell {
  text: string;
  /** Grid columns the cell spans (`w:gridSpan`), at least 1. */
  span: number;
  vMerge?: 'restart' | 'continue';
  hMerge?: 'restart' | 'continue';
}

export interface WordRow {
  before: number;
  after: number;
  cells: WordCell[];
}

export interface Slot {
  text: string;
  covered: boolean;
}

/**
 * The table's slots, every row as wide as the widest (or the declared grid, if wider). A `continue`
 * merge with nothing before it to merge into stands as a cell of its own, as Word shows it.
 */
export function expandGrid(rows: readonly WordRow[], gridColumns: number): Slot[][] {
  const out: Slot[][] = [];
  for (const row of rows) {
    const slots: Slot[] = [];
    for (let k = 0; k < row.before; k++) slots.push({ text: '', covered: true });
    for (const cell of row.cells) {
      const column = slots.length;
      const above = out[out.length - 1]?.[column];
      const mergedDown = cell.vMerge === 'continue' && above !== undefined;
      const mergedAcross = cell.hMerge === 'continue' && column > 0;
      const covered = mergedDown || mergedAcross;
      slots.push({ text: covered ? '' : cell.text, covered });
      for (let k = 1; k < cell.span; k++) slots.push({ text: '', covered: true });
    }
    for (let k = 0; k < row.after; k++) slots.push({ text: '', covered: true });
    out.push(slots);
  }
  const width = Math.max(gridColumns, ...out.map((r) => r.length));
  for (const slots of out) while (slots.length < width) slots.push({ text: '', covered: true });
  return out;
}
