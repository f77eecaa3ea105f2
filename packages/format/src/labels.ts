import { distance } from 'fastest-levenshtein';
import type { LabelDeviation } from './types.js';

const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/gu;

/**
 * The comparable form of a label: full/half-width folded (NFKC), every kind of space removed, quotes
 * unified, and the numbering separator of `1、` / `1．` written as `1.`. Reports from Word and PDF differ
 * from the official text only in these ways far more often than in wording.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(WHITESPACE, '')
    .replace(/[“”"「」『』]/gu, '"')
    .replace(/[‘’']/gu, "'")
    .replace(/^(\d{1,2})[、.,，]/u, '$1.')
    // PDF and Word exports swap 、 and ， inside labels; the wording is the same.
    .replace(/[,，]/gu, '、')
    .replace(/[。:：;；、]+$/u, '');
}

const NUMBERING = /^(?:\((?<paren>[一二三四五六七八九十]{1,3}|\d{1,2})\)|(?<cjk>[一二三四五六七八九十]{1,3})[、.]|(?<arabic>\d{1,2})\.)/u;

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

/** Applies the known real-world deviations (`不在处理` → `不再处理`) to a normalized label. */
export function applyDeviations(normalized: string, deviations: readonly LabelDeviation[]): { text: string; applied: LabelDeviation[] } {
  let text = normalized;
  const applied: LabelDeviation[] = [];
  for (const d of deviations) {
    const found = normalizeLabel(d.found);
    if (text.includes(found) && !text.includes(normalizeLabel(d.canonical))) {
      text = text.split(found).join(normalizeLabel(d.canonical));
      applied.push(d);
    }
  }
  return { text, applied };
}

/** 1 for equal strings, falling towards 0 with the edit distance relative to the longer one. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - distance(a, b) / longest;
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

const preparedCache = new WeakMap<readonly LabelCandidate[], PreparedCandidate[]>();

function prepare(candidates: readonly LabelCandidate[]): PreparedCandidate[] {
  let prepared = preparedCache.get(candidates);
  if (!prepared) {
    prepared = candidates.map((c) => {
      const normalized = normalizeLabel(c.label);
      const { numbering, core } = splitNumbering(normalized);
      return { ...c, normalized, core, numbering };
    });
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
  const normalized = normalizeLabel(text);
  if (normalized === '') return undefined;
  const { numbering, core: rawCore } = splitNumbering(normalized);
  const { text: core, applied } = applyDeviations(rawCore, options.deviations ?? []);
  const minScore = options.minScore ?? 0.8;
  let best: LabelMatch | undefined;
  for (const c of prepare(candidates)) {
    const numberingDiffers = numbering !== '' ? numbering !== c.numbering : c.numbering !== '';
    let kind: LabelMatchKind;
    let score: number;
    if (core === c.core) {
      kind = applied.length > 0 ? 'deviation' : text === c.label ? 'exact' : 'normalized';
      score = 1;
    } else if (
      options.prefixMinLength !== undefined &&
      core.length >= options.prefixMinLength &&
      c.core.startsWith(core)
    ) {
      kind = 'prefix';
      score = 0.5 + (0.4 * core.length) / c.core.length;
    } else {
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
