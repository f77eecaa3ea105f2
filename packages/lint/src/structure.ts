/**
 * Shared helpers for the structure rules (report-title, section-missing, section-order,
 * subsection-numbering, fee-statement, placeholder): positions from offsets, sections by offset,
 * Chinese numerals, and the enumerators of a section's paragraphs and sub-headings.
 */
import { canonicalHeading, cjkNumber, cjkNumeral, cjkNumeralSource, ENUMERATOR, normalizeLabel, REPORT_TITLE_WORDS, sectionSpec, splitNumbering, type FormatSpec, type SectionId } from '@nianbao/format';
import { LineIndex, type ReportDocument, type SectionNode, type Span } from '@nianbao/parse';

/** The words every report title carries, from the format data. */
export const TITLE_PHRASE = REPORT_TITLE_WORDS;

const lineIndexes = new WeakMap<ReportDocument, LineIndex>();

/** The span of offsets `start`–`end` of the document's text. */
export function spanOf(document: ReportDocument, start: number, end: number): Span {
  let index = lineIndexes.get(document);
  if (!index) {
    index = new LineIndex(document.text);
    lineIndexes.set(document, index);
  }
  return index.span(start, end);
}

/** The document's sections, in order (the parser never takes a `（二）` sub-head for one). */
export function mainSections(document: ReportDocument): readonly SectionNode[] {
  return document.sections;
}

/** The section an offset falls in (the last one whose heading starts at or before it), sub-headings aside. */
export function sectionAt(document: ReportDocument, offset: number): SectionNode | undefined {
  let found: SectionNode | undefined;
  for (const s of mainSections(document)) if (s.span.start.offset <= offset) found = s;
  return found;
}

/** `一、总体情况`, from the format data. */
export function headingOf(id: SectionId): string {
  return canonicalHeading(sectionSpec(id));
}


export type EnumeratorStyle = 'paren-cjk' | 'paren-arabic' | 'arabic' | 'cjk';

/** One enumerator that opens a paragraph or a sub-heading. */
export interface EnumeratorItem {
  text: string;
  style: EnumeratorStyle;
  value: number;
  start: number;
  end: number;
  section: SectionId;
}

/** The level of each style in the customary hierarchy of Chinese official documents: 一、 （一） 1. （1）. */
export const STYLE_RANK: Readonly<Record<EnumeratorStyle, number>> = { cjk: 0, 'paren-cjk': 1, arabic: 2, 'paren-arabic': 3 };

/** The other style of the same bracket family: （一） and （1） are written alike, as are 一、 and 1. */
export const SIBLING_STYLE: Readonly<Record<EnumeratorStyle, EnumeratorStyle>> = {
  'paren-cjk': 'paren-arabic',
  'paren-arabic': 'paren-cjk',
  cjk: 'arabic',
  arabic: 'cjk',
};

/** What follows `（一）` when it cites an item of a law (`第二十条第（一）项`) rather than opening a paragraph. */
const CITATION_FOLLOWS = /^\s*[项款条目]/u;

/** Reads the enumerator at the start of `text`, whose first character is at offset `start`. */
export function readEnumerator(text: string, start: number): Omit<EnumeratorItem, 'section'> | undefined {
  const m = ENUMERATOR.exec(text);
  if (!m?.groups) return undefined;
  if (CITATION_FOLLOWS.test(text.slice(m[0].length))) return undefined;
  const g = m.groups;
  const base = { text: m[0], start, end: start + m[0].length };
  if (g['pc'] !== undefined) return { ...base, style: 'paren-cjk', value: cjkNumber(g['pc']) };
  if (g['pa'] !== undefined) return { ...base, style: 'paren-arabic', value: Number(g['pa']) };
  if (g['a'] !== undefined) return { ...base, style: 'arabic', value: Number(g['a']) };
  return { ...base, style: 'cjk', value: cjkNumber(g['c']!) };
}

