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

function sentencesOf(text: string, start: number, lines: LineIndex): SentenceNode[] {
  const sentences: SentenceNode[] = [];
  let from = 0;
  const push = (to: number): void => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body !== '') {
      const s = start + from + lead;
      const numbers: NumberNode[] = [];
      for (const m of body.matchAll(NUMBER_IN_TEXT)) {
        const value = Number(m[0].replace(/,/gu, ''));
        if (Number.isFinite(value)) numbers.push({ text: m[0], value, span: lines.span(s + m.index, s + m.index + m[0].length) });
      }
      sentences.push({ text: body, span: lines.span(s, s + body.length), numbers });
    }
    from = to;
  };
  for (const m of text.matchAll(SENTENCE_END)) push(m.index + m[0].length);
  push(text.length);
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
