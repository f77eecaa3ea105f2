/**
 * A small, lenient XML reader for the parts of an Office package. OOXML parts are machine-written, use
 * no DTD and only the predefined and numeric entities, so a scanner is enough, and it is several times
 * faster than a general parser on a large `document.xml`. It never throws: a part cut off or broken
 * gives the elements read so far, with `complete: false`.
 */

export interface XmlElement {
  /** The qualified name, its prefix replaced by the canonical one when its namespace is known (`w:p`). */
  name: string;
  children: XmlNode[];
  /** The raw attribute text; read through `attr`. */
  rawAttrs: string;
  attrs?: Map<string, string>;
}

export type XmlNode = XmlElement | string;

export interface XmlTree {
  root: XmlElement;
  /** Whether every element was closed and nothing was cut off. */
  complete: boolean;
}

/** Namespace URI → the prefix the readers use for it, whatever prefix the file chose. */
export type CanonicalPrefixes = Readonly<Record<string, string>>;

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/gu;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

function parseAttrs(raw: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of raw.matchAll(ATTRIBUTE)) map.set(m[1]!, decodeEntities(m[2] ?? m[3] ?? ''));
  return map;
}

/**
 * An attribute's value by its qualified name. Word writes attributes with the element's prefix
 * (`w:val`); the unprefixed name is accepted too, as some generators write it.
 */
export function attr(el: XmlElement, name: string): string | undefined {
  el.attrs ??= parseAttrs(el.rawAttrs);
  const value = el.attrs.get(name);
  if (value !== undefined) return value;
  const colon = name.indexOf(':');
  return colon >= 0 ? el.attrs.get(name.slice(colon + 1)) : undefined;
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string';
}

/** The first child element with this name. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** The first element with this name at or below `el`, in document order. */
export function descendant(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) return c;
    const found = descendant(c, name);
    if (found) return found;
  }
  return undefined;
}

/** All the text below `el`, joined. */
export function textOf(el: XmlElement): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

/** Finds the `>` that ends a tag starting at `from`, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;
}

/**
 * Reads an XML part into a tree. Namespace declarations found anywhere rename their prefix, for the
 * rest of the part, to the canonical prefix of that namespace: Office parts declare them all on the root.
 */
export function parseXml(xml: string, canonical: CanonicalPrefixes = {}): XmlTree {
  const root: XmlElement = { name: '#document', children: [], rawAttrs: '' };
  const stack: XmlElement[] = [root];
  const rename = new Map<string, string>();
  let complete = true;
  let i = 0;
  const n = xml.length;

  const qualify = (name: string): string => {
    if (rename.size === 0) return name;
    const colon = name.indexOf(':');
    if (colon < 0) return name;
    const to = rename.get(name.slice(0, colon));
    return to === undefined ? name : to + name.slice(colon);
  };

  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) stack[stack.length - 1]!.children.push(decodeEntities(xml.slice(i, textEnd)));
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) { complete = false; break; }
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) { complete = false; break; }
        stack[stack.length - 1]!.children.push(xml.slice(lt + 9, end));
        i = end + 3;
      } else {
        // A DOCTYPE: its entities are not expanded (Office never writes one; expanding invites abuse).
        const bracket = xml.indexOf('[', lt);
        const close = xml.indexOf('>', lt);
        const end = bracket >= 0 && close > bracket ? xml.indexOf(']>', bracket) + 1 : close;
        if (end <= 0) { complete = false; break; }
        i = end + 1;
      }
      continue;
    }
    if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) { complete = false; break; }
      i = end + 2;
      continue;
    }
    const end = tagEnd(xml, lt + 1);
    if (end < 0) { complete = false; break; }
    i = end + 1;
    if (next === 47 /* / */) {
      const name = qualify(xml.slice(lt + 2, end).trim());
      // Lenient: close up to the matching element; a stray end tag is ignored.
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k]!.name === name) {
          if (k !== stack.length - 1) complete = false;
          stack.length = k;
          break;
        }
      }
      continue;
    }
    let nameEnd = lt + 1;
    while (nameEnd < end && !isNameEnd(xml.charCodeAt(nameEnd))) nameEnd++;
    const selfClosing = xml.charCodeAt(end - 1) === 47;
    const rawAttrs = xml.slice(nameEnd, selfClosing ? end - 1 : end);
    if (rawAttrs.includes('xmlns:')) {
      for (const [key, value] of parseAttrs(rawAttrs)) {
        const to = key.startsWith('xmlns:') ? canonical[value] : undefined;
        if (to !== undefined) rename.set(key.slice(6), to);
      }
    }
    const el: XmlElement = { name: qualify(xml.slice(lt + 1, nameEnd)), children: [], rawAttrs };
    stack[stack.length - 1]!.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length > 1) complete = false;
  return { root, complete };
}
