import type { Root, RootContent } from 'mdast';
import { trimRun, type Block, type TextRun } from './blocks.js';
import { tameMarkdown } from './markdown-guard.js';
import { readLines } from './read-text.js';
import { markdownEngine } from './readers/engines.js';

/** A GFM table's delimiter row (`| --- | :-: |`): the only GFM syntax whose structure the reader uses. */
const DELIMITER_ROW = /^ {0,3}\|? *:?-+:? *(?:\| *:?-+:? *)+\|? *$|^ {0,3}\| *:?-+:? *\|? *$/mu;

const MARKDOWN_HINT = /^ {0,3}(?:#{1,6}[ \t]|\|.*\||<!--)|^ {0,3}\|? *:?-{3,}:? *\|/mu;

/** Whether the text uses Markdown syntax that the plain-text reader would misread. */
export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_HINT.test(text);
}

function cellRun(text: string, start: number, end: number): TextRun {
  let a = start;
  let b = end;
  while (a < b && /[\s|]/u.test(text[a]!)) a++;
  while (b > a && /[\s|]/u.test(text[b - 1]!) && text[b - 2] !== '\\') b--;
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
 * The Markdown reader: remark (with GFM) finds what Markdown syntax marks — headings, tables, HTML
 * comments, code — and every other line goes through the plain-text reader, because real reports paste
 * tab-separated tables and plain-line headings into Markdown files.
 */
export function readMarkdown(text: string, starts: readonly number[]): Block[] {
  let tree: Root;
  try {
    // GFM doubles remark's cost; only pipe tables need it, and most reports have none.
    const engine = markdownEngine();
    const parse = DELIMITER_ROW.test(text) ? engine.gfm : engine.commonmark;
    tree = parse(maskUnclosedComment(tameMarkdown(text)));
  } catch {
    // remark does not throw on text, but a parser bug must not cost the user the whole document.
    return readLinesAll(text, starts);
  }
  const out: Block[] = [];
  let nextLine = 0; // 0-based line not yet emitted
  for (const node of tree.children) {
    const pos = node.position;
    if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) continue;
    const block = structuralBlock(node, text, pos.start.offset, pos.end.offset);
    if (block === undefined) continue;
    readLines(text, starts, nextLine, pos.start.line - 2, out);
    if (block !== 'skip') out.push(...block);
    nextLine = pos.end.line;
  }
  readLines(text, starts, nextLine, starts.length - 1, out);
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

function readLinesAll(text: string, starts: readonly number[]): Block[] {
  const out: Block[] = [];
  readLines(text, starts, 0, starts.length - 1, out);
  return out;
}

/** The blocks for a node Markdown gives structure to; undefined for nodes read as plain lines. */
function structuralBlock(node: RootContent, text: string, start: number, end: number): Block[] | 'skip' | undefined {
  switch (node.type) {
    case 'heading':
      return [{ kind: 'heading', depth: node.depth, text: headingRun(text, start, end), start, end }];
    case 'table': {
      const rows = node.children.map((row) =>
        row.children.map((cell) => {
          const p = cell.position;
          return p?.start.offset !== undefined && p.end.offset !== undefined
            ? cellRun(text, p.start.offset, p.end.offset)
            : { text: '', start, end: start };
        }),
      );
      return [{ kind: 'grid', rows, start, end }];
    }
    case 'html':
      // Comments are collected from the whole text by the builder; other HTML is read as lines.
      return /^\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)+$/u.test(text.slice(start, end)) ? 'skip' : undefined;
    case 'code':
      // Only a fenced block is code. Lines indented by a tab are Word's one-cell-per-line table export,
      // which Markdown would take for indented code.
      return /^ {0,3}(?:```|~~~)/u.test(text.slice(start, end)) ? 'skip' : undefined;
    default:
      return undefined;
  }
}
