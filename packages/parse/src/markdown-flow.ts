import type { Event } from 'micromark-util-types';

/**
 * The top-level blocks of a Markdown document, from micromark's CommonMark events: what the Markdown
 * reader needs to know of its structure. Lists and blockquotes are not among them: their content is
 * read as lines, like a paragraph's.
 */
export type FlowBlock =
  | { kind: 'heading'; depth: number; setext: boolean; start: number; end: number; startLine: number; endLine: number }
  | { kind: 'content' | 'html' | 'fenced' | 'indented'; start: number; end: number; startLine: number; endLine: number };

const KIND: Readonly<Record<string, FlowBlock['kind'] | undefined>> = {
  content: 'content',
  htmlFlow: 'html',
  codeFenced: 'fenced',
  codeIndented: 'indented',
};

/**
 * The blocks at the top of the tree (lines 1-based, as micromark counts them), in document order.
 * `text` is what was parsed; when it is a stretch of a larger text starting at `offset` on line
 * `line + 1`, the blocks are placed in the larger one.
 */
export function flowBlocks(events: readonly Event[], text: string, offset = 0, line = 0): FlowBlock[] {
  const out: FlowBlock[] = [];
  let depth = 0;
  let heading: { setext: boolean; start: number; end: number; startLine: number; endLine: number; depth: number } | undefined;
  for (const [phase, token] of events) {
    if (phase === 'exit') {
      depth--;
      if (depth === 0 && heading) {
        out.push({ kind: 'heading', ...heading });
        heading = undefined;
      }
      continue;
    }
    depth++;
    const place = { start: token.start.offset + offset, end: token.end.offset + offset, startLine: token.start.line + line, endLine: token.end.line + line };
    if (depth === 1) {
      if (token.type === 'atxHeading' || token.type === 'setextHeading') heading = { ...place, setext: token.type === 'setextHeading', depth: 0 };
      else {
        const kind = KIND[token.type];
        if (kind) out.push({ kind, ...place } as FlowBlock);
      }
    } else if (heading) {
      // The level is the length of `#`s, or which character underlines a setext heading.
      if (token.type === 'atxHeadingSequence') heading.depth = token.end.offset - token.start.offset;
      else if (token.type === 'setextHeadingLineSequence') heading.depth = text[token.start.offset] === '=' ? 1 : 2;
    }
  }
  return out;
}
