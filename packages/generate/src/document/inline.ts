/**
 * The words of a paragraph as a reader shows them: for a Markdown report, its inline syntax read by remark
 * (escapes, character references, emphasis, links) and the authors' comments left out; for every other
 * view, the text itself. Lines are joined as the paragraph reads: nothing between Chinese characters or
 * digits (a number broken over two lines of an export is one number), a space between Latin words.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface Run {
  text: string;
  strong?: boolean;
  /** A link's address (only http, https and mailto are kept). */
  href?: string;
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  alt?: string;
  children?: MdNode[];
}

const markdown = unified().use(remarkParse).freeze();
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/iu;

const BREAK = /[ \t]*(?:\r\n|\n|\r)[ \t]*/gu;

/** Line breaks inside a paragraph joined: a space only between two Latin letters. */
function joinBreaks(text: string): string {
  return text.replace(BREAK, (m: string, offset: number, s: string) => (/[A-Za-z]/u.test(s[offset - 1] ?? '') && /[A-Za-z]/u.test(s[offset + m.length] ?? '') ? ' ' : ''));
}

/** A paragraph's lines joined into one (tabs, which cut cells in a view, read as spaces). */
export function joinLines(text: string): string {
  return joinBreaks(text.replace(/\t+/gu, ' ')).trim();
}

/**
 * A line's block syntax made literal: a paragraph the reader took as prose stays prose here (`1. 落实…`
 * must not turn into a list and lose its number, `2020 ---` into a heading).
 */
function literalBlockStart(line: string): string {
  const l = line.trim();
  if (/^(?:[-*_=]\s*)+$/u.test(l)) return `\\${l}`; // a thematic break or a setext underline
  return l
    .replace(/^(\d{1,9})([.)])(?=\s|$)/u, '$1\\$2')
    .replace(/^([-*+#](?=\s|$)|>|~{3}|`{3})/u, '\\$1');
}

function collect(node: MdNode, strong: boolean, href: string | undefined, out: Run[]): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      push(out, { text: node.value ?? '', ...(strong ? { strong } : {}), ...(href ? { href } : {}) });
      return;
    case 'html':
      // Raw markup is the author's note or layout, never words of the report (and never passed on).
      return;
    case 'break':
      push(out, { text: ' ' });
      return;
    case 'image':
      if (node.alt) push(out, { text: node.alt });
      return;
    case 'link': {
      const url = (node.url ?? '').trim();
      const safe = SAFE_HREF.test(url) ? url : undefined;
      for (const child of node.children ?? []) collect(child, strong, safe ?? href, out);
      return;
    }
    case 'strong':
      for (const child of node.children ?? []) collect(child, true, href, out);
      return;
    default:
      for (const child of node.children ?? []) collect(child, strong, href, out);
  }
}

/** Adjacent runs of the same kind become one. */
function push(out: Run[], run: Run): void {
  if (run.text === '') return;
  const last = out[out.length - 1];
  if (last && last.strong === run.strong && last.href === run.href) last.text += run.text;
  else out.push(run);
}

/** The runs of a Markdown paragraph's source. */
export function markdownRuns(source: string): Run[] {
  // Comments are notes to the author; a script or style element is no words of the report, its content included.
  const withoutComments = source.replace(/<!--[\s\S]*?(?:-->|$)/gu, '').replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/giu, '');
  const lines = withoutComments.split(/\r?\n|\r/u).map(literalBlockStart).filter((l) => l !== '');
  if (lines.length === 0) return [];
  const tree = markdown.parse(lines.join('\n')) as MdNode;
  const runs: Run[] = [];
  collect(tree, false, undefined, runs);
  // remark keeps soft line breaks inside text; join them as the lines of any other paragraph are.
  const joined = runs.map((r) => ({ ...r, text: joinBreaks(r.text) })).filter((r) => r.text !== '');
  if (joined[0]) joined[0].text = joined[0].text.trimStart();
  const last = joined[joined.length - 1];
  if (last) last.text = last.text.trimEnd();
  return joined.filter((r) => r.text !== '');
}

/** The runs of a paragraph of any view. */
export function paragraphRuns(text: string, isMarkdown: boolean): Run[] {
  if (isMarkdown) return markdownRuns(text);
  const joined = joinLines(text);
  return joined === '' ? [] : [{ text: joined }];
}

/** The plain text of some runs. */
export const runsText = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');
