/**
 * Rebuilds the lines of one PDF page from positioned text pieces, the way `pdftotext -layout` reads a
 * page: rows by baseline, left to right within a row, a tab where a wide gap separates two columns.
 * Pure: it knows nothing of pdf.js, so it is tested with pieces made up by hand.
 */

/** A stretch of text the PDF draws at one place, in PDF user space (y grows upwards). */
export interface TextPiece {
  text: string;
  /** Left edge and baseline of a horizontal piece; for a vertical one, its column's left edge and top. */
  x: number;
  y: number;
  /** Advance along the writing direction (horizontal: width; vertical: height). */
  length: number;
  /** Font size in user space. */
  size: number;
  /** Written top to bottom (a vertical font) or along a rotated baseline: read as its own line. */
  vertical?: boolean;
}

/** A cell of a rebuilt line and its horizontal extent. */
export interface LineCell {
  text: string;
  x0: number;
  x1: number;
}

/** One rebuilt line: its cells (joined by `\t` in the view) and where it sits on the page. */
export interface PageLine {
  cells: LineCell[];
  /** Set for a vertical run, which is never a table row. */
  vertical?: boolean;
  /** Baseline (for a vertical run: its vertical middle), PDF user space. */
  y: number;
  x0: number;
  x1: number;
  size: number;
}

/** A line under construction: its pieces, and the baseline and smallest font size that decide who joins. */
interface Row {
  y: number;
  minSize: number;
  pieces: TextPiece[];
}

/** Baselines closer than this share of the smaller font size are one row (numbers set larger than labels sit a point or two lower). */
const BASELINE_TOLERANCE = 0.35;
/** A gap wider than this share of the font size is a column gap: the next piece starts a new cell. */
const COLUMN_GAP = 1.0;
/** A gap wider than this share of the font size is a space between words (narrower: glyphs placed one by one). */
const WORD_GAP = 0.15;
/** Two single CJK glyphs this far apart (in ems) at most are one letter-spaced word (`自 然 人`), not two cells. */
const SPACED_GLYPHS = 3;

const SINGLE_CJK = /^[\p{Script=Han}]$/u;
const BARE_NUMBER = /^[+\-−–]?\d[\d,，]*(?:\.\d+)?%?$/u;

/** Groups horizontal pieces into rows by baseline, top of the page first. */
function rowsOf(pieces: readonly TextPiece[]): Row[] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  let current: Row | undefined;
  for (const piece of sorted) {
    if (current && Math.abs(current.y - piece.y) <= BASELINE_TOLERANCE * Math.min(current.minSize, piece.size)) {
      current.pieces.push(piece);
      current.minSize = Math.min(current.minSize, piece.size);
      continue;
    }
    current = { y: piece.y, minSize: piece.size, pieces: [piece] };
    rows.push(current);
  }
  return rows;
}

/** What goes between two neighbouring pieces of a row: nothing, a space, or a cell break. */
export function separator(left: TextPiece, right: TextPiece): '' | ' ' | '\t' {
  const gap = right.x - (left.x + left.length);
  const em = Math.min(left.size, right.size);
  const l = left.text.trim();
  const r = right.text.trim();
  if (gap > COLUMN_GAP * em) {
    const lastWord = l.split(/\s+/u).pop() ?? '';
    const spacedWord = SINGLE_CJK.test(lastWord) && SINGLE_CJK.test(r) && gap <= SPACED_GLYPHS * em;
    return spacedWord ? ' ' : '\t';
  }
  if (gap <= WORD_GAP * em || /\s$/u.test(left.text) || /^\s/u.test(right.text)) return '';
  return ' ';
}

/** Joins the pieces of a row, left to right, into cells. */
function rowCells(row: Row): LineCell[] {
  const pieces = row.pieces.filter((p) => p.text.trim() !== '').sort((a, b) => a.x - b.x);
  const cells: LineCell[] = [];
  let cell: LineCell | undefined;
  let prev: TextPiece | undefined;
  for (const piece of pieces) {
    const sep = prev ? separator(prev, piece) : '\t';
    const right = piece.x + piece.length;
    if (sep === '\t' || !cell) {
      cell = { text: piece.text, x0: piece.x, x1: right };
      cells.push(cell);
    } else {
      cell.text += sep + piece.text;
      cell.x1 = Math.max(cell.x1, right);
    }
    // An overlapping piece (fake bold drawn twice, a shadow) must not pull the right edge back.
    if (!prev || right > prev.x + prev.length) prev = piece;
  }
  for (const c of cells) c.text = c.text.replace(/\s+/gu, ' ').trim();
  return cells;
}

/** Vertical pieces in one column, one under the other, make one run read top to bottom. */
function verticalLines(pieces: readonly TextPiece[]): PageLine[] {
  const byX = [...pieces].sort((a, b) => a.x - b.x);
  const columns: TextPiece[][] = [];
  for (const piece of byX) {
    const column = columns[columns.length - 1];
    const first = column?.[0];
    if (column && first && piece.x - first.x <= 0.5 * Math.min(first.size, piece.size)) column.push(piece);
    else columns.push([piece]);
  }
  const lines: PageLine[] = [];
  for (const column of columns) {
    column.sort((a, b) => b.y - a.y);
    let run: TextPiece[] = [];
    const flush = (): void => {
      const text = run.map((p) => p.text).join('').replace(/\s+/gu, '');
      const head = run[0];
      const tail = run[run.length - 1];
      if (head && tail && text !== '') {
        const x0 = Math.min(...run.map((p) => p.x));
        const x1 = Math.max(...run.map((p) => p.x + p.size));
        const y = (head.y + tail.y - tail.length) / 2;
        lines.push({ cells: [{ text, x0, x1 }], vertical: true, y, x0, x1, size: head.size });
      }
      run = [];
    };
    for (const piece of column) {
      const last = run[run.length - 1];
      if (last && last.y - last.length - piece.y > 1.5 * piece.size) flush();
      run.push(piece);
    }
    flush();
  }
  return lines;
}

/** Rebuilds a page's lines, top to bottom; a vertical run comes before a row at the same height. */
export function pageLines(pieces: readonly TextPiece[]): PageLine[] {
  const horizontal = pieces.filter((p) => !p.vertical && p.text.trim() !== '');
  const lines: PageLine[] = rowsOf(horizontal).map((row) => {
    const cells = rowCells(row);
    const x0 = Math.min(...cells.map((c) => c.x0));
    const x1 = Math.max(...cells.map((c) => c.x1));
    return { cells, y: row.y, x0, x1, size: row.minSize };
  });
  const all = [...verticalLines(pieces.filter((p) => p.vertical)), ...lines];
  // Stable sort: vertical runs were put first, so at equal height they stay first.
  return all.sort((a, b) => b.y - a.y);
}

/** The text of a line as the view holds it. */
export function lineText(line: PageLine): string {
  return line.cells.map((c) => c.text).join('\t');
}

/** Whether a rebuilt cell holds a bare number (the cells whose columns a table's blank cells are found by). */
export function isNumberCell(text: string): boolean {
  return BARE_NUMBER.test(text.normalize('NFKC').replace(/\s/gu, ''));
}
