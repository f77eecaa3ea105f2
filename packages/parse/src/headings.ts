import { HEADING_ENUMERATOR_SOURCE, normalizeLabel, ownString, SECTIONS, similarity, type SectionSpec } from '@nianbao/format';
import type { TextRun } from './blocks.js';
import type { HeadingNode, HeadingWording, NumeralStatus } from './model.js';
import type { LineIndex } from './source.js';

const CJK_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const PREFIX =
  new RegExp(`^${HEADING_ENUMERATOR_SOURCE}[ \\t\\u3000]*`, 'u');

/** Headings are short; a longer line is a paragraph that happens to start with a numeral. */
const MAX_HEADING_LENGTH = 40;
const MIN_FUZZY = 0.75;
const CJK = /[\u4e00-\u9fff]/u;

interface Wording {
  section: SectionSpec;
  wording: HeadingWording;
  score: number;
}

const prepared = SECTIONS.map((section) => ({
  section,
  title: normalizeLabel(section.title),
  variants: section.variants.map(normalizeLabel),
  misspellings: section.misspellings.map(normalizeLabel),
}));

/**
 * The section whose words `raw` are (none when, normalized, they are longer than any heading). Asked of every line and cell that stands
 * alone, the same table labels in every report of a folder: the answers are kept, a bounded memo.
 */
function matchWording(raw: string): Wording | undefined {
  const known = WORDINGS.get(raw);
  if (known !== undefined) return known ?? undefined;
  // Normalized only when not known: most lines asked about are known.
  const text = normalizeLabel(raw);
  const found = text.length > MAX_HEADING_LENGTH ? undefined : wordingOf(raw, text);
  if (WORDINGS.size >= 8192) WORDINGS.clear();
  WORDINGS.set(ownString(raw), found ?? null);
  return found;
}
const WORDINGS = new Map<string, Wording | null>();

function wordingOf(raw: string, text: string): Wording | undefined {
  if (text === '') return undefined;
  let best: Wording | undefined;
  for (const p of prepared) {
    if (text === p.title) return { section: p.section, wording: raw === p.section.title ? 'canonical' : 'normalized', score: 1 };
    if (p.variants.includes(text)) return { section: p.section, wording: 'variant', score: 1 };
    if (p.misspellings.includes(text)) return { section: p.section, wording: 'misspelling', score: 1 };
    for (const candidate of [p.title, ...p.variants]) {
      // The edit distance is at least the difference in length: skip what cannot reach the threshold.
      if (Math.min(text.length, candidate.length) / Math.max(text.length, candidate.length) < MIN_FUZZY) continue;
      const score = similarity(text, candidate);
      if (score >= MIN_FUZZY && (!best || score > best.score)) best = { section: p.section, wording: 'fuzzy', score };
    }
  }
  return best;
}

interface Prefix {
  length: number;
  groups: Readonly<Record<string, string | undefined>>;
}
const NO_GROUPS: Readonly<Record<string, string | undefined>> = {};

/** The enumerator a line starts with, by the line's text: every report's tables repeat the same labels. */
function prefixOf(text: string): Prefix | undefined {
  const known = PREFIXES.get(text);
  if (known !== undefined) return known ?? undefined;
  const m = PREFIX.exec(text);
  const found = m ? { length: m[0].length, groups: { ...m.groups } } : undefined;
  if (PREFIXES.size >= 8192) PREFIXES.clear();
  PREFIXES.set(ownString(text), found ?? null);
  return found;
}
const PREFIXES = new Map<string, Prefix | null>();

function numeralValue(num: string): number {
  if (/^\d+$/u.test(num)) return Number(num);
  const circled = '①②③④⑤⑥'.indexOf(num);
  if (circled >= 0) return circled + 1;
  if (num.length === 1) return CJK_NUMERALS.indexOf(num) + 1;
  return 0;
}

/**
 * Recognizes a section heading (`三、收到和处理政府信息公开申请情况`, `3、 收到…`, `、主动公开…`) in a run of
 * text that stands alone on its line. Recognition goes by the words; the numeral is reported as found,
 * so that `3、` is still section 三 and a rule can say what is wrong with it.
 */
export function matchSectionHeading(run: TextRun, lines: LineIndex, explicit: boolean): HeadingNode | undefined {
  const text = run.text;
  // A heading's words are Chinese: a cell of numbers is none, and is most cells.
  if (text.length === 0 || text.length > MAX_HEADING_LENGTH * 2 || !CJK.test(text)) return undefined;
  const m = prefixOf(text);
  const prefixLength = m ? m.length : 0;
  const rest = text.slice(prefixLength);
  const titleText = rest.replace(/[\s。.:：；;]+$/u, '');
  if (titleText.length === 0 || !CJK.test(titleText)) return undefined;
  if (!explicit && /[。；;]$/u.test(rest.trim()) && titleText.length > 20) return undefined;
  const wording = matchWording(titleText);
  if (!wording) return undefined;
  const groups = m?.groups ?? NO_GROUPS;
  const num = groups['num'] ?? groups['pnum'];
  // `（二）…` is how sub-heads are numbered; a section heading is never written that way, even when a
  // sub-head repeats a section's words (`（二）主动公开政府信息情况` under 一).
  if (groups['paren'] !== undefined) return undefined;
  const hasPrefix = prefixLength > 0 && (num !== undefined || groups['sep'] !== undefined || groups['paren'] !== undefined);
  // `无其他需要报告的事项`: a sentence saying there is nothing, in the heading's words, is not the heading.
  if (!hasPrefix && !explicit && /^(?:无|没有|暂无|本年度无|本年无|未)/u.test(titleText)) return undefined;
  // Without any numeral a line must say the heading's words almost exactly to count as one.
  if (!hasPrefix && !explicit && wording.score < 0.9) return undefined;
  // Nor does a separator alone (`、政府信息公开行政复议、行政诉讼情况、存在的主`: a piece of a sentence).
  if (num === undefined && !explicit && wording.score < 0.9) return undefined;
  const expected = wording.section.numeral;
  let status: NumeralStatus;
  if (num === undefined) status = 'missing';
  else if (num === expected) status = groups['sep'] === '、' ? 'canonical' : 'other-style';
  else if (/^\d+$/u.test(num) && numeralValue(num) === numeralValue(expected)) status = 'arabic';
  else status = 'wrong';
  const numeralEnd = run.start + (prefixLength > 0 ? text.slice(0, prefixLength).trimEnd().length : 0);
  const titleStart = run.start + prefixLength;
  return {
    section: wording.section.id,
    text,
    span: lines.span(run.start, run.end),
    numeral: { text: text.slice(0, numeralEnd - run.start), span: lines.span(run.start, numeralEnd), status },
    title: {
      text: titleText,
      span: lines.span(titleStart, titleStart + titleText.length),
      wording: wording.wording,
      score: wording.score,
    },
  };
}
