import { distance } from 'fastest-levenshtein';
import { cjkNumeralSource } from './numbering.js';
import { ownString } from './own-string.js';
import type { LabelDeviation } from './types.js';

/** Characters whose compatibility forms NFKC would fold and the fast path below does not. */
const NEEDS_NFKC = /[\u2160-\u217f\u2329\u232a\u2460-\u24ff\u2e80-\u2fdf\u3200-\u33ff\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff61-\uff65\u{2f800}-\u{2fa1f}]/u;
/** Spaces (removed), full-width ASCII (folded), quotes and commas (unified): one pass. */
const FOLD = /[\s\u00a0\u3000\u200b\ufeff]+|[\uff01-\uff5e]|[“”"「」『』‘’',，]/gu;

const SPACE = /^[\s\u00a0\u3000\u200b\ufeff]/u;

function fold(ch: string): string {
  let c = ch;
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
  switch (c) {
    case '“':
    case '”':
    case '"':
    case '「':
    case '」':
    case '『':
    case '』':
      return '"';
    case '‘':
    case '’':
    case "'":
      return "'";
    case ',':
    case '，':
      // PDF and Word exports swap 、 and ， inside labels; the wording is the same.
      return '、';
    default:
      return SPACE.test(c) ? '' : c;
  }
}

/**
 * The comparable form of a label: full/half-width folded, every kind of space removed, quotes and
 * commas unified, and the numbering separator of `1、` / `1．` written as `1.`. Reports from Word and
 * PDF differ from the official text in these ways far more often than in wording. Runs on every cell
 * of every table, so it avoids a full NFKC pass unless a character needs one.
 */
export function normalizeLabel(text: string): string {
  const known = normalizedCache.get(text);
  if (known !== undefined) return known;
  const result = normalizeUncached(text);
  // Tables repeat the same labels in every report: a bounded memo, emptied when full.
  if (normalizedCache.size >= CACHE_LIMIT) normalizedCache.clear();
  const key = ownString(text);
  // An unchanged text is its own normalized form: kept once, not as a slice of the report.
  normalizedCache.set(key, result === text ? key : ownString(result));
  return result;
}

const CACHE_LIMIT = 20_000;
const normalizedCache = new Map<string, string>();

/** `normalizeLabel` without its memo: for long text read once (a line of prose), which the memo should not keep. */
export function normalizeLabelOnce(text: string): string {
  return normalizeUncached(text);
}

function normalizeUncached(text: string): string {
  const source = NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
  return source
    .replace(FOLD, fold)
    // 其它 and 其他 are one word in two spellings, both seen in real tables.
    .replace(/其它/gu, '其他')
    .replace(/^(\d{1,2})[、.]/u, '$1.')
    .replace(/[。:;、]+$/u, '');
}

const UNIT_NOTE = /^\((?:单位[:：]?)?(?:元|万元|亿元|件|个|项|条|次)\)$/u;

const NUMBERING = new RegExp(`^(?:\\((?<paren>${cjkNumeralSource()}|\\d{1,2})\\)|(?<cjk>${cjkNumeralSource()})[、.]|(?<arabic>\\d{1,2})\\.)`, 'u');

export interface SplitNumbering {
  /** The numbering as written after normalization, e.g. `(一)`, `1.`, `三、`; empty when none. */
  numbering: string;
  core: string;
}

/** Separates a normalized label's leading enumerator (`（一）`, `1.`, `三、`) from its text. */
export function splitNumbering(normalized: string): SplitNumbering {
  const m = NUMBERING.exec(normalized);
  if (!m) return { numbering: '', core: normalized };
  return { numbering: m[0], core: normalized.slice(m[0].length) };
}

const normalizedDeviations = new WeakMap<readonly LabelDeviation[], Array<{ deviation: LabelDeviation; found: string; canonical: string }>>();

/** Applies the known real-world deviations (`不在处理` → `不再处理`) to a normalized label. */
export function applyDeviations(normalized: string, deviations: readonly LabelDeviation[]): { text: string; applied: LabelDeviation[] } {
  let prepared = normalizedDeviations.get(deviations);
  if (!prepared) {
    prepared = deviations.map((deviation) => ({ deviation, found: normalizeLabel(deviation.found), canonical: normalizeLabel(deviation.canonical) }));
    normalizedDeviations.set(deviations, prepared);
  }
  let text = normalized;
  const applied: LabelDeviation[] = [];
  for (const d of prepared) {
    if (text.includes(d.found) && !text.includes(d.canonical)) {
      text = text.split(d.found).join(d.canonical);
      applied.push(d.deviation);
    }
  }
  return { text, applied };
}

/**
 * The edit distance where two neighbouring characters swapped count as one slip (optimal string
 * alignment), as a typist makes them: `属于国秘家密` is one slip from `属于国家秘密`, not two.
 */
function slips(a: string, b: string): number {
  const d = distance(a, b);
  // A transposition keeps the length: only then can counting it as one edit lower the distance.
  if (d < 2 || a.length !== b.length) return d;
  const n = a.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    prev2 = prev;
    prev = cur;
  }
  return Math.min(d, prev[n]!);
}

