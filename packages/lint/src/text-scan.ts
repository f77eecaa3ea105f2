/**
 * Helpers for the rules that read prose (period-statement, year-mismatch, publish-deadline,
 * text-mismatch): whitespace-free views of sentences that keep their source offsets, the years a
 * sentence names, and spans built from offsets.
 */
import { CJK_YEAR_SOURCE, cjkYearValue } from '@nianbao/format';
import { LineIndex, type ParagraphNode, type ReportDocument, type SentenceNode, type Span } from '@nianbao/parse';

const LINE_INDEXES = new WeakMap<ReportDocument, LineIndex>();

/** A span of the document's text from 0-based offsets (the line index is built once per document). */
export function spanAt(document: ReportDocument, start: number, end: number): Span {
  let lines = LINE_INDEXES.get(document);
  if (!lines) {
    lines = new LineIndex(document.text);
    LINE_INDEXES.set(document, lines);
  }
  return lines.span(start, end);
}

/**
 * A piece of source text with its whitespace taken out, as PDF and Word exports scatter spaces and line
 * breaks between words and digits (`2021 年`, `申请数量 15 条`). Whitespace between two digits is kept as
 * one space, so that `1 5` never reads as 15 — except a bare line break, which joins them.
 * `sourceOffset(flat, i)` is the source offset of `text[i]`; at `text.length`, the offset just past the
 * last character.
 */
export interface FlatText {
  text: string;
  /** The source offset of the text's first character. */
  base: number;
  /**
   * Each character's source offset, and one past the end; absent when the text is its source unchanged
   * (most sentences), where `text[i]` stands at `base + i`: a long paragraph of short sentences would
   * otherwise keep an array per sentence.
   */
  offsets?: Int32Array;
}

/** The source offset of `flat.text[i]` (`i` up to `text.length`). */
export function sourceOffset(flat: FlatText, i: number): number {
  return flat.offsets ? flat.offsets[i]! : flat.base + i;
}

/** The first position of the flat text at or after source offset `offset`, or -1 past its end. */
export function flatIndexAt(flat: FlatText, offset: number): number {
  if (!flat.offsets) return offset - flat.base <= flat.text.length ? Math.max(0, offset - flat.base) : -1;
  return flat.offsets.findIndex((o) => o >= offset);
}

const NEEDS_FLATTENING = /[\s\u3000\uff10-\uff19]/u;

/** Whether code unit `c` is whitespace as the regex `\s` (with U+3000) has it. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);

const UTF16 = new TextDecoder('utf-16le');
/** A Uint16Array's bytes are the machine's order: the decoder reads them as little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A string of the first `length` code units of `units`, decoded in one call. A lone surrogate becomes
 * U+FFFD, one code unit for one, so every offset still holds; no rule reads such a character.
 */
function unitsToString(units: Uint16Array, length: number): string {
  if (LITTLE_ENDIAN) return UTF16.decode(units.subarray(0, length));
  const parts: string[] = [];
  for (let i = 0; i < length; i += 8192) parts.push(String.fromCharCode(...units.subarray(i, Math.min(length, i + 8192))));
  return parts.join('');
}

/** Whether the whitespace run `[i, j)` is one line break, maybe with the next line's indentation (aligned text). */
function isLineBreak(source: string, i: number, j: number): boolean {
  let k = i;
  if (source.charCodeAt(k) === 0x0d) k++;
  if (source.charCodeAt(k) !== 0x0a) return false;
  for (k++; k < j; k++) {
    const c = source.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09 && c !== 0x3000) return false;
  }
  return true;
}

/**
 * The flat form of `source`: whitespace runs dropped, one space kept between two digits
 * unless the run is a line break (`\n` or `\r\n`, maybe with the next line's indentation: a crawl breaks a
 * number wherever the page had an inline element, `201` / `9` / `年`, and aligned text wherever the line is
 * full), full-width digits made ASCII. One pass into a code-unit buffer
 * and, when asked, a typed array of offsets: a long paragraph costs a few bytes per character, not a
 * string and an array slot per whitespace run.
 */
function flattenRange(source: string, withOffsets: boolean, base: number): { units: Uint16Array; length: number; offsets: Int32Array | undefined } {
  const units = new Uint16Array(source.length);
  const offsets = withOffsets ? new Int32Array(source.length + 1) : undefined;
  let n = 0;
  let i = 0;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (!isSpace(c)) {
      units[n] = c >= 0xff10 && c <= 0xff19 ? c - 0xfee0 : c;
      if (offsets) offsets[n] = base + i;
      n++;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < source.length && isSpace(source.charCodeAt(j))) j++;
    if (!isLineBreak(source, i, j) && n > 0 && isDigit(units[n - 1]!) && j < source.length && isDigit(source.charCodeAt(j))) {
      units[n] = 0x20;
      if (offsets) offsets[n] = base + i;
      n++;
    }
    i = j;
  }
  if (offsets) offsets[n] = base + source.length;
  return { units, length: n, offsets };
}

/** `flatten(source).text` without the offsets, for a caller that only reads the words. */
export function flattenText(source: string): string {
  if (!NEEDS_FLATTENING.test(source)) return source;
  const { units, length } = flattenRange(source, false, 0);
  return unitsToString(units, length);
}

