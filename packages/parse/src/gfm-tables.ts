import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';
import type { FlowBlock } from './markdown-flow.js';
import { lineEndAt } from './read-text.js';

/**
 * GFM pipe tables over a CommonMark parse, by the rules of GitHub's spec as micromark-extension-gfm-table
 * applies them. The table extension costs the Markdown reader six times as much as the rest of the
 * parse (its cell resolver runs for every cell of every row), and a report is mostly tables; yet the
 * reader needs only which lines form a table and where each cell's text is — rules of lines and pipes.
 * A CommonMark paragraph holds the lines GFM would make a table, so tables are looked for in
 * paragraphs (and setext headings, whose underline GFM may take for a row). The test suite checks
 * this against remark-gfm on generated documents.
 *
 * Tables inside list items and block quotes are not looked for here: the reader finds them among the
 * lines it reads as text (`containedTableAt`). Where GFM finds a table indented under a list item, the
 * line after it may fall out of the list in GFM and not here; no report has been seen to do that.
 */

/** Where a cell's text lies: a stretch between pipes (never including one), not yet trimmed of spaces. */
export interface CellRange {
  start: number;
  end: number;
}

export interface GfmTable {
  kind: 'table';
  rows: CellRange[][];
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

export type MarkdownBlock = FlowBlock | GfmTable;

/** A line of the text: where it starts and ends (without its line ending). */
interface Line {
  start: number;
  end: number;
}

const SPACE = /[ \t]/u;

/** The first character past the line's indentation and the indentation's width in columns (tab stops of 4). */
function indentation(text: string, line: Line): { at: number; width: number } {
  let width = 0;
  let at = line.start;
  for (; at < line.end; at++) {
    const ch = text[at];
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return { at, width };
}

/** The line without its indentation and trailing spaces; undefined when it is blank. */
function content(text: string, line: Line): { at: number; end: number; width: number } | undefined {
  const { at, width } = indentation(text, line);
  let end = line.end;
  while (end > at && SPACE.test(text[end - 1]!)) end--;
  return end > at ? { at, end, width } : undefined;
}

/**
 * The stretches between unescaped pipes (`\|` and `\\` are escapes); leading and trailing pipes open and
 * close the row. A last cell with no pipe after it runs to `lineEnd`, trailing spaces and all, as GFM's does.
 */
function splitCells(text: string, at: number, end: number, lineEnd: number): CellRange[] {
  const pipes: number[] = [];
  for (let i = at; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 92 /* \ */) {
      const next = text.charCodeAt(i + 1);
      if (i + 1 < end && (next === 92 || next === 124)) i++;
    } else if (ch === 124 /* | */) pipes.push(i);
  }
  const cells: CellRange[] = [];
  let from = at;
  for (const pipe of pipes) {
    if (!(pipe === at && cells.length === 0)) cells.push({ start: from, end: pipe });
    from = pipe + 1;
  }
  if (from < end) cells.push({ start: from, end: lineEnd });
  // A row of a single pipe is one empty cell, as GFM has it.
  if (cells.length === 0) cells.push({ start: end, end });
  // An empty last cell sits after the closing pipe, so that the row's place covers the whole row.
  const last = cells[cells.length - 1]!;
  if (pipes[pipes.length - 1] === end - 1 && last.end === end - 1 && text.slice(last.start, last.end).trim() === '') cells[cells.length - 1] = { start: end, end };
  return cells;
}

const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/u;

/** The number of columns a delimiter row (`| --- | :-: |`) declares, or 0 when the line is not one. */
function delimiterColumns(text: string, line: Line): number {
  const c = content(text, line);
  if (!c || c.width > 3) return 0;
  const raw = text.slice(c.at, c.end);
  if (!raw.includes('|') && !raw.includes(':')) return 0;
  const parts = raw.split('|');
  if (parts[0]!.trim() === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1]!.trim() === '' && raw.endsWith('|')) parts.pop();
  if (parts.length === 0 || !parts.every((p) => DELIMITER_CELL.test(p))) return 0;
  return parts.length;
}

