import { evaluate, formatsOf, identityPlaces, type Evaluation, type FormatSpec, type Identity, type IdentityTerm } from '@nianbao/format';
import { placedRows, readCell, tableOf } from '@nianbao/lint';
import type { CellNode, ReportDocument, RowNode, TableNode } from '@nianbao/parse';

/**
 * The totals of a document's tables, as the hover and the inlay hints show them: which identities a
 * cell is the total of, and what the format's one evaluator (`evaluate`) makes of them. Lint's identity
 * rules ask the same evaluator, so a hint, a hover and a finding never disagree about a sum.
 */

/** The format the report is checked against, chosen as lint chooses it (the report year, else the tables'). */
export function reportFormatOf(document: ReportDocument): FormatSpec {
  return formatsOf(document).report;
}

/** The format the document's tables follow, chosen as lint chooses it. */
export function tableFormatOf(document: ReportDocument): FormatSpec {
  return formatsOf(document).tables;
}

/** One identity a cell is the total of, evaluated. */
export interface TotalCheck {
  identity: Identity;
  /** The column (per-column identities) or row (per-row) it is evaluated at. */
  place: string;
  /** The side whose single term is this cell; the other side holds its addends. */
  totalSide: 'left' | 'right';
  evaluation: Evaluation;
  /** The sum of the addends, when every addend has a number. */
  sum: number | undefined;
  /** The number written in the total cell, if it holds one. */
  written: number | undefined;
  /** written − sum, when both are known: 0 where the total is right. */
  difference: number | undefined;
}

/** The identities in which a cell is the total: the single term of one side; the other side is its addends. */
function identitiesTotalling(format: FormatSpec, table: TableNode, row: RowNode, cell: CellNode, hasPrevious: boolean): Array<{ identity: Identity; place: string; totalSide: 'left' | 'right' }> {
  const out: Array<{ identity: Identity; place: string; totalSide: 'left' | 'right' }> = [];
  if (row.id === undefined || cell.column === undefined) return out;
  for (const identity of format.identities) {
    if (identity.table !== table.id) continue;
    if (!hasPrevious && [...identity.left, ...identity.right].some((term) => term.previousYear)) continue;
    const place = identity.per === 'column' ? cell.column : row.id;
    const ref = identity.per === 'column' ? row.id : cell.column;
    if (!identityPlaces(format, identity).includes(place)) continue;
    const isTotal = (side: IdentityTerm[]): boolean => side.length === 1 && side[0]!.ref === ref && !side[0]!.previousYear;
    if (isTotal(identity.left)) out.push({ identity, place, totalSide: 'left' });
    else if (isTotal(identity.right)) out.push({ identity, place, totalSide: 'right' });
  }
  return out;
}

/**
 * Every identity a cell is the total of, evaluated on the placed rows (what lint reads). A cell that lint
 * does not read — in a duplicate or malformed row — gets none: saying nothing beats misleading.
 */
export function totalChecks(document: ReportDocument, previous: ReportDocument | undefined, table: TableNode, row: RowNode, cell: CellNode): TotalCheck[] {
  const format = tableFormatOf(document);
  // What lint reads: the first table of its kind, the first well-formed row of each id.
  const rows = placedRows(tableOf(document, table.id));
  if (row.id === undefined || rows.get(row.id) !== row) return [];
  const previousRows = placedRows(previous?.tables.find((t) => t.id === table.id));
  const out: TotalCheck[] = [];
  for (const { identity, place, totalSide } of identitiesTotalling(format, table, row, cell, previous !== undefined)) {
    const evaluation = evaluate(identity, place, (c) => readCell(c.previousYear ? previousRows : rows, c.row, c.column)?.value);
    const addendSide = totalSide === 'left' ? 'right' : 'left';
    const sum = evaluation[addendSide];
    const written = cell.kind === 'number' && cell.value !== null ? cell.value : undefined;
    const difference = evaluation.difference === undefined ? undefined : totalSide === 'left' ? evaluation.difference : -evaluation.difference;
    out.push({ identity, place, totalSide, evaluation, sum, written, difference });
  }
  return out;
}

/** A total cell of a table with its checks. */
export interface TotalCell {
  table: TableNode;
  row: RowNode;
  cell: CellNode;
  checks: TotalCheck[];
}

/** Every cell of the document's tables that is the total of some identity, in document order. */
export function totalCells(document: ReportDocument, previous: ReportDocument | undefined): TotalCell[] {
  const out: TotalCell[] = [];
  for (const table of document.tables) {
    for (const row of placedRows(table).values()) {
      for (const cell of row.cells) {
        const checks = totalChecks(document, previous, table, row, cell);
        if (checks.length > 0) out.push({ table, row, cell, checks });
      }
    }
  }
  return out;
}
