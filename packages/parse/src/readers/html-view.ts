import { trimRun, type Block, type GridCell } from '../blocks.js';
import { layoutGrid } from './html-grid.js';
import { cellChars, type Item, type LineItem, type TableItem } from './html-items.js';

/**
 * Writes the article's items as the view: a line a line, a table row a line with its cells (not the
 * slots a merged cell covers) separated by tabs; and for every view character its source offset.
 */

export interface WrittenView {
  text: string;
  offsets: Int32Array;
  blocks: Block[];
}

class Writer {
  private readonly parts: string[] = [];
  private readonly offs: number[] = [];
  /** Indexes of inserted breaks still waiting for the offset of what follows them. */
  private waiting: number[] = [];
  length = 0;
  readonly blocks: Block[] = [];

  write(text: string, offs: ArrayLike<number>): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) this.offs.push(offs[i]!);
    this.length += text.length;
  }

  /** An inserted `\t` or `\n`: it maps to the start of what comes next. */
  insert(char: string, next: number | undefined): void {
    if (next === undefined) this.waiting.push(this.offs.length);
    this.parts.push(char);
    this.offs.push(next ?? -1);
    this.length++;
  }

  /** The element that comes next begins at `at`: breaks before it map there. */
  next(at: number): void {
    for (const i of this.waiting) this.offs[i] = at;
    this.waiting = [];
  }

  finish(): { text: string; offsets: Int32Array } {
    const n = this.offs.length;
    let last = -1;
    for (let i = 0; i < n; i++) if (this.offs[i]! >= 0) last = Math.max(last, this.offs[i]!);
    const end = last + 1;
    const offsets = new Int32Array(n + 1);
    offsets[n] = end;
    for (let i = n - 1; i >= 0; i--) {
      const o = this.offs[i]!;
      // Offsets never decrease: a parser repair (text moved out of a table) maps to what follows it.
      offsets[i] = o < 0 ? offsets[i + 1]! : Math.min(o, offsets[i + 1]!);
    }
    return { text: this.parts.join(''), offsets };
  }
}

function writeLine(w: Writer, line: LineItem): void {
  w.next(line.from);
  const start = w.length;
  w.write(line.text, line.offs);
  const end = w.length;
  w.insert('\n', undefined);
  const run = trimRun(line.text, start);
  if (line.depth !== undefined) w.blocks.push({ kind: 'heading', depth: line.depth, text: run, start, end });
  else w.blocks.push({ kind: 'line', cells: [run], indented: false, start, end });
}

function writeTable(w: Writer, table: TableItem): void {
  const slots = layoutGrid(table.rows.map((r) => r.cells));
  const rows: GridCell[][] = [];
  const origins = new Map<string, number>();
  let start = -1;
  let end = w.length;
  slots.forEach((row, r) => {
    // A row whose cells found no free column (all taken by spans from above) shows nothing.
    if (!row.some((slot) => slot?.origin)) return;
    w.next(table.rows[r]!.from);
    const rowStart = w.length;
    if (start < 0) start = rowStart;
    let first = true;
    const cells = row.map((slot): GridCell => {
      if (slot === undefined) return { text: '', start: w.length, end: w.length, covered: true };
      const key = `${slot.row}:${slot.cell}`;
      if (!slot.origin) {
        const at = origins.get(key) ?? w.length;
        return { text: '', start: at, end: at, covered: true };
      }
      const cell = table.rows[slot.row]!.cells[slot.cell]!;
      if (!first) w.insert('\t', cell.from);
      first = false;
      const chars = cellChars(cell);
      const cellStart = w.length;
      w.write(chars.text, chars.offs);
      const run = trimRun(chars.text, cellStart);
      origins.set(key, run.start);
      return run;
    });
    end = w.length;
    w.insert('\n', undefined);
    rows.push(cells);
  });
  if (rows.length > 0) w.blocks.push({ kind: 'grid', rows, start: Math.max(start, 0), end });
}

/** The view of `items`. */
export function writeView(items: readonly Item[]): WrittenView {
  const w = new Writer();
  for (const item of items) {
    if (item.kind === 'line') writeLine(w, item);
    else writeTable(w, item);
  }
  const { text, offsets } = w.finish();
  return { text, offsets, blocks: w.blocks };
}