/** 1 for equal strings, falling towards 0 with the edit distance (a swap of neighbours one edit) relative to the longer one. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - slips(a, b) / longest;
}

export type LabelMatchKind =
  /** identical to the canonical text */
  | 'exact'
  /** equal once widths, spaces and quotes are folded: conversion noise, not a finding */
  | 'normalized'
  /** equal once a known deviation (format.md §4) is corrected: a finding with a fix */
  | 'deviation'
  /** close to the canonical text but not equal: a finding with a fix */
  | 'fuzzy'
  /** only the start of the canonical label (a label broken over lines whose rest is elsewhere) */
  | 'prefix';

export interface LabelCandidate {
  id: string;
  label: string;
}

export interface LabelMatch {
  id: string;
  canonical: string;
  kind: LabelMatchKind;
  score: number;
  /** Whether the numbering differs from the canonical one (missing, or another style). */
  numberingDiffers: boolean;
  deviations: LabelDeviation[];
}

export interface MatchOptions {
  deviations?: readonly LabelDeviation[];
  /** Lowest similarity accepted as a fuzzy match (0–1). */
  minScore?: number;
  /** Accept a label that is a start of a canonical label (at least this many characters). */
  prefixMinLength?: number;
}

interface PreparedCandidate extends LabelCandidate {
  normalized: string;
  core: string;
  numbering: string;
}

interface Prepared {
  list: PreparedCandidate[];
  /** Candidates by their core text, for the exact lookup that settles most labels. */
  byCore: Map<string, PreparedCandidate[]>;
}

const preparedCache = new WeakMap<readonly LabelCandidate[], Prepared>();

function prepare(candidates: readonly LabelCandidate[]): Prepared {
  let prepared = preparedCache.get(candidates);
  if (!prepared) {
    const list = candidates.map((c) => {
      const normalized = normalizeLabel(c.label);
      const { numbering, core } = splitNumbering(normalized);
      return { ...c, normalized, core, numbering };
    });
    const byCore = new Map<string, PreparedCandidate[]>();
    for (const c of list) byCore.set(c.core, [...(byCore.get(c.core) ?? []), c]);
    prepared = { list, byCore };
    preparedCache.set(candidates, prepared);
  }
  return prepared;
}

/**
 * Finds the candidate label that a text found in a report stands for, and says what had to be tolerated.
 * Numbering is compared apart from the text, so `(一) 予以公开`, `（一）予以公开` and `予以公开` all match;
 * the caller decides whether a differing numbering matters. Ties keep the earlier candidate: callers list
 * candidates in the order they expect them.
 */
export function matchLabel(text: string, candidates: readonly LabelCandidate[], options: MatchOptions = {}): LabelMatch | undefined {
  return matchNormalizedLabel(text, normalizeLabel(text), candidates, options);
}