/** The enumerator `found` rewritten in `style` with `value`, keeping its brackets' width where it can. */
export function renderEnumerator(found: EnumeratorItem, style: EnumeratorStyle, value: number): string {
  const open = found.text.trimStart().startsWith('(') ? '(' : '（';
  const close = open === '(' ? ')' : '）';
  switch (style) {
    case 'paren-cjk':
      return `${open}${cjkNumeral(value)}${close}`;
    case 'paren-arabic':
      return `${open}${value}${close}`;
    case 'arabic':
      return `${value}.`;
    case 'cjk':
      return `${cjkNumeral(value)}、`;
  }
}

/** The cores of the table labels (`予以公开`, `属于国家秘密`) of both table formats, for telling table rows from prose. */
function tableLabelCores(formats: readonly FormatSpec[]): string[] {
  const cores = new Set<string>();
  for (const format of formats) {
    for (const table of Object.values(format.tables)) {
      for (const label of [...table.rows.map((r) => r.label), ...table.groups.map((g) => g.label), ...table.blocks.map((b) => b.label)]) {
        const core = splitNumbering(normalizeLabel(label)).core;
        if (core.length >= 4) cores.add(core);
      }
    }
  }
  return [...cores];
}

/**
 * The enumerators that open the paragraphs and sub-headings of each section, in document order (Markdown
 * sub-headings such as `### （一）主动公开` are paragraphs in the model). In a section that holds a table, a line that reads as one of the table's labels
 * is a table row the reader could not place, not a sub-heading: it is left out rather than counted.
 */
export function sectionEnumerators(document: ReportDocument, formats: readonly FormatSpec[]): EnumeratorItem[] {
  const items: EnumeratorItem[] = [];
  const cores = tableLabelCores(formats);
  const headingStarts = new Set(mainSections(document).map((s) => s.heading.span.start.offset));
  const add = (text: string, start: number): void => {
    const section = sectionAt(document, start);
    if (!section || headingStarts.has(start)) return;
    const e = readEnumerator(text, start);
    if (!e) return;
    if (sectionSpec(section.id).table !== undefined) {
      const core = normalizeLabel(text.slice(e.text.length));
      if (cores.some((c) => core.startsWith(c))) return;
    }
    items.push({ ...e, section: section.id });
  };
  // Every line of a paragraph: a paragraph of plain text runs on over adjacent lines, and a list written
  // without blank lines (`1.…` / `2.…` on the next line) is one paragraph in the model.
  for (const p of document.paragraphs) {
    let from = 0;
    for (const line of p.text.split('\n')) {
      const lead = line.length - line.trimStart().length;
      add(line.slice(lead), p.span.start.offset + from + lead);
      from += line.length + 1;
    }
  }
  return items.sort((a, b) => a.start - b.start);
}

/** A marker of an enumeration in running text: `一是`, `二是` …, at its offsets. */
export interface ShiMarker {
  value: number;
  text: string;
  start: number;
  end: number;
  /**
   * Whether it stands after punctuation, a space or the paragraph's start. A marker right after another
   * character may be a word (`统一是`, `之一是`, `唯一是`): it only counts when it continues a run.
   */
  strong: boolean;
  section: SectionId;
}

const SHI = new RegExp(`(?<num>${cjkNumeralSource(2)})[ \\t\\u3000\\r\\n]*是`, 'gu');
const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Every `一是`/`二是` … in the paragraphs of the sections, in document order. */
export function shiMarkers(document: ReportDocument): ShiMarker[] {
  const out: ShiMarker[] = [];
  for (const p of document.paragraphs) {
    const section = sectionAt(document, p.span.start.offset)?.id;
    if (!section) continue;
    for (const m of p.text.matchAll(SHI)) {
      const num = m.groups!['num']!;
      // `十一是` is 11, but `一十是` is not a marker anyone writes: read only numerals that parse as 1–19.
      const value = cjkNumber(num);
      if (value < 1 || value > 19 || (num.length === 2 && !num.startsWith('十'))) continue;
      let i = m.index - 1;
      while (i >= 0 && /[ \t\u3000]/u.test(p.text[i]!)) i--;
      const strong = i < 0 || !IDEOGRAPH.test(p.text[i]!);
      const start = p.span.start.offset + m.index;
      out.push({ value, text: m[0], start, end: start + m[0].length, strong, section });
    }
  }
  return out;
}
