import { trimRun, type Block, type LineBlock, type TextRun } from '../blocks.js';

/**
 * Tables copied out of a web page by tools that write each cell as a line `text |`: a row opens with a
 * line holding only `|`, an empty cell is a bare `|` line, and a merged cell drags empty fillers along
 * (`第二十条第(一)项 | |||`). The fillers follow the page's own grid, not the national one, so cells are
 * taken by order and label, never by counting pipes. This pass turns each such row into one line block
 * with one cell per `text |` line, so the table reader sees a tab-separated row with explicit blanks.
 */

/** `text |` followed by optional fillers; group 1 is the cell's text. */
const PIPE_CELL = /^(.*?)\s*\|[\s|]*$/u;

function pipeCell(text: string, block: Block): TextRun | undefined {
  if (block.kind !== 'line' || block.cells.length !== 1) return undefined;
  const run = block.cells[0]!;
  const m = PIPE_CELL.exec(run.text);
  if (!m) return undefined;
  return trimRun(m[1]!, run.start);
}

/** Whether the blocks hold enough pipe lines for this to be the layout (a stray `|` in prose is not). */
function isPipeLayout(text: string, blocks: readonly Block[]): boolean {
  let pipes = 0;
  let bare = 0;
  for (const b of blocks) {
    const cell = pipeCell(text, b);
    if (!cell) continue;
    pipes++;
    if (cell.text === '') bare++;
  }
  return pipes >= 12 && bare >= 3;
}

export function joinPipeRows(text: string, blocks: Block[]): Block[] {
  if (!isPipeLayout(text, blocks)) return blocks;
  const out: Block[] = [];
  let row: { cells: TextRun[]; start: number; end: number } | undefined;
  const flush = (): void => {
    if (row && row.cells.length > 0) {
      const line: LineBlock = { kind: 'line', cells: row.cells, indented: false, start: row.start, end: row.end };
      out.push(line);
    }
    row = undefined;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const cell = pipeCell(text, b);
    if (!cell) {
      flush();
      out.push(b);
      continue;
    }
    if (cell.text === '') {
      // In a run of bare `|` lines the last opens the next row; those before it are empty cells of the
      // row they close. A bare line followed by anything but a pipe cell ends the table.
      const next = blocks[i + 1];
      const nextCell = next ? pipeCell(text, next) : undefined;
      // Rows open with a label: a bare line before a number is an empty cell inside a row of numbers
      // (after a header row of words it opens the data row, as Table 四's has no label).
      const isNumber = (text: string): boolean => /^[+\-−]?[\d０-９][\d０-９,.]*$/u.test(text);
      // A row of several words and no number is a header: the data row (Table 四's) opens after it. A
      // row of one label is waiting for its cells: the bare line is its first, empty.
      const header = row !== undefined && row.cells.length >= 2 && !row.cells.some((c) => isNumber(c.text));
      const opensRow = nextCell !== undefined && nextCell.text !== '' && (!isNumber(nextCell.text) || header || row === undefined);
      if (opensRow) {
        flush();
        row = { cells: [], start: b.start, end: b.end };
        continue;
      }
      if (row) {
        row.cells.push({ text: '', start: cell.start, end: cell.start });
        row.end = b.end;
      }
      continue;
    }
    if (!row) row = { cells: [], start: b.start, end: b.end };
    row.cells.push(cell);
    row.end = b.end;
  }
  flush();
  return out;
}