/** `matchLabel` for a caller that already holds the text's normalized form. */
export function matchNormalizedLabel(
  text: string,
  normalized: string,
  candidates: readonly LabelCandidate[],
  options: MatchOptions = {},
): LabelMatch | undefined {
  if (normalized === '') return undefined;
  // The same cell text is matched against the same candidates many times (every reading of a table
  // tries its rows): the answer is memoised per candidate list, options and text. Callers get a copy.
  // Keyed by the text itself, not a string built from it: a cell's text is an existing string whose
  // hash V8 keeps, and the normalized form is nearly always `normalizeLabel(text)`, checked on a hit.
  let byOptions = matchCache.get(candidates);
  if (!byOptions) {
    byOptions = new Map();
    matchCache.set(candidates, byOptions);
  }
  const optionKey = optionsKey(options);
  let memo = byOptions.get(optionKey);
  if (!memo) {
    memo = new Map();
    byOptions.set(optionKey, memo);
  }
  const entry = memo.get(text);
  let found: LabelMatch | null;
  if (entry !== undefined && entry.normalized === normalized) found = entry.found;
  else {
    found = matchUncached(text, normalized, candidates, options) ?? null;
    if (memo.size >= CACHE_LIMIT) memo.clear();
    memo.set(ownString(text), { normalized: ownString(normalized), found });
  }
  return found === null ? undefined : { ...found, deviations: [...found.deviations] };
}

const matchCache = new WeakMap<readonly LabelCandidate[], Map<string, Map<string, { normalized: string; found: LabelMatch | null }>>>();
const deviationIds = new WeakMap<readonly LabelDeviation[], number>();
let nextDeviationId = 1;

function optionsKey(options: MatchOptions): string {
  let id = 0;
  if (options.deviations) {
    id = deviationIds.get(options.deviations) ?? nextDeviationId++;
    deviationIds.set(options.deviations, id);
  }
  return `${id}|${options.minScore ?? ''}|${options.prefixMinLength ?? ''}`;
}

function matchUncached(text: string, normalized: string, candidates: readonly LabelCandidate[], options: MatchOptions): LabelMatch | undefined {
  const { numbering, core: rawCore } = splitNumbering(normalized);
  const { text: core, applied } = applyDeviations(rawCore, options.deviations ?? []);
  const prepared = prepare(candidates);
  const differs = (c: PreparedCandidate): boolean => (numbering !== '' ? numbering !== c.numbering : c.numbering !== '');
  const exact = prepared.byCore.get(core);
  if (exact) {
    const c = exact.find((x) => !differs(x)) ?? exact[0]!;
    const kind: LabelMatchKind = applied.length > 0 ? 'deviation' : text === c.label ? 'exact' : 'normalized';
    return { id: c.id, canonical: c.label, kind, score: 1, numberingDiffers: differs(c), deviations: applied };
  }
  const minScore = options.minScore ?? 0.8;
  let best: LabelMatch | undefined;
  for (const c of prepared.list) {
    const numberingDiffers = differs(c);
    let kind: LabelMatchKind;
    let score: number;
    // A short note only: a long one is another header's words run into this label.
    if (c.core.length >= 2 && core.length > c.core.length && core.length - c.core.length <= 12 && core.startsWith(c.core) && /^\([^()]+\)$/u.test(core.slice(c.core.length))) {
      // The canonical label with a note added (`现行有效件数（历史累计）`): the note changes what is counted.
      // A unit (`采购总金额（元）`) only says what the cells already do, where the format leaves it open.
      const unitOnly = UNIT_NOTE.test(core.slice(c.core.length));
      kind = unitOnly ? 'normalized' : 'fuzzy';
      score = unitOnly ? 0.99 : 0.85;
    } else if (options.prefixMinLength !== undefined && core.length >= options.prefixMinLength && c.core.startsWith(core)) {
      kind = 'prefix';
      score = 0.5 + (0.4 * core.length) / c.core.length;
    } else {
      // The edit distance is at least the difference in length: skip what cannot reach minScore.
      const longer = Math.max(core.length, c.core.length);
      if (Math.min(core.length, c.core.length) / longer < minScore) continue;
      score = similarity(core, c.core);
      if (score < minScore) continue;
      kind = 'fuzzy';
    }
    // A matching enumerator decides between equally good texts (`3.其他` against the column `其他`).
    const rank = score + (numberingDiffers ? 0 : 0.001);
    const bestRank = best ? best.score + (best.numberingDiffers ? 0 : 0.001) : -1;
    if (rank > bestRank) best = { id: c.id, canonical: c.label, kind, score, numberingDiffers, deviations: applied };
  }
  return best;
}
