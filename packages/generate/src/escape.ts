/**
 * Data never changes a report's structure. A string from the data may land anywhere a template puts it —
 * inside a sentence, alone on a line, as a heading — so it is written so that in every place it is only
 * text, to three readers: CommonMark (our HTML page, html.ts), full GFM (GitHub, remark-gfm, which also
 * links bare addresses), and nianbao's own reader, which reads the lines of the Markdown source as a
 * report: a line that says a section's heading, or opens with an enumerator, is structure to it.
 *
 * - Line breaks of every kind (LF, CR, U+2028/U+2029, form feed, vertical tab, NEL) and other control
 *   characters become spaces; runs of spaces become one (two spaces are a column gap to the text reader,
 *   four at a line's start a code block) and the ends are trimmed. An ideographic space, which the text
 *   reader also takes for a column gap, is written as a character reference.
 * - Markdown's inline punctuation is backslash-escaped (`_` between letters is inert and left as it is, so
 *   that an e-mail address reads back), `&`, `<` and `>` are references; a value's first character cannot
 *   open a block (`-`, `+`, `=`, `1.`): a thematic break, a setext underline or a list.
 * - A value that opens with an enumerator (`（一）`, `六、`, `1、`, `一是`) or reads as a section's
 *   heading has its first characters written as numeric character references (`&#x516D;`): every
 *   Markdown renderer shows the same characters, while the source line no longer says a heading, so the
 *   report linted back has exactly the sections the template made. A numeral and separator inside a value
 *   followed by a section's words (which a reader of flattened pages cuts at) gets the same.
 * - A web address is an explicit autolink `<https://…>` ending where the address does: GFM links a bare
 *   address up to the next space, and Chinese has none, so the sentence after it would become part of the
 *   link. A `www.` address, which has no scheme to write in an autolink, stays as written and is ended by an
 *   empty comment `<!-- -->` (GFM ends its link at `<`; every renderer drops the comment). What only looks
 *   like the start of one (`www.` before Chinese) is cut by the same comment.
 *
 * Plain Chinese text, digits and common punctuation stay as they are, so that `nianbao extract` reads the
 * usual values back unchanged.
 */
import { CJK_NUMERAL_CHARS, ENUMERATOR, HEADING_ENUMERATOR_SOURCE, SECTIONS, cjkNumeralSource, normalizeLabel, similarity } from '@nianbao/format';

/** Characters that break a line or are no text (C0/C1 controls, the Unicode line and paragraph separators). */
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;

/** Markdown punctuation escaped wherever it stands (`_` is handled apart). */
const INLINE_PUNCTUATION = new Set(['\\', '`', '*', '[', ']', '|', '~', '{', '}', '#', '!']);

/** A character at a line's start that opens a block: a list item, a thematic break, a setext underline. */
const BLOCK_OPENERS = new Set(['-', '+', '=']);

/** The heading enumerator as a section heading's reader takes it off a line's start. */
const LEADING_ENUMERATOR = new RegExp(`^${HEADING_ENUMERATOR_SOURCE}[ \\t\\u3000]*`, 'u');
/** `一是`: an enumeration in running text, counted like a list. */
const LEADING_SHI = new RegExp(`^${cjkNumeralSource(2)}\\s*是`, 'u');
/** A numeral and separator inside a value, as the reader of a flattened page looks for headings. */
const INLINE_NUMERAL = new RegExp(`([${CJK_NUMERAL_CHARS}]|\\d{1,2})[ \\u3000\\u00a0]*[、.．][ \\u3000\\u00a0]*`, 'gu');
const HAN = /\p{Script=Han}/u;
/** Characters that take no space: leading ones do not change what a line starts with. */
const INVISIBLE = /^[\p{Cf}]+/u;

/** How close to a section's heading words a value may come before it is written so as not to read as one (the reader takes 0.75). */
const HEADING_LIKENESS = 0.6;
/** Leading characters written as references when a value reads as a heading: enough that no fuzzy match is left. */
const HEADING_REFERENCES = 3;

/** Every wording of the six headings, normalized the way the reader compares them. */
const HEADING_WORDS = SECTIONS.flatMap((s) => [s.title, ...s.variants, ...s.misspellings]).map(normalizeLabel);
/** The first two characters of every wording, folded like the reader of flattened pages folds them. */
const HEADING_OPENINGS = [...new Set(HEADING_WORDS.map((w) => fold(w).slice(0, 2)))];

