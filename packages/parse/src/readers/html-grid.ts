/**
 * The slots of an HTML table, as the HTML table model lays cells out: each cell takes the first free
 * column of its row, and covers `colspan` columns and `rowspan` rows from there (a slot already taken
 * by a cell from a row above is skipped). A row spanning past the table's last row stops there.
 */

export interface SpanCell {
  rowspan: number;
  colspan: number;
}

/** Which cell of the table fills a slot: its row and index in the row, and whether the slot is its first. */
export interface Slot {
  row: number;
  cell: number;
  origin: boolean;
}

/**
 * A table's columns are bounded: a report table has about twenty, and a page asking for thousands
 * (`colspan=1000` on every row) must not cost millions of slots.
 */
const MAX_COLUMNS = 200;
const MAX_SPAN = 200;

function span(value: number): number {
  return Number.isInteger(value) && value >= 1 ? Math.min(value, MAX_SPAN) : 1;
}

/**
 * The table's slots, every row as wide as the widest; a slot no cell covers (a short row) is undefined.
 * `rowspan=0` runs to the table's end, as the HTML table model has it.
 */
export function layoutGrid(rows: ReadonlyArray<readonly SpanCell[]>): Array<Array<Slot | undefined>> {
  const grid: Array<Array<Slot | undefined>> = rows.map(() => []);
  let width = 0;
  rows.forEach((cells, r) => {
    const slots = grid[r]!;
    let column = 0;
    cells.forEach((cell, k) => {
      while (column < MAX_COLUMNS && slots[column] !== undefined) column++;
      if (column >= MAX_COLUMNS) return;
      const down = cell.rowspan === 0 ? rows.length - r : Math.min(span(cell.rowspan), rows.length - r);
      const across = Math.min(span(cell.colspan), MAX_COLUMNS - column);
      for (let dr = 0; dr < down; dr++) {
        const target = grid[r + dr]!;
        for (let dc = 0; dc < across; dc++) {
          // A cell spanning into a slot a later cell of its own row already took leaves that slot alone.
          if (target[column + dc] === undefined) target[column + dc] = { row: r, cell: k, origin: dr === 0 && dc === 0 };
        }
      }
      column += across;
      width = Math.max(width, column);
    });
  });
  for (const slots of grid) width = Math.max(width, slots.length);
  // Dense rows: a short row's missing slots are there, undefined, so that every row has `width` slots.
  return grid.map((slots) => Array.from({ length: width }, (_, c) => slots[c]));
}
