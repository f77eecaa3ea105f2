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
 * one space, so that `1 5` never reads as 15 — except a bare line break, which joins them. `offsets[i]` is the source offset of `text[i]`;
 * `offsets[text.length]` is the source offset just past the last character.
 */
export interface FlatText {
  text: string;
  offsets: number[];
}

const SPACE = /[\s\u3000]/u;
const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/u;
const FULL_WIDTH_DIGITS = /[\uff10-\uff19]/gu;
const NEEDS_FLATTENING = /[\s\u3000\uff10-\uff19]/u;
/**
 * A bare line break between digits joins them: no typesetter breaks a line between two numbers without a
 * space, but a crawl breaks one number wherever the page had an inline element (`201` / `9` / `年`).
 */
const LINE_BREAK_ONLY = /^\r?\n$/u;

/** `flatten(source).text` without the offsets, for a caller that only reads the words. */
export function flattenText(source: string): string {
  if (!NEEDS_FLATTENING.test(source)) return source;
  return source
    .replace(/[\s\u3000]+/gu, (run, at: number) => (!LINE_BREAK_ONLY.test(run) && /[\d\uff10-\uff19]/u.test(source[at - 1] ?? '') && /[\d\uff10-\uff19]/u.test(source[at + run.length] ?? '') ? ' ' : ''))
    .replace(/[\uff10-\uff19]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export function flatten(source: string, base: number): FlatText {
  // Most sentences have neither: then the text is its own flat form, offset for offset.
  if (!NEEDS_FLATTENING.test(source)) return { text: source, offsets: Array.from({ length: source.length + 1 }, (_, i) => base + i) };
  // The text between whitespace runs is copied a stretch at a time and joined once: a string built by
  // `+=` and read back was quadratic, and one string per character cost twenty times the input.
  const pieces: string[] = [];
  const offsets: number[] = [];
  let last = '';
  let i = 0;
  while (i < source.length) {
    let j = i;
    while (j < source.length && !SPACE.test(source[j]!)) j++;
    if (j > i) {
      const piece = source.slice(i, j);
      pieces.push(FULL_WIDTH_DIGIT.test(piece) ? piece.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)) : piece);
      for (let k = i; k < j; k++) offsets.push(base + k);
      last = pieces[pieces.length - 1]!.slice(-1);
      i = j;
      continue;
    }
    // A run of whitespace: one space between digits, nothing elsewhere (a bare line break joins digits).
    while (j + 1 < source.length && SPACE.test(source[j + 1]!)) j++;
    const after = source[j + 1];
    if (last !== '' && after !== undefined && /\d/u.test(last) && /[\d\uff10-\uff19]/u.test(after) && !LINE_BREAK_ONLY.test(source.slice(i, j + 1))) {
      pieces.push(' ');
      offsets.push(base + i);
      last = ' ';
    }
    i = j + 1;
  }
  offsets.push(base + source.length);
  return { text: pieces.join(''), offsets };
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
  const from = flat.offsets[start]!;
  const to = end > start ? flat.offsets[end - 1]! + 1 : from;
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