function fold(text: string): string {
  return text.normalize('NFKC').replace(/它/gu, '他');
}

/** A numeric character reference: a character that no Markdown reader takes as syntax, shown as itself. */
function reference(ch: string): string {
  return `&#x${ch.codePointAt(0)!.toString(16).toUpperCase()};`;
}

/** Whether words (without their enumerator) say, or nearly say, one of the six headings. */
function saysHeading(words: string): boolean {
  const title = words.replace(/[\s。.:：；;]+$/u, '');
  if (!HAN.test(title)) return false;
  const normalized = normalizeLabel(title);
  return HEADING_WORDS.some((w) => {
    if (Math.min(w.length, normalized.length) / Math.max(w.length, normalized.length) < HEADING_LIKENESS) return false;
    return similarity(normalized, w) >= HEADING_LIKENESS;
  });
}

/**
 * How many leading characters of a (flattened) value to write as references: enough to break a heading
 * (a few), an enumerator (its first character), or none.
 */
function leadingReferences(text: string): number {
  const visible = text.replace(INVISIBLE, '');
  const m = LEADING_ENUMERATOR.exec(visible);
  const groups = m?.groups ?? {};
  const rest = visible.slice(m?.[0].length ?? 0);
  if (saysHeading(rest)) return HEADING_REFERENCES;
  // A numeral alone is no enumerator (三明市, 十堰市): only with its separator or brackets.
  const numbered = groups['paren'] !== undefined || (groups['num'] !== undefined && groups['sep'] !== undefined) || ENUMERATOR.test(visible) || LEADING_SHI.test(visible);
  // `1.5公里`, `12:30`: a number, not an enumerator.
  if (numbered && !(groups['num'] !== undefined && /^\d/u.test(groups['num']) && /^\d/u.test(rest))) return 1;
  return 0;
}

/** Offsets of the numerals inside a value that, with their separator, open a section's words. */
function inlineNumerals(text: string, from: number): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(INLINE_NUMERAL)) {
    if (m.index < from) continue;
    const after = fold(text.slice(m.index + m[0].length, m.index + m[0].length + 8).replace(/[ \u3000\u00a0]/gu, ''));
    if (HEADING_OPENINGS.some((o) => after.startsWith(o))) for (let i = 0; i < m[1]!.length; i++) out.push(m.index + i);
  }
  return out;
}

