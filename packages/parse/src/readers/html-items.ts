/**
 * What the walk of a page gives before the view is written: lines of text and tables, each character
 * with the source offset it came from. A line is what a browser shows on a line of its own (a
 * paragraph, a text run of a div, a list item, a heading, the part of a paragraph between two `<br>`);
 * a table keeps its cells (each a flow of its own lines and tables) until the view is written.
 */

export interface LineItem {
  kind: 'line';
  /** The line's text, whitespace collapsed as a browser does and trimmed at both ends. */
  text: string;
  /** Source offset of each character of `text`. */
  offs: number[];
  /** Source offset of what began the line (the element's tag, a `<br>`): where the break before it maps. */
  from: number;
  /** `h1`–`h6`: the heading's level. */
  depth?: number;
}

export interface CellItem {
  items: Item[];
  rowspan: number;
  colspan: number;
  /** Source offset of the cell's tag. */
  from: number;
}

export interface RowItem {
  cells: CellItem[];
  from: number;
}

export interface TableItem {
  kind: 'table';
  rows: RowItem[];
  from: number;
}

export type Item = LineItem | TableItem;

const SPACE = 32;

/** Whitespace a browser collapses; `&nbsp;` counts, since a report pads with it as others pad with spaces. */
export function isCollapsible(code: number): boolean {
  return code === SPACE || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xa0;
}

/**
 * A flow of lines: text is appended character by character, runs of whitespace collapse to one space,
 * and a break ends the line (a space pending at its end is dropped, as is a line with no text).
 */
export class Flow {
  readonly items: Item[] = [];
  private chars: string[] = [];
  private offs: number[] = [];
  /** Source offset of a collapsed space waiting for the next character, or -1. */
  private pending = -1;
  private from = -1;

  /** Appends `value`, whose characters stand at `offsets` in the source; `depth` is the heading it stands in. */
  text(value: string, offsets: ArrayLike<number>, pre: boolean, depth: number | undefined): void {
    for (let j = 0; j < value.length; j++) {
      const code = value.charCodeAt(j);
      const at = offsets[j]!;
      if (pre) {
        if (code === 10) this.break(at, depth);
        else if (!isCollapsible(code)) this.push(value[j]!, at);
        // Spaces at a line's start are trimmed, as at its end.
        else if (this.chars.length > 0) this.push(' ', at);
        continue;
      }
      if (isCollapsible(code)) {
        if (this.chars.length > 0 && this.pending < 0) this.pending = at;
        continue;
      }
      if (this.pending >= 0) {
        this.push(' ', this.pending);
        this.pending = -1;
      }
      this.push(value[j]!, at);
    }
  }

  private push(char: string, at: number): void {
    if (this.chars.length === 0 && this.from < 0) this.from = at;
    this.chars.push(char);
    this.offs.push(at);
  }

  /** Marks where the next line begins (an element's start), for the line break before it. */
  mark(at: number): void {
    if (this.chars.length === 0) this.from = at;
  }

  /** Ends the current line; `depth` is the heading level of the element it stood in. */
  break(at: number, depth: number | undefined): void {
    this.pending = -1;
    // `pre` text keeps its spaces; trailing ones are trimmed here as everywhere.
    while (this.chars.length > 0 && this.chars[this.chars.length - 1] === ' ') {
      this.chars.pop();
      this.offs.pop();
    }
    if (this.chars.length > 0) {
      const line: LineItem = { kind: 'line', text: this.chars.join(''), offs: this.offs, from: Math.min(this.from, this.offs[0]!) };
      if (depth !== undefined) line.depth = depth;
      this.items.push(line);
      this.chars = [];
      this.offs = [];
    }
    this.from = at;
  }

  add(item: Item): void {
    this.items.push(item);
  }
}

/** Text with the source offset of each of its characters. */
export interface Chars {
  text: string;
  offs: number[];
}

/** Between a nested table's cells: a space in the cell's text. */
const GAP = Symbol('gap');

/**
 * A cell's text: its lines joined with nothing between them, as a label cell wraps its words over
 * paragraphs (`三、本` / `年度办` / `理结果`); a table nested in it gives its cells' text, a space apart.
 */
export function cellChars(cell: CellItem): Chars {
  const parts: string[] = [];
  const offs: number[] = [];
  let gap = false;
  // An explicit stack: a table may nest in a cell of a table nested in a cell, without bound.
  const work: Array<Item | typeof GAP> = [...cell.items].reverse();
  while (work.length > 0) {
    const item = work.pop()!;
    if (item === GAP) {
      gap = true;
      continue;
    }
    if (item.kind === 'table') {
      const inner: Array<Item | typeof GAP> = [GAP];
      for (const row of item.rows) for (const c of row.cells) inner.push(...c.items, GAP);
      for (let k = inner.length - 1; k >= 0; k--) work.push(inner[k]!);
      continue;
    }
    // The space between a nested table's cells is inserted: it maps where the next cell's line begins.
    if (gap && parts.length > 0) {
      parts.push(' ');
      offs.push(Math.min(item.from, item.offs[0]!));
    }
    gap = false;
    parts.push(item.text);
    for (const o of item.offs) offs.push(o);
  }
  return { text: parts.join(''), offs };
}
