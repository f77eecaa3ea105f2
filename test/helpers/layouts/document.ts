/**
 * The layout-neutral document every writer renders: what a report says, in order, with its tables as
 * grids of merged cells the way the national format draws them. Writers decide only how it looks.
 */
import type { SectionId, TableId } from '@nianbao/format';

/** What a cell holds: the note over Table 三's label columns, a header, a row label, or a value. */
export type CellRole = 'note' | 'header' | 'label' | 'value';

export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  role: CellRole;
}

/** A table as HTML would write it: each row lists the cells that start in it, left to right. */
export interface Grid {
  table: TableId;
  /** Number of grid columns. */
  width: number;
  rows: GridCell[][];
}

export type DocBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; grid: Grid };

export interface DocSection {
  id: SectionId;
  /** The heading as the document writes it (the canonical one unless a fault changed it). */
  heading: string;
  blocks: DocBlock[];
}

export interface LayoutDocument {
  title: string;
  agency: string;
  reportYear: number;
  /** ISO date for the metadata lines of crawls and web copies (`发布时间：…`); the signature is separate. */
  publicationDate: string | null;
  preamble: string[];
  sections: DocSection[];
  /** The closing lines: agency, then the date in Chinese. */
  signature: string[];
}

/** One grid position: the cell covering it and whether this is the cell's top-left corner. */
export interface Slot {
  cell: GridCell;
  row: number;
  column: number;
  /** Top-left corner of the cell. */
  origin: boolean;
  /** In the cell's first row (a position covered only by a colspan). */
  top: boolean;
  /** In the cell's first column (a position covered only by a rowspan). */
  left: boolean;
}

/** The grid expanded to positions: slots[row][column], each covered by exactly one cell. */
export function slots(grid: Grid): Slot[][] {
  const out: Array<Array<Slot | undefined>> = grid.rows.map(() => Array.from({ length: grid.width }, () => undefined));
  grid.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < grid.width && out[r]![c]) c++;
      if (c >= grid.width) throw new Error(`table ${grid.table}: row ${r} overflows ${grid.width} columns`);
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const row = out[r + dr];
          if (!row || c + dc >= grid.width || row[c + dc]) throw new Error(`table ${grid.table}: cell "${cell.text}" at ${r},${c} overlaps or overflows`);
          row[c + dc] = { cell, row: r, column: c, origin: dr === 0 && dc === 0, top: dr === 0, left: dc === 0 };
        }
      }
      c += cell.colSpan;
    }
  });
  return out.map((row, r) =>
    row.map((s, c) => {
      if (!s) throw new Error(`table ${grid.table}: position ${r},${c} is not covered`);
      return s;
    }),
  );
}

/** Every paragraph text of the document in order, for faults and checks that look at prose. */
export function paragraphs(doc: LayoutDocument): string[] {
  return [...doc.preamble, ...doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])))];
}