/** Where an address may start: a scheme GFM or CommonMark links, or `www.` as GFM links it. */
const ADDRESS_START = /(?:https?|ftp):\/\/|www\./giu;
/** The characters of an address (RFC 3986, less what ends a Markdown autolink or a table cell). Chinese ends it. */
const ADDRESS_CHAR = /[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/u;
/** Trailing characters that end a sentence rather than the address (as GFM trims them). */
const ADDRESS_TRAIL = new Set(['!', '"', '&', "'", ')', ',', '.', ':', ';', '<', '>', '?', ']', '}', '*', '_', '~']);
/** A host: labels of letters, digits, hyphens and underscores (which GFM takes too), and a port. */
const HOST = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?(?::\d{1,5})?$/u;

interface Address {
  start: number;
  end: number;
  /** The autolink to write, or undefined for what only looks like the start of an address. */
  link: string | undefined;
  /** For a non-address: where to cut it so that no GFM reader starts one. */
  cut: number;
}

function countOf(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** The addresses in a value, each ending where the address does (never in the Chinese after it). */
function addresses(text: string): Address[] {
  const out: Address[] = [];
  for (const m of text.matchAll(ADDRESS_START)) {
    const start = m.index;
    if (out.length > 0 && start < out[out.length - 1]!.end) continue;
    const www = m[0].toLowerCase() === 'www.';
    // GFM links `www.` only after a space, punctuation or the start; `xwww.` is a word.
    if (www && start > 0 && /[A-Za-z0-9]/u.test(text[start - 1]!)) continue;
    let end = start + m[0].length;
    while (end < text.length && ADDRESS_CHAR.test(text[end]!)) end++;
    // Trailing punctuation is the sentence's, but a `)` that closes a `(` of the address is the address's.
    const candidate = text.slice(start, end);
    const opening = countOf(candidate, '(');
    let closing = countOf(candidate, ')');
    while (end > start + m[0].length && ADDRESS_TRAIL.has(text[end - 1]!)) {
      if (text[end - 1] === ')') {
        if (opening >= closing) break;
        closing--;
      }
      end--;
    }
    const url = text.slice(start, end);
    const host = (www ? url : url.slice(m[0].length)).split(/[/?#]/u)[0]!;
    const valid = HOST.test(host) && /[A-Za-z0-9]/u.test(www ? host.slice(4) : host) && (!www || host.length > 4);
    // A `www.` address stays as written (that is how `nianbao extract` reads it back, and how GFM links it)
    // and is ended by an empty comment: GFM's link stops at `<`, and the comment is a node of its own.
    if (valid) out.push({ start, end, link: www ? `${escapeText(text, start, end, false, (i) => i >= start && i < end)}<!-- -->` : `<${url}>`, cut: start });
    // `www` + `.`, or the scheme's `:` + `//`: split by a comment, neither half starts an address.
    else out.push({ start, end: start + m[0].length, link: undefined, cut: start + (www ? 3 : m[0].indexOf(':') + 1) });
  }
  return out;
}

/** Line breaks and controls to spaces, runs of spaces to one, the ends trimmed. */
function flatten(value: string): string {
  return value.replace(BREAKS, ' ').replace(/ {2,}/gu, ' ').trim();
}

/**
 * A value from the data as Markdown that is text and only text, wherever a template puts it (see the
 * module comment for each rule).
 */
export function escapeMarkdown(value: string): string {
  const text = flatten(value);
  const referenced = new Set<number>();
  // The leading characters, counted in code points (a reference stands for one character).
  let offset = 0;
  const lead = leadingReferences(text);
  const invisible = INVISIBLE.exec(text)?.[0].length ?? 0;
  for (let n = 0; n < lead + invisible && offset < text.length; n++) {
    referenced.add(offset);
    offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
  }
  for (const at of inlineNumerals(text, offset)) referenced.add(at);

  const found = addresses(text);
  // Whether the character at `i` is written as itself (not as a reference, not inside an autolink): only
  // then is it the neighbour a `_` sees in the Markdown.
  const inAddress = new Set<number>();
  for (const a of found) for (let i = a.start; i < a.end; i++) inAddress.add(i);
  const plain = (i: number): boolean => i >= 0 && i < text.length && !referenced.has(i) && !inAddress.has(i);
  let out = '';
  let next = 0;
  const atLineStart = !referenced.has(0);
  for (let i = 0; i < text.length; ) {
    const address = found[next];
    if (address && i === address.start) {
      if (address.link !== undefined) out += address.link;
      else out += `${escapeText(text, address.start, address.cut, atLineStart, plain)}<!-- -->${escapeText(text, address.cut, address.end, false, plain)}`;
      i = address.end;
      next++;
      continue;
    }
    const end = address ? address.start : text.length;
    let j = i;
    while (j < end) {
      if (referenced.has(j)) {
        const cp = String.fromCodePoint(text.codePointAt(j)!);
        out += `${escapeText(text, i, j, atLineStart, plain)}${reference(cp)}`;
        j += cp.length;
        i = j;
      } else j++;
    }
    out += escapeText(text, i, end, atLineStart, plain);
    i = end;
  }
  return out;
}

/**
 * The characters `from`–`to` of a value as Markdown text; at the value's start, nothing that opens a block.
 * `plain(i)`: whether character `i` is written as itself, so that it is what a `_` beside it stands next to.
 */
function escapeText(text: string, from: number, to: number, atLineStart: boolean, plain: (i: number) => boolean): string {
  const word = (i: number): boolean => plain(i) && /[\p{L}\p{N}]/u.test(text[i]!);
  let out = '';
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '\u3000') out += reference(ch);
    else if (INLINE_PUNCTUATION.has(ch)) out += `\\${ch}`;
    // `_` between letters or digits can neither open nor close emphasis (CommonMark's flanking rules).
    else if (ch === '_') out += word(i - 1) && word(i + 1) ? '_' : '\\_';
    else if (i === 0 && atLineStart && BLOCK_OPENERS.has(ch)) out += `\\${ch}`;
    else out += ch;
  }
  // `1.` or `1)` opening the value would open an ordered list.
  if (from === 0 && atLineStart) out = out.replace(/^(\d+)([.)])/u, '$1\\$2');
  return out;
}

/** Every string in a value escaped (deeply), numbers and the rest unchanged. */
export function escapeDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeMarkdown(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapeDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeDeep(v);
    return out as T;
  }
  return value;
}
