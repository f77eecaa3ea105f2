/**
 * Shared helpers of the table rules (table-missing, table-shape, table-label, cell-blank, cell-value,
 * format-version): how a table is named in a message, which of a table's cells can be judged, and small
 * GFM tables for the rules' examples. Labels always come from the format data.
 */
import { FORMAT_2019, FORMAT_2021, TABLE_IDS, tableName, type FormatSpec, type TableId, type TableSpec } from '@nianbao/format';
import type { CellNode, ReportDocument, RowNode, TableNode } from '@nianbao/parse';

/** `表三` / `Table 3`: the format's naming. */
export { tableName };

/** Every node the parser read for one table (a page break can cut a table in two). */
export function tableNodes(document: ReportDocument, id: TableId): TableNode[] {
  return document.tables.filter((t) => t.id === id);
}

/**
 * Whether the table holds anything at all where numbers go: a number or a text such as `无`. A table
 * whose data cells are all blank is the unfilled template: `table-missing` says so once, instead of
 * `cell-blank` reporting each of its 175 cells.
 */
export function hasAnyValue(nodes: readonly TableNode[]): boolean {
  const filled = (row: RowNode): boolean => row.cells.some((c) => c.kind !== 'blank');
  return nodes.some((t) => t.hasData && (t.rows.some(filled) || t.unrecognized.some(filled)));
}

/** The tables whose cells the cell rules judge: present and holding values. */
export function filledTables(document: ReportDocument): TableNode[] {
  return TABLE_IDS.flatMap((id) => {
    const nodes = tableNodes(document, id);
    return hasAnyValue(nodes) ? nodes : [];
  });
}

/**
 * The cells whose place is certain: in a recognized row of the right shape, the first row of its id.
 * Malformed and duplicated rows are `table-shape`'s; their cells are not judged one by one.
 */
export function placedCells(table: TableNode): Array<{ row: RowNode & { id: string }; cell: CellNode & { column: string } }> {
  const out: Array<{ row: RowNode & { id: string }; cell: CellNode & { column: string } }> = [];
  for (const row of table.rows) {
    if (row.id === undefined || row.duplicate || row.shape !== 'ok') continue;
    for (const cell of row.cells) {
      if (cell.column === undefined) continue;
      out.push({ row: row as RowNode & { id: string }, cell: cell as CellNode & { column: string } });
    }
  }
  return out;
}

/** The canonical label of a row of the table, for messages. */
export function rowLabel(spec: TableSpec, rowId: string): string {
  return spec.rows.find((r) => r.id === rowId)?.label ?? rowId;
}

/** The canonical label of a column of the table, for messages. */
export function columnLabel(spec: TableSpec, columnId: string): string {
  return spec.columns.find((c) => c.id === columnId)?.label ?? columnId;
}

/** `行政复议·结果维持`: where a cell stands, for messages (Table 四's row labels stand above the columns). */
export function cellPlace(spec: TableSpec, rowId: string, columnId: string): string {
  return `${rowLabel(spec, rowId)}·${columnLabel(spec, columnId)}`;
}

// ---------------------------------------------------------------------------------------------
// Example tables, as GFM, built from the format data.

/** The format of a year, for the examples. */
export function exampleFormat(year: 2019 | 2021): FormatSpec {
  return year === 2019 ? FORMAT_2019 : FORMAT_2021;
}

/**
 * A GFM Table 二 block by block, as web pages write it: each block's header row (block label, 信息内容,
 * its columns), then its rows with the cells given (or the row's zeros).
 */
export function activeDisclosureTable(year: 2019 | 2021, cells: Readonly<Record<string, ReadonlyArray<number | string>>> = {}, only?: readonly string[]): string {
  const spec = exampleFormat(year).tables.activeDisclosure;
  const width = 1 + Math.max(...spec.blocks.map((b) => b.columns.length));
  const row = (texts: ReadonlyArray<string | number>): string => {
    const padded = [...texts.map(String)];
    while (padded.length < width) padded.push(' ');
    return `| ${padded.join(' | ')} |`;
  };
  const lines: string[] = [];
  for (const block of spec.blocks) {
    if (only && !block.rows.some((r) => only.includes(r))) continue;
    lines.push(row([block.label]));
    if (lines.length === 1) lines.push(`|${' --- |'.repeat(width)}`);
    lines.push(row([spec.headerTexts[0]!, ...block.columns.map((c) => columnLabel(spec, c))]));
    for (const rowId of block.rows) {
      if (only && !only.includes(rowId)) continue;
      const r = spec.rows.find((x) => x.id === rowId)!;
      lines.push(row([r.label, ...(cells[rowId] ?? r.columns.map(() => 0))]));
    }
  }
  return lines.join('\n');
}
