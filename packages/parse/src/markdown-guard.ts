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

/** `*`, `_`, `[`, `]`, `` ` ``, `~` by UTF-16 code, and what takes their place. */
const DELIMITER_CODES = new Set([0x2a, 0x5f, 0x5b, 0x5d, 0x60, 0x7e]);
const BLANK = 0xb7; // ·
const GREATER = 0x3e;
const QUOTE_CODES = new Set([GREATER]);
const SPACE = 0x20;

/**
 * Delimiters in `line`, counted up to `limit`. A loop, not `match(/…/g)`: a megabyte of brackets made
 * that an array of a million one-character strings (170 MB for 4 MB of `[`).
 */
function countDelimiters(line: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < line.length && count <= limit; i++) if (DELIMITER_CODES.has(line.charCodeAt(i))) count++;
  return count;
}

/** Code units turned back into a string at a time: `String.fromCharCode` takes them as arguments. */
const CHUNK = 8192;

/**
 * `text` with every code of `which` replaced by `blank`, written through one buffer: a global `replace`
 * built a match list as long as the text (4 MB of `[` or of `>` took 130–160 MB that way).
 */
function blankCodes(text: string, which: ReadonlySet<number>, blank: number): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    codes[i] = which.has(code) ? blank : code;
  }
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += CHUNK) parts.push(String.fromCharCode(...codes.subarray(i, i + CHUNK)));
  return parts.join('');
}

/** The line `line` with its blockquote markers past the limit and a too-deep list marker blanked. */
function tameLine(line: string): string {
  let out = line;
  const quotes = QUOTE_PREFIX.exec(out);
  if (quotes) {
    // Where the marker past the limit stands; from there on every `>` of the prefix is blanked.
    let seen = 0;
    let from = -1;
    for (let i = 0; i < quotes[0].length && from < 0; i++) if (quotes[0].charCodeAt(i) === GREATER && ++seen > MAX_QUOTE_DEPTH) from = i;
    if (from >= 0) out = out.slice(0, from) + blankCodes(quotes[0].slice(from), QUOTE_CODES, SPACE) + out.slice(quotes[0].length);
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
    count += countDelimiters(line, MAX_DELIMITERS - count);
    if (count > MAX_DELIMITERS) break;
  }
  if (count <= MAX_DELIMITERS) return lines;
  return lines.map((line) => blankCodes(line, DELIMITER_CODES, BLANK));
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
  return countDelimiters(text, MAX_DELIMITERS) > MAX_DELIMITERS;
}