/** The cells of a header row, or undefined when the line cannot head a table. */
function headerCells(text: string, line: Line): CellRange[] | undefined {
  const c = content(text, line);
  if (!c || c.width > 3 || text.slice(c.at, c.end) === '|') return undefined;
  return splitCells(text, c.at, c.end, line.end);
}

const BLOCK_NAMES = new Set(htmlBlockNames);
const RAW_NAMES = new Set(htmlRawNames);
const ATTRIBUTE = String.raw`[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>\x60]+|'[^']*'|"[^"]*"))?`;
const COMPLETE_TAG = new RegExp(String.raw`^(?:<([A-Za-z][A-Za-z0-9-]*)(?:${ATTRIBUTE})*[ \t]*\/?>|<\/([A-Za-z][A-Za-z0-9-]*)[ \t]*>)[ \t]*$`, 'u');

/** Whether the line (past its indentation) starts an HTML block, by CommonMark's seven start conditions. */
function startsHtml(line: string): boolean {
  if (!line.startsWith('<')) return false;
  if (/^<(?:!--|\?|![A-Za-z]|!\[CDATA\[)/u.test(line)) return true;
  const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[ \t>]|\/>|$)/u.exec(line)?.[1]?.toLowerCase();
  if (name !== undefined && !line.startsWith('</') && RAW_NAMES.has(name)) return true;
  if (name !== undefined && BLOCK_NAMES.has(name)) return true;
  const tag = COMPLETE_TAG.exec(line);
  return tag !== null && !RAW_NAMES.has((tag[1] ?? tag[2] ?? '').toLowerCase());
}

/** Whether the line ends a table's body: a blank line, or the start of any other block. */
function endsBody(text: string, line: Line): boolean {
  const c = content(text, line);
  if (!c) return true;
  if (c.width > 3) return true; // indented code
  const rest = text.slice(c.at, c.end);
  return (
    rest.startsWith('>') ||
    /^#{1,6}(?:[ \t]|$)/u.test(rest) ||
    /^(?:`{3,}[^`]*|~{3,}.*)$/u.test(rest) ||
    /^([-*_])(?:[ \t]*\1){2,}$/u.test(rest) ||
    /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/u.test(rest) ||
    startsHtml(rest)
  );
}

/** The lines of the text, 0-based, from the line starts the parser keeps. */
function lineAt(text: string, starts: readonly number[], i: number): Line {
  return { start: starts[i]!, end: lineEndAt(text, starts, i) };
}

/** Parses a stretch of the text (from `offset`, on 0-based line `line`) into its top-level blocks. */
export type FlowParser = (offset: number, end: number, line: number) => FlowBlock[];

/**
 * The blocks with GFM tables found in the paragraphs: a paragraph (or setext heading) that holds a
 * table is cut around it, and the lines after a table that GFM still counts as rows are taken from
 * whatever block CommonMark put them in. Where a table ends on a line CommonMark had kept in the
 * paragraph (an indented line, say), GFM starts afresh there, so that stretch is parsed again; the
 * stretches parsed again are bounded by the text's length, so a hostile text stays linear.
 */
