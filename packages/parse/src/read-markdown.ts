import { trimRun, type Block, type TextRun } from './blocks.js';
import { containedTableAt, withGfmTables, type GfmTable, type MarkdownBlock } from './gfm-tables.js';
import { flowBlocks } from './markdown-flow.js';
import { tameMarkdown } from './markdown-guard.js';
import { lineBlock, lineEndAt, readLines } from './read-text.js';
import { markdownEngine } from './readers/engines.js';

const MARKDOWN_HINT = /^ {0,3}(?:#{1,6}[ \t]|\|.*\||<!--)|^ {0,3}\|? *:?-{3,}:? *\|/mu;

/** Whether the text uses Markdown syntax that the plain-text reader would misread. */
export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_HINT.test(text);
}

/** A cell's text: the stretch between its pipes, trimmed of white space. */
function cellRun(text: string, start: number, end: number): TextRun {
  let a = start;
  let b = end;
  while (a < b && /\s/u.test(text[a]!)) a++;
  while (b > a && /\s/u.test(text[b - 1]!)) b--;
  return trimRun(text.slice(a, b), a);
}

function headingRun(text: string, start: number, end: number): TextRun {
  const raw = text.slice(start, end);
  const atx = /^ {0,3}#{1,6}[ \t]*/u.exec(raw);
  if (atx) {
    const body = raw.slice(atx[0].length).replace(/[ \t]+#+[ \t]*$/u, '').replace(/^#+[ \t]*$/u, '');
    return trimRun(body, start + atx[0].length);
  }
  const firstLine = raw.split('\n')[0] ?? '';
  return trimRun(firstLine, start);
}

/**
 * The Markdown reader: micromark (CommonMark) and the GFM table rules find what Markdown syntax marks —
 * headings, tables, HTML comments, code — and every other line goes through the plain-text reader,
 * because real reports paste tab-separated tables and plain-line headings into Markdown files.
 */
export function readMarkdown(text: string, starts: readonly number[]): Block[] {
  let blocks: MarkdownBlock[];
  try {
    blocks = markdownBlocks(unquote(maskUnclosedComment(tameMarkdown(text))), starts);
  } catch {
    // micromark does not throw on text, but a parser bug must not cost the user the whole document.
    return readLinesAll(text, starts);
  }
  const out: Block[] = [];
  let nextLine = 0; // 0-based line not yet emitted
  for (const node of blocks) {
    const block = structuralBlock(node, text);
    if (block === undefined) continue;
    readQuotedLines(text, starts, nextLine, node.startLine - 2, out);
    if (block !== 'skip') out.push(...block);
    nextLine = node.endLine;
  }
  readQuotedLines(text, starts, nextLine, starts.length - 1, out);
  return out;
}

/**
 * The text with a `<!--` that is never closed blanked out (same length, so offsets hold). Markdown would
 * make it an HTML block running to the end of the file, hiding every heading and table after it; the
 * opener is more likely a slip than the intent to comment out the rest of the report.
 */
function maskUnclosedComment(text: string): string {
  const lastClose = text.lastIndexOf('-->');
  const open = text.indexOf('<!--', lastClose < 0 ? 0 : lastClose + 3);
  if (open < 0) return text;
  return text.slice(0, open) + ' '.repeat(4) + text.slice(open + 4);
}

/** A blockquote's markers at the start of a line (`> `, `>>`, `> > `): Markdown's, not the report's. */
const QUOTE_MARKERS = /^(?: {0,3}>[ \t]?)+/u;
const QUOTED_LINE = /^ {0,3}>/mu;

/**
 * The text with every blockquote marker blanked (same length, so offsets hold): the parser then finds a
 * table or heading quoted in Markdown where it finds any other. GFM finds a table only outside
 * containers, and a report's table quoted with `> ` before each row was read as no table at all (a
 * missing Table 二, a Table 三 without its rows). A table under two levels of quotes stands four columns
 * in, which Markdown reads as code: such a table is read as lines, as before.
 */
function unquote(text: string): string {
  if (!QUOTED_LINE.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      const markers = QUOTE_MARKERS.exec(line);
      return markers ? markers[0].replace(/>/gu, ' ') + line.slice(markers[0].length) : line;
    })
    .join('\n');
}

/**
 * Lines read as plain text, each without the blockquote markers it starts with: a table or a heading
 * quoted in Markdown (`> | 项目 | 件数 |`) is the report's table or heading all the same, and with `> `
 * before every row no reader would see its cells.
 */
function readQuotedLines(text: string, starts: readonly number[], fromLine: number, toLine: number, out: Block[]): void {
  for (let i = fromLine; i <= toLine && i < starts.length; i++) {
    const start = starts[i]!;
    const end = lineEndAt(text, starts, i);
    // A pipe table inside a container or indented as code: the report's table all the same.
    const table = text.includes('|', start) && text.lastIndexOf('|', end) >= start ? containedTableAt(text, starts, i, toLine) : undefined;
    if (table) {
      out.push(gridBlock(table, text));
      i = table.endLine - 1;
      continue;
    }
    const markers = text.charCodeAt(start) === 0x3e || text.startsWith(' ', start) ? (QUOTE_MARKERS.exec(text.slice(start, end))?.[0].length ?? 0) : 0;
    // A heading in a quote deeper than the parser was shown it (two levels stand four columns in).
    const heading = markers > 0 ? /^([ \t]*)(#{1,6})(?:[ \t]|$)/u.exec(text.slice(start + markers, end)) : null;
    if (heading) {
      const at = start + markers + heading[1]!.length;
      out.push({ kind: 'heading', depth: heading[2]!.length, text: headingRun(text, at, end), start: at, end });
    } else out.push(lineBlock(text, start + markers, end));
  }
}

function readLinesAll(text: string, starts: readonly number[]): Block[] {
  const out: Block[] = [];
  readLines(text, starts, 0, starts.length - 1, out);
  return out;
}

/** The top-level blocks of Markdown text, GFM tables among them (`starts`: where each line starts). */
export function markdownBlocks(text: string, starts: readonly number[]): MarkdownBlock[] {
  const engine = markdownEngine();
  const stretch = (offset: number, end: number, line: number) => {
    const part = text.slice(offset, end);
    return flowBlocks(engine(part), part, offset, line);
  };
  return withGfmTables(flowBlocks(engine(text), text), text, starts, stretch);
}

function gridBlock(table: GfmTable, text: string): Block {
  return { kind: 'grid', rows: table.rows.map((row) => row.map((cell) => cellRun(text, cell.start, cell.end))), start: table.start, end: table.end };
}

/** The blocks for a node Markdown gives structure to; undefined for nodes read as plain lines. */
function structuralBlock(node: MarkdownBlock, text: string): Block[] | 'skip' | undefined {
  const { start, end } = node;
  switch (node.kind) {
    case 'heading':
      return [{ kind: 'heading', depth: node.depth, text: headingRun(text, start, end), start, end }];
    case 'table':
      return [gridBlock(node, text)];
    case 'html':
      // Comments are collected from the whole text by the builder; other HTML is read as lines.
      return /^\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)+$/u.test(text.slice(start, end)) ? 'skip' : undefined;
    case 'fenced':
      return 'skip';
    default:
      // An indented block is not code: lines indented by a tab are Word's one-cell-per-line table export.
      return undefined;
  }
}
