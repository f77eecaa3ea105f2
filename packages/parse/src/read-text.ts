import { trimRun, type Block, type LineBlock, type TextRun } from './blocks.js';

/** Splits one line (offsets `start`–`end` of `text`, no line break) into a line or blank block. */
export function lineBlock(text: string, start: number, end: number): Block {
  const line = text.slice(start, end);
  // A lone tab is an empty cell (Word writes one per empty cell), not the blank line that ends a row.
  if (line.trim() === '' && !line.includes('\t')) return { kind: 'blank', start, end };
  const cells: TextRun[] = [];
  let cellStart = 0;
  for (let i = line.indexOf('\t'); i !== -1; i = line.indexOf('\t', i + 1)) {
    cells.push(trimRun(line.slice(cellStart, i), start + cellStart));
    cellStart = i + 1;
  }
  cells.push(trimRun(line.slice(cellStart), start + cellStart));
  const block: LineBlock = { kind: 'line', cells, indented: line.charCodeAt(0) === 9, start, end };
  return block;
}

/** Reads lines `fromLine`–`toLine` (0-based, inclusive) given the line start offsets. */
export function readLines(text: string, starts: readonly number[], fromLine: number, toLine: number, out: Block[]): void {
  for (let i = fromLine; i <= toLine && i < starts.length; i++) {
    const start = starts[i]!;
    let end = i + 1 < starts.length ? starts[i + 1]! - 1 : text.length;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    out.push(lineBlock(text, start, end));
  }
}

/**
 * The plain-text reader: every line a block, tabs splitting cells. Word and PDF exports carry their
 * structure in tabs, line breaks and blank lines, and this keeps all three.
 */
export function readText(text: string, starts: readonly number[]): Block[] {
  const out: Block[] = [];
  readLines(text, starts, 0, starts.length - 1, out);
  return out;
}
