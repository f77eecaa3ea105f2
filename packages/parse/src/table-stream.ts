import { LABEL_ENUMERATOR_SOURCE, normalizeLabel, VALUE_PREFIXES, VALUE_SUFFIXES } from '@nianbao/format';
import type { Block, LineBlock, TextRun } from './blocks.js';
import { classify, piecesOf, type PhysicalRow, type Token } from './table-cells.js';

/**
 * Table text whose cell boundaries the layout lost: a crawl or a copy that writes one text node per
 * line (a cell's spans on several lines, header cells in page order), and text that runs a row's label
 * and numbers together (`一、本年新收政府信息公开申请数量230 000023`). Both become one stream of label
 * and number tokens, cut into physical rows at each label that follows numbers; the format's grid does
 * the rest (see tables.ts).
 */

const DIGITS = /[+\-−]?[0-9０-９]+(?:[.．][0-9０-９]+)?/gu;
const CJK = /[\u4e00-\u9fff]/u;
/** Digits that are part of a label's words: `第2项`, `（2019年起）`, `2.其他…`, `30号`, `100%`. */
const LABEL_DIGIT_AFTER = /\s*[年月日号条项〕\]）)%％]/uy;
const ITEM_NUMBER_AFTER = /[.．、]\s*[\u4e00-\u9fff“"]/uy;
const UNIT_AFTER = /万元|亿元|元/uy;

const OPEN = new Set(['（', '(', '〔', '[']);
const CLOSE = new Set(['）', ')', '〕', ']']);

/**
 * Bracket depth at increasing positions of one text, each character read once: a long run-on line
 * holds thousands of numbers, and counting from the start for each was quadratic.
 */
function depthReader(text: string): (upTo: number) => number {
  let at = 0;
  let depth = 0;
  return (upTo) => {
    for (; at < upTo; at++) {
      const ch = text[at]!;
      if (OPEN.has(ch)) depth++;
      else if (CLOSE.has(ch) && depth > 0) depth--;
    }
    return depth;
  };
}

/** Whether `pattern` (sticky) matches `text` at `at`; returns the match or null. */
function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function textToken(text: string, start: number): Token | undefined {
  const lead = text.length - text.trimStart().length;
  const body = text.trim();
  if (body === '') return undefined;
  return classify(body, start + lead, start + lead + body.length);
}

/** A run of digits whose cell boundaries are lost: it may hold several cells. */
function runToken(text: string, start: number): Token {
  const token = classify(text, start, start + text.length);
  token.run = true;
  return token;
}

/**
 * The tokens of one cell whose text mixes a label and numbers, or the cell's own token when it does not:
 * digits that belong to the label's words (item numbers, years, 第N项) stay in the label, the others
 * become runs (split at spaces: `230 000023` is two runs), each followed by its unit if it has one.
 */
export function cellTokens(cell: TextRun): Token[] {
  // Most cells are a number or a label alone: their token without the generators.
  const whole = wholeToken(cell);
  if (whole) return splitAtNumbering(whole);
  const out: Token[] = [];
  for (const token of mixedTokens(cell)) out.push(...splitAtNumbering(token));
  return out;
}

/**
 * `cellTokens` one token at a time, for a caller that counts or stops early: a whole report body on one
 * line is a cell of hundreds of thousands of tokens, and holding them all to look at each once was
 * most of what such a line cost in memory.
 */
export function* cellTokenStream(cell: TextRun): Generator<Token> {
  const whole = wholeToken(cell);
  if (whole) {
    yield* splitAtNumbering(whole);
    return;
  }
  for (const token of mixedTokens(cell)) yield* splitAtNumbering(token);
}

/** A space before a row's numbering (`1.`, `（二）`) inside a label cell starts the next label. */
const NUMBERING_AFTER_SPACE = new RegExp(`[ \\u3000]+(?=${LABEL_ENUMERATOR_SOURCE}[^\\d\\s])`, 'gu');

/**
 * A cell holding the end of one label and the start of the next (aligned text wraps a long label so that
 * `政府信息公开申请 2.申请人逾期未按…` share a line): cut before the numbering, so each label is its own.
 */
function splitAtNumbering(token: Token): Token[] {
  if (token.kind !== 'text' || token.end - token.start !== token.text.length || !NUMBERING_AFTER_SPACE.test(token.text)) return [token];
  NUMBERING_AFTER_SPACE.lastIndex = 0;
  const out: Token[] = [];
  let from = 0;
  for (const m of token.text.matchAll(NUMBERING_AFTER_SPACE)) {
    const piece = textToken(token.text.slice(from, m.index), token.start + from);
    if (piece) out.push(piece);
    from = m.index + m[0].length;
  }
  const rest = textToken(token.text.slice(from), token.start + from);
  if (rest) out.push(rest);
  return out.length > 0 ? out : [token];
}

/**
 * Whether a text with CJK characters can still be one number: only with its unit (`12件`, `3万元`) as its
 * last characters, the only CJK a number's cell holds. A long label is told apart without classifying
 * (folding and normalizing) all of it.
 */
function mayBeNumber(text: string): boolean {
  return !CJK.test(text.trimEnd().slice(0, -2));
}

/** Whether a cell's text has both Chinese and digits: only then may it hold a label and numbers together. */
const isMixed = (text: string): boolean => CJK.test(text) && /[0-9０-９]/u.test(text);

/** The cell's one token when it is a single one: no Chinese and digits together, or a number with its unit. */
function wholeToken(cell: TextRun): Token | undefined {
  const text = cell.text;
  const mixed = isMixed(text);
  if (!mixed || mayBeNumber(text)) {
    const whole = classify(text, cell.start, cell.end);
    if (!mixed || whole.kind !== 'text') return whole;
  }
  return undefined;
}

/** The tokens of a cell that is not one token (`wholeToken`): Chinese and digits together. */
function* mixedTokens(cell: TextRun): Generator<Token> {
  const text = cell.text;
  // The cuts as start, end pairs in one array of numbers: a long line has hundreds of thousands.
  const cuts: number[] = [];
  const depthAt = depthReader(text);
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(text); m; m = DIGITS.exec(text)) {
    let end = m.index + m[0].length;
    const before = text[m.index - 1];
    if (matchAt(LABEL_DIGIT_AFTER, text, end) !== null || before === '第' || depthAt(m.index) > 0) continue;
    if (matchAt(ITEM_NUMBER_AFTER, text, end) !== null) {
      // `…00000002.其他法律…`: the last digit numbers the next label.
      if (m[0].length === 1 || m[0].includes('.') || m[0].includes('．')) continue;
      end -= 1;
    }
    const unit = matchAt(UNIT_AFTER, text, end);
    cuts.push(m.index, end + (unit ? unit[0].length : 0));
  }
  DIGITS.lastIndex = 0;
  if (cuts.length === 0) {
    yield classify(text, cell.start, cell.end);
    return;
  }
  // `增7`, `11批`: one cell, a number with a word beside it, to be judged as written.
  if (cuts.length === 2) {
    const words = (text.slice(0, cuts[0]!) + text.slice(cuts[1]!)).trim();
    if (PREFIXES.has(words) || SUFFIXES.has(words)) {
      yield { ...classify(text, cell.start, cell.end), valueLike: true };
      return;
    }
  }
  // Digits next to each other with only spaces between are separate runs; merge nothing across text.
  let from = 0;
  for (let k = 0; k < cuts.length; k += 2) {
    const start = cuts[k]!;
    const end = cuts[k + 1]!;
    const label = textToken(text.slice(from, start), cell.start + from);
    if (label) yield label;
    yield runToken(text.slice(start, end), cell.start + start);
    from = end;
  }
  const rest = textToken(text.slice(from), cell.start + from);
  if (rest) yield rest;
}