export function withGfmTables(blocks: readonly FlowBlock[], text: string, starts: readonly number[], parse: FlowParser): MarkdownBlock[] {
  const out: MarkdownBlock[] = [];
  let budget = text.length; // characters that may be parsed again (or scanned for where to stop)
  let consumed = 0; // the last line (1-based) a table took
  const visit = (list: readonly FlowBlock[]): void => {
    for (const [index, block] of list.entries()) {
      if (block.endLine <= consumed) continue;
      const scannable = block.kind === 'content' || (block.kind === 'heading' && block.setext);
      if (!scannable) {
        if (block.startLine > consumed) out.push(block);
        continue;
      }
      let found = false;
      // 0-based line indexes from here: a header on line `i`, its delimiter row on `i + 1`, both in the block.
      for (let i = Math.max(block.startLine, consumed + 1) - 1; i + 1 <= block.endLine - 1; i++) {
        const table = tableAt(text, starts, i);
        if (!table) continue;
        out.push(table);
        found = true;
        consumed = table.endLine;
        // Where CommonMark's block goes on past the table's last line (an indented line, a setext
        // underline, which GFM takes for rows or new blocks), GFM reads on from there as a new block,
        // up to the next blank line, where both parsers start afresh. A block that spans that blank
        // line (a fenced block with blank lines in it) is read to its end.
        const going = firstBlock(list, index, (b) => b.startLine <= table.endLine, (b) => b.endLine > table.endLine);
        if (!going) break;
        if (budget <= 0) {
          // Past the budget (scanning for the blank line counts too): the next table of the same paragraph.
          if (going !== block) break;
          i = table.endLine - 1;
          continue;
        }
        let resync = going.endLine; // 0-based: the first line after that block
        for (;;) {
          while (resync < starts.length && content(text, lineAt(text, starts, resync))) resync++;
          const at = resync;
          const spanning = firstBlock(list, index + 1, (b) => b.startLine - 1 < at, (b) => b.endLine - 1 > at);
          if (!spanning) break;
          resync = spanning.endLine;
        }
        const from = starts[table.endLine]!;
        const to = lineAt(text, starts, resync - 1).end;
        const affordable = to - from <= budget;
        budget -= to - from;
        if (affordable) {
          visit(parse(from, to, table.endLine));
          consumed = Math.max(consumed, resync);
          break;
        }
        if (going !== block) break;
        i = table.endLine - 1; // past the budget: look for the next table in the same paragraph
      }
      if (!found && block.kind === 'heading' && block.startLine > consumed) out.push(block);
    }
  };
  visit(blocks);
  return out;
}

/** The first block from `from` on that `is`, looking only while `still` holds (the blocks are in line order). */
function firstBlock(list: readonly FlowBlock[], from: number, still: (b: FlowBlock) => boolean, is: (b: FlowBlock) => boolean): FlowBlock | undefined {
  for (let k = from; k < list.length && still(list[k]!); k++) if (is(list[k]!)) return list[k];
  return undefined;
}

/** The table whose header row is on 0-based line `i`, or undefined when no table starts there. */
function tableAt(text: string, starts: readonly number[], i: number): GfmTable | undefined {
  return tableOfLines(text, starts.length, (j) => lineAt(text, starts, j), i);
}

/** A table starting on 0-based line `i` of `count` lines, each line as `lineOf` gives it. */
function tableOfLines(text: string, count: number, lineOf: (i: number) => Line, i: number): GfmTable | undefined {
  if (i + 1 >= count) return undefined;
  const header = headerCells(text, lineOf(i));
  if (!header) return undefined;
  const columns = delimiterColumns(text, lineOf(i + 1));
  if (columns === 0 || columns !== header.length) return undefined;
  const rows: CellRange[][] = [header];
  let last = i + 1;
  for (let j = i + 2; j < count; j++) {
    const line = lineOf(j);
    if (endsBody(text, line)) break;
    const c = content(text, line)!;
    rows.push(splitCells(text, c.at, c.end, line.end));
    last = j;
  }
  const first = content(text, lineOf(i))!;
  const lastLine = lineOf(last);
  return { kind: 'table', rows, start: first.at, end: content(text, lastLine)?.end ?? lastLine.end, startLine: i + 1, endLine: last + 1 };
}

/** A container's markers before a line's content: block quotes' `>` and any indentation (a list item's, or code's). */
const CONTAINER_PREFIX = /^(?:[ \t]*>)*[ \t]*/u;

/**
 * A pipe table GFM does not see, starting on 0-based line `i` and ending by line `last`: one inside a
 * list item, under two levels of quotes, or indented four spaces or more (code to Markdown). Each line is
 * read past its container's markers and indentation, by the same rules as a table at the top. A report
 * that writes its tables so means them as tables, and reading their rows as lines found none.
 */
export function containedTableAt(text: string, starts: readonly number[], i: number, last: number): GfmTable | undefined {
  const lineOf = (j: number): Line => {
    const line = lineAt(text, starts, j);
    return { start: line.start + (CONTAINER_PREFIX.exec(text.slice(line.start, line.end))?.[0].length ?? 0), end: line.end };
  };
  return tableOfLines(text, Math.min(starts.length, last + 1), lineOf, i);
}
