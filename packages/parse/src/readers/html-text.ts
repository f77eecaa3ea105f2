/**
 * From the characters of a parsed text node back to the characters of the page. The parser gives each
 * text node its source range but decodes entities (`&nbsp;`, `&#x4e00;`) and line endings (`\r\n`), so
 * the node's text is shorter than its source: this walks both together, giving each character of the
 * text the offset where it stands in the source (an entity's characters, the entity's `&`).
 */

/** An entity as the tokenizer reads it; a named one may lack its `;` (`&nbsp` and the other legacy names). */
const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,8};?|#[0-9]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)/y;

/**
 * How many source characters an entity at `i` takes, given that it decoded to `k` characters of `value`
 * at `j`. A legacy name without `;` may be shorter than the pattern matched (`&notit;` is `&not` + `it;`):
 * the longest length after which source and text agree again is the entity's.
 */
function entityLength(src: string, i: number, matched: number, end: number, value: string, next: number): number {
  for (let length = matched; length >= 2; length--) {
    const after = i + length;
    if (after >= end) {
      if (next >= value.length) return length;
      continue;
    }
    if (next < value.length && src.charCodeAt(after) === value.charCodeAt(next)) return length;
  }
  return matched;
}

/**
 * The source offset of every character of `value`, the decoded text of a node whose source is
 * `src.slice(start, end)`. Never fails: where source and text cannot be aligned (a parser repair), a
 * character takes the offset of the source character in step with it, so offsets never decrease.
 */
export function textOffsets(src: string, start: number, end: number, value: string): Int32Array {
  const n = value.length;
  const out = new Int32Array(n);
  let i = start;
  let j = 0;
  const last = Math.max(start, end - 1);
  while (j < n) {
    if (i >= end) {
      out[j++] = last;
      continue;
    }
    const s = src.charCodeAt(i);
    if (s === 38) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(src);
      if (m && !value.startsWith(m[0], j)) {
        // An entity is one character of text, two when it is outside the BMP (a surrogate pair).
        const v = value.charCodeAt(j);
        const k = v >= 0xd800 && v <= 0xdbff && j + 1 < n ? 2 : 1;
        const length = entityLength(src, i, Math.min(m[0].length, end - i), end, value, j + k);
        for (let q = 0; q < k; q++) out[j++] = i;
        i += length;
        continue;
      }
    }
    // The parser makes `\r\n` one `\n` and a lone `\r` a `\n`.
    if (s === 13 && value.charCodeAt(j) === 10 && i + 1 < end && src.charCodeAt(i + 1) === 10) {
      i++;
      continue;
    }
    out[j++] = i++;
  }
  return out;
}