/** One token from several neighbours (a cell's spans on separate lines), keeping where each piece is. */
export function mergeTokens(parts: readonly Token[], asValue: boolean): Token {
  const text = parts.map((p) => p.text).join('');
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const token = classify(text, first.start, last.end);
  token.pieces = piecesOf(parts);
  if (asValue) token.valueLike = true;
  return token;
}

const PREFIXES = new Set(VALUE_PREFIXES);
const SUFFIXES = new Set(VALUE_SUFFIXES);

const isValue = (t: Token | undefined): boolean => t !== undefined && (t.kind === 'number' || (t.kind === 'text' && t.valueLike));
const isText = (t: Token | undefined): boolean => t !== undefined && t.kind === 'text' && !t.valueLike;

/**
 * Repairs what a page's spans did to cells before the stream is cut into rows: digits that continue a
 * label's words (`（` / `2019` / `年起）`), value-like marks inside a label (`本年增` / `/` / `减`), and
 * words beside a number (`增` / `7`, `11` / `批`) joined to it.
 */
function repair(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const previous = out[out.length - 1];
    const next = tokens[i + 1];
    if (t.kind === 'number' && isText(previous) && isText(next) && (/[第（(]$/u.test(previous!.text) || matchAt(LABEL_DIGIT_AFTER, next!.text, 0) !== null)) {
      out.push({ ...t, kind: 'text', value: null, valueLike: false, key: normalizeLabel(t.text) });
      continue;
    }
    if (t.kind === 'text' && t.valueLike && isText(previous) && isText(next)) {
      out.push({ ...t, valueLike: false });
      continue;
    }
    if (t.kind === 'text' && PREFIXES.has(t.text) && next?.kind === 'number' && !next.run) {
      out.push(mergeTokens([t, next], true));
      i++;
      continue;
    }
    if (t.kind === 'text' && SUFFIXES.has(t.text) && previous?.kind === 'number' && !previous.run) {
      out[out.length - 1] = mergeTokens([previous, t], true);
      continue;
    }
    out.push(t);
  }
  return out;
}

