import type { Root } from 'hast';
import { htmlEngine } from './engines.js';

/**
 * Parses a page into a tree with source positions. The tree builder recurses once per level of
 * nesting, so a page nested some thousands of elements deep overflows the stack; such a page is parsed
 * again with the tags below a safe depth neutralised by text of the same length, so that every offset
 * still points where it did: a block tag becomes a `<br   >` (its line break stays), an inline one a
 * comment (its text still joins its neighbours'). Table structure is kept at first; a page that still
 * overflows (tables nested thousands deep) loses it too.
 */

/** Deeper than any page a person writes; shallow enough for the tree builder's recursion. */
const MAX_DEPTH = 200;

const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][A-Za-z0-9:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/gu;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Tags kept at any depth on the first try: a table's structure, and elements whose content is raw text. */
const STRUCTURE = new Set(['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'script', 'style', 'textarea', 'title', 'noscript', 'template', 'xmp', 'plaintext']);
const RAW = new Set(['script', 'style', 'textarea', 'title', 'noscript', 'template', 'xmp', 'plaintext']);
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'o:p']);

/** Text as long as `tag` that a browser reads as a line break (block tags) or as nothing (inline ones). */
function neutral(tag: string, block: boolean): string {
  const blank = tag.replace(/[^\n]/gu, ' ');
  const n = tag.length;
  if (block && n >= 4) return `<br${blank.slice(3, n - 1)}>`;
  if (n >= 7) return `<!--${blank.slice(4, n - 3)}-->`;
  if (n === 6) return '<!--->';
  if (n === 5) return '<!-->';
  return blank;
}

/** `text` with the tags below `MAX_DEPTH` neutralised (see above); `keep` says which tags stay. */
export function flattenDeep(text: string, keep: ReadonlySet<string>): string {
  let depth = 0;
  return text.replace(TAG, (tag: string, close: string | undefined, name: string | undefined) => {
    if (name === undefined) return tag;
    const lower = name.toLowerCase();
    if (VOID.has(lower) || tag.endsWith('/>')) return tag;
    if (close) depth = Math.max(0, depth - 1);
    else depth++;
    const deep = close ? depth >= MAX_DEPTH : depth > MAX_DEPTH;
    return deep && !keep.has(lower) && !RAW.has(lower) ? neutral(tag, !INLINE.has(lower)) : tag;
  });
}

export function parsePage(text: string): Root {
  const fromHtml = htmlEngine();
  for (const keep of [undefined, STRUCTURE, RAW]) {
    try {
      return fromHtml(keep === undefined ? text : flattenDeep(text, keep));
    } catch {
      // Only a stack overflow gets here (the parser itself accepts any text); see above.
    }
  }
  return { type: 'root', children: [] };
}