export function flatten(source: string, base: number): FlatText {
  // Most sentences have neither: then the text is its own flat form, offset for offset.
  if (!NEEDS_FLATTENING.test(source)) return { text: source, base };
  const { units, length, offsets } = flattenRange(source, true, base);
  return { text: unitsToString(units, length), base, offsets: offsets!.slice(0, length + 1) };
}

const FLAT_SENTENCES = new WeakMap<SentenceNode, FlatText>();

/** A sentence's flat text, made once and shared by every rule that reads it. */
export function flatSentence(sentence: SentenceNode): FlatText {
  let flat = FLAT_SENTENCES.get(sentence);
  if (!flat) {
    flat = flatten(sentence.text, sentence.span.start.offset);
    FLAT_SENTENCES.set(sentence, flat);
  }
  return flat;
}

const FLAT_PARAGRAPHS = new WeakMap<ParagraphNode, string>();

/** A paragraph's flat words (`flattenText`), made once and shared by every rule that reads them. */
export function flatParagraphText(paragraph: ParagraphNode): string {
  let flat = FLAT_PARAGRAPHS.get(paragraph);
  if (flat === undefined) {
    flat = flattenText(paragraph.text);
    FLAT_PARAGRAPHS.set(paragraph, flat);
  }
  return flat;
}

/** The source span of `flat.text[start, end)`. */
export function flatSpan(document: ReportDocument, flat: FlatText, start: number, end: number): Span {
  const from = sourceOffset(flat, start);
  const to = end > start ? sourceOffset(flat, end - 1) + 1 : from;
  return spanAt(document, from, to);
}

/** The value of a year written in Chinese digits (二〇二一): the format's reading. */
export const cjkYear = cjkYearValue;

/** A year as written before 年: four Arabic or four Chinese digits. */
export const YEAR_DIGITS = `(?:\\d{4}|${CJK_YEAR_SOURCE})`;

export function yearValue(digits: string): number {
  return /^\d{4}$/u.test(digits) ? Number(digits) : cjkYear(digits);
}

export interface YearMention {
  year: number;
  /** Position in the flat text. */
  start: number;
  end: number;
  /** Inside 《…》: part of a document's name. */
  inTitle: boolean;
}

/** The last text `insideBookTitle` was asked about, with the position of the last 《 and 》 before each character. */
let titleText: string | undefined;
let lastOpen: Int32Array = new Int32Array(0);
let lastClose: Int32Array = new Int32Array(0);

/**
 * Whether position `at` of `text` is inside 《…》. Asked for many positions of one text (each year, each
 * number of a long paragraph), so the last 《 and 》 before each position are found once per text.
 */
export function insideBookTitle(text: string, at: number): boolean {
  if (text.length < 256) {
    const open = text.lastIndexOf('《', at);
    return open >= 0 && text.lastIndexOf('》', at) < open;
  }
  if (titleText !== text) {
    titleText = text;
    lastOpen = new Int32Array(text.length);
    lastClose = new Int32Array(text.length);
    let open = -1;
    let close = -1;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '《') open = i;
      else if (text[i] === '》') close = i;
      lastOpen[i] = open;
      lastClose[i] = close;
    }
  }
  const i = Math.min(at, text.length - 1);
  if (i < 0) return false;
  return lastOpen[i]! >= 0 && lastClose[i]! < lastOpen[i]!;
}

/**
 * The years a (flat) text names: four digits followed by 年. Document numbers (`〔2021〕30号`) are not
 * followed by 年 and so are not years here.
 */
const YEAR_BEFORE_NIAN = new RegExp(`(?<![\\d.])(${YEAR_DIGITS})(?=年)`, 'gu');

/**
 * The matches of a global regex in `text`, without matchAll: matchAll clones the regex for every call,
 * which for a rule reading each of a document's sentences against each quantity was most of what a long
 * document's lint allocated. The regex's lastIndex is reset before and after, so it can be shared.
 */
export function* matchesOf(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  try {
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0] === '') pattern.lastIndex++;
      yield m;
    }
  } finally {
    pattern.lastIndex = 0;
  }
}

export function yearsIn(text: string): YearMention[] {
  const found: YearMention[] = [];
  // Only a digit (Arabic or Chinese) before 年 can be a year: most sentences have none.
  if (!text.includes('年')) return found;
  for (const m of matchesOf(YEAR_BEFORE_NIAN, text)) {
    const year = yearValue(m[1]!);
    if (year < 1949 || year > 2100) continue;
    found.push({ year, start: m.index, end: m.index + m[1]!.length, inTitle: insideBookTitle(text, m.index) });
  }
  return found;
}

/**
 * Words that make a sentence speak of more than this year's figures: comparisons with last year,
 * growth, cumulative or historical totals, plans. A sentence holding one is not read for certain facts.
 */
export const COMPARISON = /同比|环比|较上年|较去年|比上年|比去年|上一年(?!度?结转)|去年|往年|历年|上年(?!度?结转)|增长|下降|增加|减少|提高|降低|上升|增幅|降幅|累计|以来|至今|截至|截止|[%％‰]|百分之|成以上/u;