const SENTENCE_END = /[。；;！？]/gu;

/**
 * A body run together on one line puts a section's sentences and its table in one stream: the sentences
 * before the table's first header words (`本年度新收申请32件，…结转下年度继续办理0件。`) are prose, and their
 * numbers are not cells. Table labels never hold a full stop, so the last sentence end before the header
 * is where the table begins.
 */
function withoutLeadingProse(tokens: Token[], startsTable: (t: Token) => boolean): Token[] {
  const first = tokens.findIndex((t) => t.kind === 'text' && startsTable(t));
  if (first < 0) return tokens;
  for (let i = first; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.kind !== 'text') continue;
    const ends = [...t.text.matchAll(SENTENCE_END)];
    const last = ends[ends.length - 1];
    if (!last) continue;
    const cut = last.index + last[0].length;
    const rest = t.text.slice(cut);
    const kept = rest.trim() === '' ? [] : [classify(rest.trim(), t.start + cut + (rest.length - rest.trimStart().length), t.end)];
    return [...kept, ...tokens.slice(i + 1)];
  }
  return tokens;
}

/** Whether a region is written one text node per line, with no tabs to mark cells (crawls, copies). */
export function isStream(blocks: ReadonlyArray<Block>): boolean {
  const lines = blocks.filter((b): b is LineBlock => b.kind === 'line');
  if (lines.length < 2) return false;
  if (lines.some((b) => b.indented || b.cells.length > 1)) return false;
  // A table with no tab anywhere and its numbers on lines of their own has no cell boundaries at all.
  return lines.some((b) => classify(b.cells[0]!.text, 0, 0).kind === 'number');
}

/** Whether any cell of the region runs a label and numbers together. */
export function hasRunTogether(blocks: ReadonlyArray<Block>): boolean {
  for (const b of blocks) {
    if (b.kind !== 'line') continue;
    for (const c of b.cells) {
      if (!isMixed(c.text)) continue;
      for (const t of cellTokenStream(c)) if (t.run) return true;
    }
  }
  return false;
}

/**
 * The stream of a region's tokens cut into physical rows: a row is a run of labels followed by a run of
 * values. Blank lines carry nothing here: copies put one between every two lines, inside cells too.
 */
export function streamRows(blocks: ReadonlyArray<Block>, startsTable: (t: Token) => boolean = () => false): PhysicalRow[] {
  const raw: Token[] = [];
  for (const b of blocks) {
    if (b.kind !== 'line') continue;
    for (const c of b.cells) if (c.text !== '') raw.push(...cellTokens(c));
  }
  const tokens = repair(withoutLeadingProse(raw, startsTable));
  const rows: PhysicalRow[] = [];
  let current: PhysicalRow | undefined;
  let sawValue = false;
  for (const t of tokens) {
    if (isText(t) && sawValue) current = undefined;
    if (!current) {
      current = { tokens: [], start: t.start, end: t.end };
      rows.push(current);
      sawValue = false;
    }
    current.tokens.push(t);
    current.end = t.end;
    if (isValue(t)) sawValue = true;
  }
  return rows;
}
