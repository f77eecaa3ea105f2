import { cjkNumeralSource } from '@nianbao/format';
import type { Block, LineBlock, TextRun } from '../blocks.js';
import { soleRun } from './runs.js';
import { exactSection } from './section-words.js';

/**
 * A crawl of a page's text nodes, or a PDF's lines, breaks a heading wherever the page had an inline
 * element: `一、` / `总体情况`, `（` / `一` / `）` / `编制标准目录`, `（` / `四` / `）平台建设方面。`, and the
 * preamble's list of parts one item a line with each `、` on a line of its own. This pass joins those
 * pieces into one line, so that the heading and sub-head recognisers see `一、总体情况` and `（一）编制标准目录`.
 *
 * Only numbering is joined: a numeral with its separator (or in brackets) and the words after it, and a
 * lone `、` with the items on either side. A bare numeral (`三` / `是`, a prose enumeration "三是") is left
 * for the prose builder, and so is every other cut. Lines are not joined across a blank line, unless the
 * layout puts a blank line between all lines (a page copied block by block), where a blank says nothing.
 *
 * A joined block's run has `text` = the pieces' texts put together (their line breaks and the spaces at
 * their ends taken out), `start` = the first piece's start and `end` = the last piece's end: its `text`
 * is then not `view.slice(start, end)`.
 */

const NUM = `(?:${cjkNumeralSource()}|\\d{1,2})`;
/** A line that is only a numeral and its separator: `一、`, `2.`. */
const NUMERAL_LINE = new RegExp(`^${NUM}\\s*[、.．]$`, 'u');
/** A bracketed numeral still open (`（`, `（一`). */
const PAREN_OPEN = new RegExp(`^[（(]\\s*(?:${NUM}\\s*)?$`, 'u');
/** A bracketed numeral, complete at the start (`（一）…`). */
const PAREN_DONE = new RegExp(`^[（(]\\s*${NUM}\\s*[)）]`, 'u');
const PAREN_ONLY = new RegExp(`^[（(]\\s*${NUM}\\s*[)）]$`, 'u');
/** Words begin with a Han character (not a number, a bracket or a punctuation mark). */
const WORDS = /^\p{Script=Han}/u;
/** A lone enumeration comma between two items of a list. */
const LONE_COMMA = /^、$/u;

/** Whether blank lines stand between (nearly) all lines, so that they separate nothing. */
export function isSpacedLayout(blocks: readonly Block[]): boolean {
  let lines = 0;
  let spaced = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.kind === 'blank') continue;
    lines++;
    const next = blocks[i + 1];
    if (next === undefined || next.kind === 'blank') spaced++;
  }
  return lines >= 10 && spaced / lines >= 0.9;
}

function startsNumbering(text: string): boolean {
  return NUMERAL_LINE.test(text) || PAREN_OPEN.test(text) || PAREN_DONE.test(text);
}

function joined(parts: readonly TextRun[], first: Block): LineBlock {
  const start = parts[0]!.start;
  const end = parts[parts.length - 1]!.end;
  const run: TextRun = { text: parts.map((p) => p.text).join(''), start, end };
  // An indented line keeps its leading empty cell (Word's tab), as the line reader gives it.
  const indented = first.kind === 'line' && first.indented;
  return { kind: 'line', cells: indented ? [{ text: '', start, end: start }, run] : [run], indented, start, end };
}

/**
 * Joins headings, sub-head numerals and list items broken over lines (see the module comment). Other
 * blocks are returned as they are, in order; blanks between joined pieces go with the join.
 */
export function joinSplitLines(blocks: Block[]): Block[] {
  const spaced = isSpacedLayout(blocks);
  /** The index of the line that follows line `i` (over blanks only in a spaced layout), or -1. */
  const next = (i: number): number => {
    let j = i + 1;
    if (spaced) while (j < blocks.length && blocks[j]!.kind === 'blank') j++;
    return j < blocks.length && blocks[j]!.kind === 'line' ? j : -1;
  };
  const runAt = (j: number): TextRun | undefined => (j >= 0 ? soleRun(blocks[j]) : undefined);
  const out: Block[] = [];
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i]!;
    const run = soleRun(b);
    if (!run) {
      out.push(b);
      i++;
      continue;
    }
    const parts: TextRun[] = [run];
    let last = i;
    if (NUMERAL_LINE.test(run.text)) {
      const j = next(i);
      const words = runAt(j);
      if (words && WORDS.test(words.text) && !startsNumbering(words.text)) {
        parts.push(words);
        last = j;
        // `二、` / `主动公开政府信息` / `情况`: take the second line too when only with it are the words a heading's.
        const k = next(j);
        const more = runAt(k);
        if (more && !startsNumbering(more.text) && !exactSection(words.text) && exactSection(words.text + more.text)) {
          parts.push(more);
          last = k;
        }
      }
    } else if (PAREN_OPEN.test(run.text) || PAREN_ONLY.test(run.text)) {
      let acc = run.text;
      while (PAREN_OPEN.test(acc)) {
        const j = next(last);
        const piece = runAt(j);
        if (!piece) break;
        const candidate = acc + piece.text;
        if (!PAREN_OPEN.test(candidate) && !PAREN_DONE.test(candidate)) break;
        parts.push(piece);
        acc = candidate;
        last = j;
      }
      if (PAREN_ONLY.test(acc)) {
        const j = next(last);
        const words = runAt(j);
        if (words && WORDS.test(words.text) && !startsNumbering(words.text)) {
          parts.push(words);
          acc += words.text;
          last = j;
        }
      }
      if (!PAREN_DONE.test(acc)) {
        parts.length = 1;
        last = i;
      }
    } else if (LONE_COMMA.test(run.text)) {
      const j = next(i);
      const after = runAt(j);
      // The item before is what was last put out; in a spaced layout the blanks after it go with the join.
      let p = out.length - 1;
      if (spaced) while (p >= 0 && out[p]!.kind === 'blank') p--;
      const beforeBlock = out[p];
      const before = soleRun(beforeBlock);
      if (before && beforeBlock && after) {
        out.length = p;
        out.push(joined([before, run, after], beforeBlock));
        i = j + 1;
        continue;
      }
    }
    if (parts.length > 1) {
      out.push(joined(parts, b));
      i = last + 1;
    } else {
      out.push(b);
      i++;
    }
  }
  return out;
}
