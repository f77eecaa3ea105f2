import type { TableId, TableSpec } from './types.js';

/**
 * Each table of the format as it is printed: its header cells, merged where the national form merges
 * them, its label cells, and a value cell for each number. One grid, written from the table spec, serves
 * every writer — a Markdown table (merged cells flattened), an HTML or Word table (spans kept), a blank
 * skeleton (no values) — so that no writer lays a table out by itself.
 */

export interface GridCell {
  /** The cell's text; for a value cell, empty (the writer fills it from `row` and `column`). */
  text: string;
  /** `title`: a heading across the table (Table 二's block label); `header`: a column header; `label`: a row's label; `value`: a number. */
  role: 'title' | 'header' | 'label' | 'value';
  rowSpan: number;
  colSpan: number;
  /** For a value cell: the row and column ids it holds. */
  row?: string;
  column?: string;
}

export interface TableGrid {
  table: TableId;
  /** Grid columns. */
  width: number;
  /** Rows top to bottom; a merged cell appears once, in the first row and column it covers. */
  rows: GridCell[][];
}

const cell = (text: string, role: GridCell['role'], colSpan = 1, rowSpan = 1): GridCell => ({ text, role, rowSpan, colSpan });
const value = (row: string, column: string): GridCell => ({ text: '', role: 'value', rowSpan: 1, colSpan: 1, row, column });

/** Table 二: each block with its label across the table, its own header row, then its rows. */
function blocksGrid(spec: TableSpec): TableGrid {
  const width = 1 + Math.max(...spec.blocks.map((b) => b.columns.length));
  const columnLabel = (id: string): string => spec.columns.find((c) => c.id === id)?.label ?? id;
  const rows: GridCell[][] = [];
  for (const block of spec.blocks) {
    rows.push([cell(block.label, 'title', width)]);
    const headers = block.columns.map((id, i) => cell(columnLabel(id), 'header', i === block.columns.length - 1 ? width - block.columns.length : 1));
    rows.push([cell(spec.headerTexts[0] ?? '', 'header'), ...headers]);
    for (const rowId of block.rows) {
      const row = spec.rows.find((r) => r.id === rowId);
      if (!row) continue;
      const values = row.columns.map((c, i) => ({ ...value(row.id, c), colSpan: i === row.columns.length - 1 ? width - row.columns.length : 1 }));
      rows.push([cell(row.label, 'label'), ...values]);
    }
  }
  return { table: spec.id, width, rows };
}

/**
 * Table 三: three label columns (the group, the sub-group, the item) and the applicant columns under
 * their two-level header; a label spans the rows it covers, a row without a group spans all three.
 */
function matrixGrid(spec: TableSpec): TableGrid {
  const LABELS = 3;
  const groups = new Map(spec.groups.map((g) => [g.id, g]));
  const columns = spec.columns;
  const width = LABELS + columns.length;
  const applicants = spec.groups.find((g) => g.spansColumns && !g.parent);
  const legal = spec.groups.find((g) => g.spansColumns && g.parent !== undefined);
  const header1 = [cell(spec.headerTexts[0] ?? '', 'header', LABELS, 3), cell(applicants?.label ?? '', 'header', columns.length)];
  const header2: GridCell[] = [];
  const header3: GridCell[] = [];
  columns.forEach((c, i) => {
    if (!c.group) header2.push(cell(c.label, 'header', 1, 2));
    else {
      if (columns.findIndex((x) => x.group === c.group) === i) header2.push(cell(legal?.label ?? '', 'header', columns.filter((x) => x.group === c.group).length));
      header3.push(cell(c.label, 'header'));
    }
  });
  const rows: GridCell[][] = [header1, header2, header3];
  const topOf = (rowId: string): string | undefined => {
    const g = spec.rows.find((r) => r.id === rowId)?.group;
    const group = g ? groups.get(g) : undefined;
    return group?.parent ?? group?.id;
  };
  const shown = new Set<string>();
  for (const row of spec.rows) {
    const group = row.group ? groups.get(row.group) : undefined;
    const top = group?.parent ? groups.get(group.parent) : group;
    const labels: GridCell[] = [];
    if (!group || !top) labels.push(cell(row.label, 'label', LABELS));
    else {
      // Each spanning label is written once, on the first row it spans.
      if (!shown.has(top.id)) {
        labels.push(cell(top.label, 'label', 1, spec.rows.filter((r) => topOf(r.id) === top.id).length));
        shown.add(top.id);
      }
      if (group.parent) {
        if (!shown.has(group.id)) {
          labels.push(cell(group.label, 'label', 1, spec.rows.filter((r) => r.group === group.id).length));
          shown.add(group.id);
        }
        labels.push(cell(row.label, 'label'));
      } else labels.push(cell(row.label, 'label', 2));
    }
    rows.push([...labels, ...row.columns.map((c) => value(row.id, c))]);
  }
  return { table: spec.id, width, rows };
}

/** Table 四: the review and the two lawsuit blocks across, their outcomes under them, then one row of every number. */
function singleRowGrid(spec: TableSpec): TableGrid {
  const outcomes = spec.columns.map((c) => c.label);
  const [review, ...lawsuits] = spec.rows;
  const litigation = spec.groups.find((g) => g.spansColumns);
  const width = spec.rows.reduce((n, r) => n + r.columns.length, 0);
  const n = outcomes.length;
  return {
    table: spec.id,
    width,
    rows: [
      [cell(review?.label ?? '', 'header', n), cell(litigation?.label ?? '', 'header', width - n)],
      [...outcomes.map((o) => cell(o, 'header', 1, 2)), ...lawsuits.map((r) => cell(r.label, 'header', n))],
      lawsuits.flatMap(() => outcomes.map((o) => cell(o, 'header'))),
      spec.rows.flatMap((r) => r.columns.map((c) => value(r.id, c))),
    ],
  };
}

/** The printed layout of a table of the format. */
export function tableGrid(spec: TableSpec): TableGrid {
  return spec.layout === 'blocks' ? blocksGrid(spec) : spec.layout === 'matrix' ? matrixGrid(spec) : singleRowGrid(spec);
}

/**
 * The grid as rows of slots, as Markdown writes a table: every row as wide as the grid, a merged cell's
 * text in its first slot and the slots it covers empty. `valueText` gives each value cell's text.
 */
export function gridSlots(grid: TableGrid, valueText: (row: string, column: string) => string = () => ''): string[][] {
  const out: Array<Array<string | undefined>> = grid.rows.map(() => Array.from({ length: grid.width }, () => undefined));
  grid.rows.forEach((cells, r) => {
    let c = 0;
    for (const x of cells) {
      while (c < grid.width && out[r]![c] !== undefined) c++;
      for (let dr = 0; dr < x.rowSpan; dr++) {
        for (let dc = 0; dc < x.colSpan; dc++) {
          const row = out[r + dr];
          if (row && c + dc < grid.width) row[c + dc] = dr === 0 && dc === 0 ? (x.role === 'value' ? valueText(x.row!, x.column!) : x.text) : '';
        }
      }
      c += x.colSpan;
    }
  });
  return out.map((row) => row.map((s) => s ?? ''));
}
