import { trimRun, type Block, type LineBlock, type TextRun } from './blocks.js';

/**
 * A page number standing alone on its line (`-3-`, `— 3 —`, `第 3 页`, `3 / 5`, a form feed before it):
 * PDF exports leave one between pages, often inside a table or a sentence. It is page furniture, and a
 * blank line is what it leaves behind.
 */
const PAGE_NUMBER = /^[\s\f]*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})[\s\f]*$/u;

/** Columns aligned with spaces (`pdftotext -layout`): two or more spaces, or an ideographic space, between cells. */
const ALIGNED_GAP = /(?: {2,}|\u3000+)/gu;
const BARE_NUMBER = /^[+\-−–]?\d[\d,]*(?:\.\d+)?$/u;

/**
 * The cells of a line laid out in space-aligned columns, when it reads as a table row or header: some
 * cell is a number, or the line is several short cells. Prose justified with double spaces has neither.
 */
function alignedCells(line: string, start: number): TextRun[] | undefined {
  const body = line.trim();
  if (body.length < 3 || !/ {2}|\u3000/u.test(body)) return undefined;
  const cells: TextRun[] = [];
  let from = 0;
  for (const m of line.matchAll(ALIGNED_GAP)) {
    if (m.index > from) cells.push(trimRun(line.slice(from, m.index), start + from));
    from = m.index + m[0].length;
  }
  if (from < line.length) cells.push(trimRun(line.slice(from), start + from));
  const filled = cells.filter((c) => c.text !== '');
  if (filled.length < 2) return undefined;
  const numbers = filled.filter((c) => BARE_NUMBER.test(c.text.normalize('NFKC'))).length;
  const short = filled.every((c) => c.text.length <= 16 && !/[。；;]/u.test(c.text));
  const wide = / {4,}|\u3000{2,}/u.test(body);
  // Label cells side by side (a group label beside the first words of its row's label): a wide gap
  // between words that are not a sentence.
  const labels = filled.every((c) => c.text.length <= 40 && !/[。；;！？，,]/u.test(c.text));
  if (numbers >= 1 || (short && (filled.length >= 3 || wide)) || labels) return filled;
  return undefined;
}

/** Splits one line (offsets `start`–`end` of `text`, no line break) into a line or blank block. */
/**
 * Cells a line is cut into. No table of the format has more than a few dozen, blank cells and
 * stray tabs included; a line of ten thousand tabs would otherwise cost a cell object each, in every
 * rule that reads rows. Such a line keeps its first cells and drops the rest: the row is still read,
 * and reported, as not matching the format.
 */
export const MAX_CELLS = 256;

export function lineBlock(text: string, start: number, end: number): Block {
  const line = text.slice(start, end);
  // A lone tab is an empty cell (Word writes one per empty cell), not the blank line that ends a row.
  if (line.trim() === '' && !line.includes('\t')) return { kind: 'blank', start, end };
  if (PAGE_NUMBER.test(line)) return { kind: 'blank', start, end };
  if (!line.includes('\t')) {
    const aligned = alignedCells(line, start);
    if (aligned) return { kind: 'line', cells: aligned, indented: false, aligned: true, start, end };
  }
  const cells: TextRun[] = [];
  let cellStart = 0;
  for (let i = line.indexOf('\t'); i !== -1 && cells.length < MAX_CELLS - 1; i = line.indexOf('\t', i + 1)) {
    cells.push(trimRun(line.slice(cellStart, i), start + cellStart));
    cellStart = i + 1;
  }
  if (cells.length < MAX_CELLS - 1 || !line.includes('\t', cellStart)) cells.push(trimRun(line.slice(cellStart), start + cellStart));
  else cells.push(trimRun(line.slice(cellStart, line.indexOf('\t', cellStart)), start + cellStart));
  const block: LineBlock = { kind: 'line', cells, indented: line.charCodeAt(0) === 9, start, end };
  return block;
}

/** Where 0-based line `i` ends, its line ending (`\n` or `\r\n`) left out. */
export function lineEndAt(text: string, starts: readonly number[], i: number): number {
  const start = starts[i]!;
  const end = i + 1 < starts.length ? starts[i + 1]! - 1 : text.length;
  return end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** Reads lines `fromLine`–`toLine` (0-based, inclusive) given the line start offsets. */
export function readLines(text: string, starts: readonly number[], fromLine: number, toLine: number, out: Block[]): void {
  for (let i = fromLine; i <= toLine && i < starts.length; i++) out.push(lineBlock(text, starts[i]!, lineEndAt(text, starts, i)));
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
