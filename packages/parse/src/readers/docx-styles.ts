import { attr, child, isElement, type XmlElement } from './docx-xml.js';

/** A paragraph's list membership (`w:numPr`): which list, and the level when it says one. */
export interface NumberingRef {
  numId: string;
  ilvl?: number;
}

/**
 * What the reader needs of the paragraph styles, by style ID. A paragraph names its style by ID, and IDs
 * are not names: Chinese Word gives `标题 1` the ID `1` (WPS `2`), English Word `Heading1`. So the depth
 * comes from the style's name (`heading 1`, `标题 1`) or its outline level, following `w:basedOn`; heading
 * styles often carry their numbering (`一、`) too.
 */
export interface StyleSheet {
  headingDepth(styleId: string): number | undefined;
  numbering(styleId: string): NumberingRef | undefined;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/iu;

/** Word's outline level is 0-based; 9 (and anything outside 0–8) is body text. */
export function outlineDepth(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d$/u.test(value)) return undefined;
  const level = Number(value);
  return level <= 8 ? level + 1 : undefined;
}

/** Depth from the name or ID alone, for a package without `styles.xml`. */
function depthFromName(name: string): number | undefined {
  const m = HEADING_NAME.exec(name.trim());
  return m ? Number(m[1]) : undefined;
}

interface StyleInfo {
  name?: string;
  basedOn?: string;
  outline?: string;
  numbering?: NumberingRef;
}

/** The list level a `w:numPr` names, if it names one. */
export function numberingLevel(numPr: XmlElement | undefined): number | undefined {
  const lvl = numPr && child(numPr, 'w:ilvl');
  const level = lvl ? Number(attr(lvl, 'w:val')) : NaN;
  return Number.isInteger(level) && level >= 0 && level <= 8 ? level : undefined;
}

/** A `w:numPr` element read; undefined when it names no list. */
export function numberingRef(numPr: XmlElement | undefined): NumberingRef | undefined {
  const id = numPr && child(numPr, 'w:numId');
  if (!id) return undefined;
  const ref: NumberingRef = { numId: attr(id, 'w:val') ?? '0' };
  const level = numberingLevel(numPr);
  if (level !== undefined) ref.ilvl = level;
  return ref;
}

export function readStyles(styles: XmlElement | undefined): StyleSheet {
  const byId = new Map<string, StyleInfo>();
  const root = styles ? child(styles, 'w:styles') : undefined;
  for (const s of root?.children ?? []) {
    if (!isElement(s) || s.name !== 'w:style') continue;
    const type = attr(s, 'w:type');
    const id = attr(s, 'w:styleId');
    if (id === undefined || (type !== undefined && type !== 'paragraph')) continue;
    const info: StyleInfo = {};
    const name = child(s, 'w:name');
    const basedOn = child(s, 'w:basedOn');
    const props = child(s, 'w:pPr');
    const outline = props && child(props, 'w:outlineLvl');
    const numbering = numberingRef(props && child(props, 'w:numPr'));
    if (name) info.name = attr(name, 'w:val') ?? '';
    if (basedOn) info.basedOn = attr(basedOn, 'w:val') ?? '';
    if (outline) info.outline = attr(outline, 'w:val') ?? '';
    if (numbering) info.numbering = numbering;
    byId.set(id, info);
  }
  const memo = new Map<string, number | undefined>();
  const depthOf = (id: string, seen: Set<string>): number | undefined => {
    if (memo.has(id)) return memo.get(id);
    const info = byId.get(id);
    let depth: number | undefined;
    if (!info) depth = depthFromName(id);
    else if (info.outline !== undefined) depth = outlineDepth(info.outline);
    else depth = depthFromName(info.name ?? '') ?? (info.name === undefined ? depthFromName(id) : undefined);
    if (depth === undefined && info?.outline === undefined && info?.basedOn && !seen.has(info.basedOn)) {
      seen.add(id);
      depth = depthOf(info.basedOn, seen);
    }
    memo.set(id, depth);
    return depth;
  };
  const numberingOf = (id: string): NumberingRef | undefined => {
    const seen = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = byId.get(at)?.basedOn) {
      seen.add(at);
      const found = byId.get(at)?.numbering;
      if (found) return found;
    }
    return undefined;
  };
  return { headingDepth: (id) => depthOf(id, new Set()), numbering: numberingOf };
}
