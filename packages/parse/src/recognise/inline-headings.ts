import { CJK_NUMERAL_CHARS } from '@nianbao/format';
import type { Block, TextRun } from '../blocks.js';
import { isBlankChar, isTitleText, lineOf, soleRun } from './runs.js';
import { SECTION_WORDS, isInnerSpace, matchWordingAt } from './section-words.js';

/**
 * Some page-text archives keep a report's whole body on one line: title, preamble, every heading,
 * sub-head and table cell run together (`…年度报告 本报告… 一、总体情况2019年，在… 二、主动公开政府信息情况
 * 第二十条第（一）项 信息内容…`). The parser finds headings on lines of their own, so this pass cuts such a
 * line at each section heading standing inline, and cuts off the title that opens it.
 *
 * A heading here is a numeral, a separator and one of the format's wordings of that section (title,
 * variant or known misspelling), in the format's order, each section at most once. That keeps out what
 * only looks like one: Table 三's row labels (`三、本年度办理结果`, `一、本年新收…`) say other words; a
 * citation (`第二十条第（一）项`) has no separator after its numeral; and a preamble that lists the parts in
 * its own words (`…因政府信息公开申请行政复议、提起行政诉讼的情况…`) numbers none of them. A preamble that does
 * number them (`一、总体情况；二、主动公开…` or the six in a row) is a list, not headings: a heading is followed
 * by its section's text, not by list punctuation or straight away by the next heading and the next.
 */

/** Lines shorter than this are paragraphs, whatever they mention. */
const MIN_LINE_LENGTH = 300;

/** A numeral and its separator, as a section heading opens: `一、`, `三 、`, `4．`. */
const NUMERAL = new RegExp(`([${CJK_NUMERAL_CHARS}]|\\d{1,2})[ \\u3000\\u00a0]*[、.．][ \\u3000\\u00a0]*`, 'gu');
const CJK_NUMERAL = new RegExp(`[${CJK_NUMERAL_CHARS}]`, 'u');

/** Punctuation after a wording that says it is an item of a list (`总体情况、主动公开…`). */
const LIST_PUNCTUATION = /[、，,；;]/u;
/** At most this much space or punctuation between two headings in a row before they read as a list. */
const LIST_GAP = 3;

interface Candidate {
  section: number;
  /** Offsets in the line's text: the numeral's start and the end of the heading's words. */
  start: number;
  end: number;
}

function precededByNumbering(s: string, at: number, arabic: boolean): boolean {
  if (at === 0) return false;
  const before = s[at - 1]!;
  // `第二十条`, `（一）`: a citation or a sub-head, not a section numeral; `十一、` has a longer numeral.
  if (/[第（(]/u.test(before) || CJK_NUMERAL.test(before)) return true;
  // `…0 0 04、` cannot tell the numeral from the digits before it.
  return arabic && /[\d.．]/u.test(before);
}

/** Every place in `s` where a section's numeral and words stand, with the longest wording that fits. */
export function headingCandidates(s: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of s.matchAll(NUMERAL)) {
    const at = m.index;
    const arabic = /\d/u.test(m[1]!);
    if (precededByNumbering(s, at, arabic)) continue;
    const wordsAt = at + m[0].length;
    for (const section of SECTION_WORDS) {
      let end = -1;
      for (const w of section.wordings) {
        end = matchWordingAt(s, wordsAt, w);
        if (end >= 0) break;
      }
      if (end < 0) continue;
      let after = end;
      while (after < s.length && isInnerSpace(s.charCodeAt(after))) after++;
      if (after < s.length && LIST_PUNCTUATION.test(s[after]!)) break;
      found.push({ section: section.index, start: at, end });
      break;
    }
  }
  return dropLists(s, found);
}

/** Drops runs of three or more candidates with nothing but a little space or punctuation between them. */
function dropLists(s: string, found: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  let run: Candidate[] = [];
  const flush = (): void => {
    if (run.length < 3) kept.push(...run);
    run = [];
  };
  for (const c of found) {
    const last = run[run.length - 1];
    const gap = last ? s.slice(last.end, c.start) : '';
    if (last && gap.length <= LIST_GAP && /^[\s\u3000\u00a0、，,；;。.]*$/u.test(gap)) run.push(c);
    else {
      flush();
      run = [c];
    }
  }
  flush();
  return kept;
}

/**
 * The headings to cut at: the longest chain of candidates in the format's order (each section once,
 * each after the one before). Among chains as long, the one whose headings come first.
 */
export function chooseHeadings(found: readonly Candidate[]): Candidate[] {
  const length: number[] = [];
  const previous: number[] = [];
  for (let i = 0; i < found.length; i++) {
    length.push(1);
    previous.push(-1);
    for (let j = 0; j < i; j++) {
      if (found[j]!.section < found[i]!.section && found[j]!.end <= found[i]!.start && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  let best = -1;
  for (let i = 0; i < found.length; i++) if (best < 0 || length[i]! > length[best]!) best = i;
  const chain: Candidate[] = [];
  for (let i = best; i >= 0; i = previous[i]!) chain.unshift(found[i]!);
  return chain;
}

/** The title that opens a line: a title-shaped first token followed by a space (`…年度报告 本报告…`). */
function openingTitle(s: string, limit: number): number {
  let a = 0;
  while (a < s.length && isBlankChar(s.charCodeAt(a))) a++;
  let b = a;
  while (b < s.length && !isBlankChar(s.charCodeAt(b))) b++;
  if (b >= s.length || b > limit) return -1;
  return isTitleText(s.slice(a, b)) ? b : -1;
}

function piece(run: TextRun, from: number, to: number, out: TextRun[]): void {
  let a = from;
  let b = to;
  while (a < b && isBlankChar(run.text.charCodeAt(a))) a++;
  while (b > a && isBlankChar(run.text.charCodeAt(b - 1))) b--;
  if (a < b) out.push({ text: run.text.slice(a, b), start: run.start + a, end: run.start + b });
}

/**
 * Cuts one run at its inline headings, or returns undefined when it is not a flattened report (too
 * short, or fewer than two headings). Every piece is a slice of the run: `text` is `view.slice(start, end)`.
 * A heading piece is exactly numeral and words (`一、总体情况`), the text after it a piece of its own.
 */
export function splitInlineHeadings(run: TextRun): TextRun[] | undefined {
  if (run.text.length <= MIN_LINE_LENGTH) return undefined;
  const headings = chooseHeadings(headingCandidates(run.text));
  if (headings.length < 2) return undefined;
  const pieces: TextRun[] = [];
  let pos = 0;
  const titleEnd = openingTitle(run.text, headings[0]!.start);
  if (titleEnd > 0) {
    piece(run, 0, titleEnd, pieces);
    pos = titleEnd;
  }
  for (const h of headings) {
    piece(run, pos, h.start, pieces);
    pieces.push({ text: run.text.slice(h.start, h.end), start: run.start + h.start, end: run.start + h.end });
    pos = h.end;
  }
  piece(run, pos, run.text.length, pieces);
  return pieces;
}

/**
 * The pass: every long one-cell line holding two or more inline headings becomes one line block per
 * piece (title, text, heading, text, …); every other block is left as it is.
 */
export function splitInlineHeadingBlocks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const run = soleRun(b);
    const pieces = run && b.kind === 'line' ? splitInlineHeadings(run) : undefined;
    if (!pieces) {
      out.push(b);
      continue;
    }
    const indented = b.kind === 'line' && b.indented;
    for (const p of pieces) out.push(lineOf(p, indented));
  }
  return out;
}
