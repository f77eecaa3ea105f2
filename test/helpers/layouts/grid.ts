/**
 * The three tables as grids, derived from the format's table specs the way the national format lays
 * them out (format.md §§3–5): every label comes from the spec, every span from its rows, groups and blocks.
 */
import type { CellValue, TableData, TableSpec } from '@nianbao/format';
import type { Grid, GridCell } from './document.js';

const cell = (text: string, role: GridCell['role'], colSpan = 1, rowSpan = 1): GridCell => ({ text, role, colSpan, rowSpan });

/** A value as a report writes it: integers plain, amounts to the fen, a blank as nothing. */
export function valueText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

const columnLabel = (spec: TableSpec, id: string): string => spec.columns.find((c) => c.id === id)?.label ?? id;

/** Table 二: each block a title row, its own header row, its rows; a row's last cell spans the rest. */
function blocksGrid(spec: TableSpec, data: TableData): Grid {
  const width = 1 + Math.max(...spec.blocks.map((b) => b.columns.length));
  const spread = (cells: GridCell[]): GridCell[] => {
    const used = cells.reduce((n, c) => n + c.colSpan, 0);
    cells[cells.length - 1]!.colSpan += width - used;
    return cells;
  };
  const rows: GridCell[][] = [];
  for (const block of spec.blocks) {
    rows.push([cell(block.label, 'header', width)]);
    rows.push(spread([cell(spec.headerTexts[0] ?? '', 'header'), ...block.columns.map((c) => cell(columnLabel(spec, c), 'header'))]));
    for (const id of block.rows) {
      const row = spec.rows.find((r) => r.id === id)!;
      rows.push(spread([cell(row.label, 'label'), ...row.columns.map((c) => cell(valueText(data[row.id]?.[c]), 'value'))]));
    }
  }
  return { table: spec.id, width, rows };
}

/**
 * Table 三: the note over the three label columns and three header rows; 申请人情况 over every
 * column, 法人或其他组织 over its own; each row group's label down its rows, nested groups inside.
 */
function matrixGrid(spec: TableSpec, data: TableData): Grid {
  const labelColumns = 3;
  const width = labelColumns + spec.columns.length;
  const groups = new Map(spec.groups.map((g) => [g.id, g]));
  const applicants = spec.groups.find((g) => g.spansColumns && !g.parent);
  const headerRows: GridCell[][] = [
    [cell(spec.headerTexts[0] ?? '', 'note', labelColumns, 3), cell(applicants?.label ?? '', 'header', spec.columns.length)],
    [],
    [],
  ];
  spec.columns.forEach((c, i) => {
    if (!c.group) headerRows[1]!.push(cell(c.label, 'header', 1, 2));
    else {
      if (spec.columns.findIndex((x) => x.group === c.group) === i) {
        headerRows[1]!.push(cell(groups.get(c.group)?.label ?? '', 'header', spec.columns.filter((x) => x.group === c.group).length));
      }
      headerRows[2]!.push(cell(c.label, 'header'));
    }
  });
  // The top-level row group of a row (三、本年度办理结果 for （三）1 as for （一）).
  const topOf = (groupId: string | undefined): string | undefined => {
    const g = groupId ? groups.get(groupId) : undefined;
    return g?.parent ?? g?.id;
  };
  const rows: GridCell[][] = [...headerRows];
  spec.rows.forEach((row, i) => {
    const cells: GridCell[] = [];
    const top = topOf(row.group);
    const group = row.group ? groups.get(row.group) : undefined;
    if (top && topOf(spec.rows[i - 1]?.group) !== top) {
      cells.push(cell(groups.get(top)!.label, 'label', 1, spec.rows.filter((r) => topOf(r.group) === top).length));
    }
    if (group?.parent) {
      if (spec.rows[i - 1]?.group !== group.id) cells.push(cell(group.label, 'label', 1, spec.rows.filter((r) => r.group === group.id).length));
      cells.push(cell(row.label, 'label'));
    } else cells.push(cell(row.label, 'label', group ? 2 : labelColumns));
    for (const c of row.columns) cells.push(cell(valueText(data[row.id]?.[c]), 'value'));
    rows.push(cells);
  });
  return { table: spec.id, width, rows };
}

/**
 * Table 四: 行政复议 over its five outcome headers (each down two rows), 行政诉讼 over both lawsuit
 * blocks, each block's label over its five; then the one row of every value.
 */
function singleRowGrid(spec: TableSpec, data: TableData): Grid {
  const width = spec.rows.reduce((n, r) => n + r.columns.length, 0);
  const rows: GridCell[][] = [[], [], [], []];
  const seen = new Set<string>();
  for (const row of spec.rows) {
    const group = row.group ? spec.groups.find((g) => g.id === row.group) : undefined;
    if (!group) {
      rows[0]!.push(cell(row.label, 'header', row.columns.length));
      for (const c of row.columns) rows[1]!.push(cell(columnLabel(spec, c), 'header', 1, 2));
    } else {
      if (!seen.has(group.id)) {
        seen.add(group.id);
        const span = spec.rows.filter((r) => r.group === group.id).reduce((n, r) => n + r.columns.length, 0);
        rows[0]!.push(cell(group.label, 'header', span));
      }
      rows[1]!.push(cell(row.label, 'header', row.columns.length));
      for (const c of row.columns) rows[2]!.push(cell(columnLabel(spec, c), 'header'));
    }
    for (const c of row.columns) rows[3]!.push(cell(valueText(data[row.id]?.[c]), 'value'));
  }
  return { table: spec.id, width, rows };
}

/** A table of the format with the data's values, as the national format draws it. */
export function tableGrid(spec: TableSpec, data: TableData): Grid {
  switch (spec.layout) {
    case 'blocks':
      return blocksGrid(spec, data);
    case 'matrix':
      return matrixGrid(spec, data);
    case 'singleRow':
      return singleRowGrid(spec, data);
  }
}
