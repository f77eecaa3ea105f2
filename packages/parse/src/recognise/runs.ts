import { CJK_YEAR_SOURCE } from '@nianbao/format';
import type { Block, LineBlock, TextRun } from '../blocks.js';

/**
 * Small helpers the recognisers share: the one text run of a plain line, a line block built from a run,
 * and the shape of a report title. Kept apart so that each pass stays about its own layout.
 */

/** The single non-empty cell of a line block (a line without tabs), or undefined. */
export function soleRun(block: Block | undefined): TextRun | undefined {
  if (!block || block.kind !== 'line') return undefined;
  let sole: TextRun | undefined;
  for (const c of block.cells) {
    if (c.text === '') continue;
    if (sole) return undefined;
    sole = c;
  }
  return sole;
}

/** A one-cell line block over `run`; the block spans exactly the run. */
export function lineOf(run: TextRun, indented = false): LineBlock {
  return { kind: 'line', cells: [run], indented, start: run.start, end: run.end };
}

/** The run of `text.slice(start, end)` with spaces trimmed off both ends, or undefined when nothing is left. */
export function runIn(text: string, start: number, end: number): TextRun | undefined {
  let a = start;
  let b = end;
  while (a < b && isBlankChar(text.charCodeAt(a))) a++;
  while (b > a && isBlankChar(text.charCodeAt(b - 1))) b--;
  if (a === b) return undefined;
  return { text: text.slice(a, b), start: a, end: b };
}

/** Whitespace as the readers trim it, line breaks included (a run never holds them at its ends). */
export function isBlankChar(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0x3000 || code === 0xa0 || code === 0xfeff || code === 0x200b;
}

/** A year as reports write it in a title: `2019`, `二〇一九`. */
const TITLE_YEAR = new RegExp(`(?:19|20)\\d{2}|${CJK_YEAR_SOURCE}`, 'u');
/** How a report's title ends (the same words `looksLikeTitle` in facts.ts goes by). */
const TITLE_END = /(?:年度报告|工作报告|年报)$/u;

/**
 * Whether a piece of text without spaces reads as a report title: it names a year, ends the way titles
 * end and holds no sentence punctuation (a sentence that mentions `…年度报告` has some).
 */
export function isTitleText(text: string): boolean {
  return text.length >= 8 && text.length <= 80 && TITLE_END.test(text) && TITLE_YEAR.test(text) && !/[。；;，,：:！？]/u.test(text);
}
