/**
 * Markdown that no report holds but that makes micromark slow past any use: blockquotes nested
 * thousands deep (64K `>` took 26 s), lists hundreds of levels deep, and paragraphs of unmatched
 * emphasis or bracket delimiters (64K `*a_` took 21 s, 1 MB of `[` 10 s, when inline syntax was still
 * tokenized; the reader now leaves it alone, engines.ts). The parser only has to find the report's
 * structure (headings, tables, comments, code); the blocks' text is always taken from the original.
 * So, before parsing, such syntax is blanked out of the copy the parser reads — character for
 * character, so every offset holds — and it reads those stretches as plain paragraph text.
 */

/** Blockquote markers kept at the start of a line; deeper ones are read as text. */
const MAX_QUOTE_DEPTH = 16;
/** Indentation (columns) past which a list marker is read as text: 16 nested levels of two spaces and more. */
const MAX_LIST_INDENT = 32;
/** Delimiters (`*`, `_`, `[`, `]`, `` ` ``, `~`) a paragraph may hold before they are read as text. */
const MAX_DELIMITERS = 256;

const QUOTE_PREFIX = /^(?:[ \t]{0,3}>)+/u;
const LIST_MARKER = /^([ \t]*)(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/u;
const DELIMITER = /[*_[\]`~]/gu;

/** The line `line` with its blockquote markers past the limit and a too-deep list marker blanked. */
function tameLine(line: string): string {
  let out = line;
  const quotes = QUOTE_PREFIX.exec(out);
  if (quotes) {
    let seen = 0;
    const prefix = quotes[0].replace(/>/gu, (m) => (++seen > MAX_QUOTE_DEPTH ? ' ' : m));
    if (seen > MAX_QUOTE_DEPTH) out = prefix + out.slice(prefix.length);
  }
  const list = LIST_MARKER.exec(out);
  if (list && list[1]!.replace(/\t/gu, '    ').length > MAX_LIST_INDENT) {
    const marker = list[0].slice(list[1]!.length);
    out = list[1]! + '·'.repeat(marker.length) + out.slice(list[0].length);
  }
  return out;
}

/** A paragraph's lines with their delimiters blanked when it holds more than a report ever does. */
function tameParagraph(lines: string[]): string[] {
  let count = 0;
  for (const line of lines) {
    count += line.match(DELIMITER)?.length ?? 0;
    if (count > MAX_DELIMITERS) break;
  }
  if (count <= MAX_DELIMITERS) return lines;
  return lines.map((line) => line.replace(DELIMITER, '·'));
}

/** The text the parser should read: `text` itself unless it holds such syntax (same length either way). */
export function tameMarkdown(text: string): string {
  if (!needsTaming(text)) return text;
  const lines = text.split('\n').map(tameLine);
  const out: string[] = [];
  let paragraph: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      out.push(...tameParagraph(paragraph), line);
      paragraph = [];
    } else paragraph.push(line);
  }
  out.push(...tameParagraph(paragraph));
  return out.join('\n');
}

/** A cheap first look: most reports have no deep quote, no deep list and few delimiters. */
function needsTaming(text: string): boolean {
  if (/(?:>[ \t]{0,3}){17}/u.test(text)) return true;
  if (new RegExp(`^[ \\t]{${MAX_LIST_INDENT + 1},}(?:[-+*]|\\d{1,9}[.)])(?:[ \\t]|$)`, 'mu').test(text)) return true;
  let count = 0;
  for (const _ of text.matchAll(DELIMITER)) if (++count > MAX_DELIMITERS) return true;
  return false;
}
