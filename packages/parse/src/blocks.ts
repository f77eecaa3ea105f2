/**
 * The readers' common output: a flat list of blocks with offsets into the source. A reader knows its
 * syntax (Markdown, plain text; HTML and .docx later); everything after it works on blocks alone.
 */

/** A piece of text and the source offsets it came from (end exclusive). */
export interface TextRun {
  text: string;
  start: number;
  end: number;
}

/** One source line, split into cells at tabs (a line without tabs is one cell). */
export interface LineBlock {
  kind: 'line';
  cells: TextRun[];
  /** Whether the line starts with a tab (Word's one-cell-per-line export does). */
  indented: boolean;
  /**
   * Whether the cells were cut at runs of spaces (`pdftotext -layout`), not at tabs: such a line cannot
   * show an empty cell, so a row with too few numbers cannot be placed.
   */
  aligned?: boolean;
  start: number;
  end: number;
}

export interface BlankBlock {
  kind: 'blank';
  start: number;
  end: number;
}

/** A heading marked as one by the syntax (Markdown `#`), not guessed from its words. */
export interface HeadingBlock {
  kind: 'heading';
  depth: number;
  text: TextRun;
  start: number;
  end: number;
}

/**
 * One slot of a grid. A merged cell (`rowspan`/`colspan`, Word's `gridSpan`/`vMerge`) is expanded: its
 * text stands in its first slot, and every other slot it covers is `covered` with empty text, so that
 * each row has one slot per grid column and a slot's index is its grid column.
 */
export interface GridCell extends TextRun {
  covered?: boolean;
}

/** A table whose grid the syntax gives (GFM, HTML, .docx): rows of slots. */
export interface GridBlock {
  kind: 'grid';
  rows: GridCell[][];
  /**
   * The grid goes on from the grid before it across a page break (a PDF's table, the same columns on
   * the next page): its first row may be the end of the other's last row, broken by the page.
   */
  continued?: boolean;
  start: number;
  end: number;
}

export type Block = LineBlock | BlankBlock | HeadingBlock | GridBlock;

/** Trims spaces (not tabs: the caller has split on them) off a run, keeping offsets exact. */
export function trimRun(text: string, start: number): TextRun {
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return { text: text.slice(a, b), start: start + a, end: start + b };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 0x3000 || code === 0xa0 || code === 13 || code === 12 || code === 0xfeff || code === 0x200b;
}
