import { cjkNumber, ENUMERATOR, type SectionId } from '@nianbao/format';
import type { EnumeratorNode, NumberNode, ParagraphNode, SentenceNode } from './model.js';
import type { LineIndex } from './source.js';



function enumeratorOf(text: string, start: number, lines: LineIndex): EnumeratorNode | undefined {
  const m = ENUMERATOR.exec(text);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const raw = m[0];
  const span = lines.span(start, start + raw.length);
  if (g['pc'] !== undefined) return { text: raw, span, style: 'paren-cjk', value: cjkNumber(g['pc']) };
  if (g['pa'] !== undefined) return { text: raw, span, style: 'paren-arabic', value: Number(g['pa']) };
  if (g['a'] !== undefined) return { text: raw, span, style: 'arabic', value: Number(g['a']) };
  return { text: raw, span, style: 'cjk', value: cjkNumber(g['c']!) };
}

const SENTENCE_END = /[。！？!?；;]+[”’）)]*/gu;
const NUMBER_IN_TEXT = /\d+(?:[.,]\d+)*/gu;

/** Characters a sentence may hold before it is cut (see pushBounded). */
const MAX_SENTENCE = 2000;
const SOFT_BREAK = /[，,、：:\s]/u;

/** Where to cut `text` at or before `limit` (past `from`): after a comma or space, never inside a number or a surrogate pair. */
function boundedCut(text: string, from: number, limit: number): number {
  for (let at = limit; at > from + MAX_SENTENCE / 2; at--) if (SOFT_BREAK.test(text[at - 1]!)) return at;
  let at = limit;
  while (at > from + 1 && (/[\d.]/u.test(text[at - 1]!) && /[\d.]/u.test(text[at]!) || /[\udc00-\udfff]/u.test(text[at]!))) at--;
  return at > from + 1 ? at : limit;
}

/** The line index a sentence's numbers are placed with, beside the sentence: read once, when they are. */
const LINES = Symbol('lines');

/** One getter for every sentence: a closure per sentence made each one an object of its own shape, several times its size. */
function numbersOf(this: SentenceNode & { [LINES]?: LineIndex }): NumberNode[] {
  const numbers: NumberNode[] = [];
  const lines = this[LINES]!;
  const s = this.span.start.offset;
  for (const m of this.text.matchAll(NUMBER_IN_TEXT)) {
    const value = Number(m[0].replace(/,/gu, ''));
    if (Number.isFinite(value)) numbers.push({ text: m[0], value, span: lines.span(s + m.index, s + m.index + m[0].length) });
  }
  Object.defineProperty(this, 'numbers', { value: numbers, enumerable: true, writable: true, configurable: true });
  return numbers;
}

const LAZY_NUMBERS: PropertyDescriptor = { get: numbersOf, enumerable: true, configurable: true };

/**
 * A sentence whose numbers are found when first asked for: a run-on line of a pathological file may
 * hold a million, each with its span, and most readers never look.
 */
function sentenceNode(text: string, span: SentenceNode['span'], lines: LineIndex): SentenceNode {
  const node = { text, span } as SentenceNode;
  Object.defineProperty(node, LINES, { value: lines });
  Object.defineProperty(node, 'numbers', LAZY_NUMBERS);
  return node;
}

function sentencesOf(text: string, start: number, lines: LineIndex): SentenceNode[] {
  const sentences: SentenceNode[] = [];
  let from = 0;
  const push = (to: number): void => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body !== '') {
      const s = start + from + lead;
      sentences.push(sentenceNode(body, lines.span(s, s + body.length), lines));
    }
    from = to;
  };
  const pushBounded = (to: number): void => {
    // No sentence anyone writes runs this long; a run-on line of a broken export does, and each rule
    // that reads sentences would hold and scan it whole. Cut it where a comma or a space allows.
    while (to - from > MAX_SENTENCE) push(boundedCut(text, from, from + MAX_SENTENCE));
    push(to);
  };
  for (const m of text.matchAll(SENTENCE_END)) pushBounded(m.index + m[0].length);
  pushBounded(text.length);
  return sentences;
}

/** A paragraph of prose at offsets `start`–`end` of `text` (one or more adjacent lines). */
export function paragraphNode(text: string, start: number, end: number, lines: LineIndex, section: SectionId | undefined, joined?: string): ParagraphNode {
  // A run joined from pieces on several lines (`（` / `一` / `）` / `编制标准目录`) reads as joined; its
  // inner offsets count from its start, close enough for a line this short.
  const body = joined ?? text.slice(start, end);
  const enumerator = enumeratorOf(body, start, lines);
  const rest = enumerator ? body.slice(enumerator.text.length).trim() : body;
  const node: ParagraphNode = {
    text: body,
    span: lines.span(start, end),
    headingLike: enumerator !== undefined && !body.includes('\n') && rest.length <= 20 && !/[。；;]$/u.test(rest),
    sentences: sentencesOf(body, start, lines),
  };
  if (section) node.section = section;
  if (enumerator) node.enumerator = enumerator;
  return node;
}
