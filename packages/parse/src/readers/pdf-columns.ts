import { isNumberCell, type LineCell, type PageLine } from './pdf-lines.js';

/**
 * Puts back the blank cells of a table drawn in a PDF. A blank cell draws nothing, so a row read by its
 * glyphs alone (`规章  0  ·  0`) would lose its place in the grid and the parser would read `0 0` as the
 * first two columns. Consecutive rows of numbers share columns; where a row has no number under a
 * column the others fill, it gets an empty cell there.
 */

/** A block of table rows needs two rows with this many number cells to have its columns found. */
const MIN_NUMBERS = 2;

interface Column {
  centre: number;
  rows: number;
}

function centre(cell: LineCell): number {
  return (cell.x0 + cell.x1) / 2;
}

function numberCells(line: PageLine): LineCell[] {
  return line.cells.filter((c) => isNumberCell(c.text));
}

/** The columns number cells line up in, over the rows of one block, left to right. */
function columnsOf(rows: readonly PageLine[], tolerance: number): number[] {
  const columns: Column[] = [];
  for (const row of rows) {
    for (const cell of numberCells(row)) {
      const x = centre(cell);
      const near = columns.find((c) => Math.abs(c.centre - x) <= tolerance);
      if (near) {
        near.centre = (near.centre * near.rows + x) / (near.rows + 1);
        near.rows++;
      } else {
        columns.push({ centre: x, rows: 1 });
      }
    }
  }
  // A column only one row fills is as likely a stray number as a column, unless it is in the fullest row.
  const fullest = rows.reduce((best, r) => (numberCells(r).length > numberCells(best).length ? r : best));
  const own = (c: Column): boolean => numberCells(fullest).some((cell) => Math.abs(centre(cell) - c.centre) <= tolerance);
  return columns
    .filter((c) => c.rows >= 2 || own(c))
    .map((c) => c.centre)
    .sort((a, b) => a - b);
}

/** The row's cells with an empty cell for every column it leaves blank, or the row as it was when it does not fit the grid. */
function fillRow(row: PageLine, columns: readonly number[], tolerance: number): LineCell[] {
  const cells = row.cells;
  const firstNumber = cells.findIndex((c) => isNumberCell(c.text));
  if (firstNumber === -1) return cells;
  const labels = cells.slice(0, firstNumber);
  const numbers = cells.slice(firstNumber);
  // A word among the numbers (`无`, `—`) is a cell this reading cannot place: keep the row as drawn.
  if (!numbers.every((c) => isNumberCell(c.text))) return cells;
  const labelEnd = labels.length > 0 ? Math.max(...labels.map((c) => c.x1)) : -Infinity;
  const slots = columns.filter((x) => x > labelEnd);
  const filled: LineCell[] = [];
  let next = 0;
  for (const [i, x] of slots.entries()) {
    const cell = numbers[next];
    if (cell && Math.abs(centre(cell) - x) <= tolerance) {
      filled.push(cell);
      next++;
    } else if (cell && centre(cell) < x - tolerance) {
      return cells;
    } else {
      filled.push({ text: '', x0: x, x1: x });
    }
    if (i === slots.length - 1 && next < numbers.length) return cells;
  }
  if (next < numbers.length) return cells;
  return [...labels, ...filled];
}

/** Fills the blank cells of every run of table rows on a page. */
export function fillBlankCells(lines: readonly PageLine[]): PageLine[] {
  const out: PageLine[] = [];
  let block: PageLine[] = [];
  const flush = (): void => {
    if (block.filter((l) => numberCells(l).length >= MIN_NUMBERS).length >= 2) {
      const tolerance = Math.min(...block.map((l) => l.size));
      const columns = columnsOf(block, tolerance);
      for (const row of block) out.push(columns.length >= 2 ? { ...row, cells: fillRow(row, columns, tolerance) } : row);
    } else {
      out.push(...block);
    }
    block = [];
  };
  for (const line of lines) {
    if (!line.vertical && numberCells(line).length >= 1) {
      block.push(line);
      continue;
    }
    // A label line between rows (a long label's first line, a group label) does not end the table.
    if (block.length > 0 && !line.vertical && numberCells(line).length === 0 && line.cells.length === 1 && isLabelInside(line, block)) {
      block.push(line);
      continue;
    }
    flush();
    out.push(line);
  }
  flush();
  return out;
}

/** Whether a one-cell line sits left of a block's numbers, as a row label continued on its own line does. */
function isLabelInside(line: PageLine, block: readonly PageLine[]): boolean {
  const firstNumber = Math.min(...block.flatMap((r) => numberCells(r).map((c) => c.x0)));
  return line.x1 < firstNumber;
}

/** Whether a line is only number cells: a table row whose label is drawn on other lines. */
function numbersOnly(line: PageLine): boolean {
  return !line.vertical && line.cells.length > 0 && line.cells.every((c) => isNumberCell(c.text));
}

/** Whether two one-cell lines are one label wrapped in its cell: same left edge, one line apart. */
function sameLabel(upper: PageLine, lower: PageLine): boolean {
  const size = Math.min(upper.size, lower.size);
  const oneCell = (l: PageLine): boolean => !l.vertical && l.cells.length === 1 && !isNumberCell(l.cells[0]?.text ?? '');
  return oneCell(upper) && oneCell(lower) && Math.abs(upper.x0 - lower.x0) <= 2 * size && upper.y - lower.y <= 2.2 * size;
}

/**
 * Moves a row's numbers under the last line of its label. A label wrapped over two or three lines in
 * its cell has its numbers centred beside it, so by baseline they fall between the label's lines; the
 * parser reads a wrapped label as the lines before its numbers (as `pdftotext -layout` lays it out).
 */
export function numbersAfterLabels(lines: readonly PageLine[]): PageLine[] {
  const out = [...lines];
  for (let i = 1; i + 1 < out.length; i++) {
    const row = out[i]!;
    if (!numbersOnly(row) || !sameLabel(out[i - 1]!, out[i + 1]!)) continue;
    const label = out[i + 1]!;
    if (label.x1 >= Math.min(...row.cells.map((c) => c.x0))) continue;
    out[i] = label;
    out[i + 1] = row;
  }
  return out;
}
