import type { FormatSpec, Identity, IdentityTerm } from './types.js';

/**
 * The one place where a 勾稽关系 is computed. Lint's identity rules, generation's validation and the
 * editor's hover all ask it, so a total means the same thing in a finding, in a data error and on a
 * hover: which cells make it up, what they add to, and by how much the two sides differ.
 */

/** Where a term of an identity reads its value: a row and a column of the identity's table. */
export interface TermCell {
  row: string;
  column: string;
  /** From last year's report (the carry-over identities). */
  previousYear: boolean;
}

export interface EvaluatedTerm {
  term: IdentityTerm;
  side: 'left' | 'right';
  cell: TermCell;
  /** The cell's number, or undefined when it has none (blank, text, not placed, no previous report). */
  value: number | undefined;
}

export interface Evaluation {
  identity: Identity;
  /** The column (per-column identities) or row (per-row) it was evaluated for. */
  place: string;
  terms: EvaluatedTerm[];
  /** Each side's signed sum, when every term of that side has a value. */
  left: number | undefined;
  right: number | undefined;
  /** `left − right` when both sides are complete: 0 where the identity holds. */
  difference: number | undefined;
}

/** Reads a cell's number; undefined when there is none. */
export type CellLookup = (cell: TermCell) => number | undefined;

/** Amounts are decimals: sums are compared in hundredths, so binary fractions invent no differences. */
export function roundAmount(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The columns (per-column identities) or rows (per-row) an identity is checked for: its `over`, or every
 * one of the table; a per-row identity only for rows that have the column it totals.
 */
export function identityPlaces(format: FormatSpec, identity: Identity): string[] {
  const spec = format.tables[identity.table];
  const all = identity.over ?? (identity.per === 'column' ? spec.columns.map((c) => c.id) : spec.rows.map((r) => r.id));
  if (identity.per === 'column') return all;
  const totalled = identity.left[0]?.ref;
  return all.filter((place) => spec.rows.find((r) => r.id === place)?.columns.includes(totalled ?? ''));
}

/** The cell a term names at one place of its identity. */
export function termCell(identity: Identity, place: string, term: IdentityTerm): TermCell {
  const previousYear = term.previousYear === true;
  return identity.per === 'column' ? { row: term.ref, column: place, previousYear } : { row: place, column: term.ref, previousYear };
}

/** Each term of an identity at one place, with its side and cell: the same for every report, made once. */
interface PlacedTerm {
  term: IdentityTerm;
  side: 'left' | 'right';
  cell: TermCell;
}

const placedTerms = new WeakMap<Identity, Map<string, readonly PlacedTerm[]>>();

function termsAt(identity: Identity, place: string): readonly PlacedTerm[] {
  let byPlace = placedTerms.get(identity);
  if (!byPlace) placedTerms.set(identity, (byPlace = new Map()));
  let terms = byPlace.get(place);
  if (!terms) {
    const placed = (side: 'left' | 'right') => (term: IdentityTerm): PlacedTerm => Object.freeze({ term, side, cell: Object.freeze(termCell(identity, place, term)) });
    terms = Object.freeze([...identity.left.map(placed('left')), ...identity.right.map(placed('right'))]);
    byPlace.set(place, terms);
  }
  return terms;
}

/**
 * Evaluates an identity at one place: every term's cell and value, each side's sum, the difference.
 * It runs for every place of every identity of every report a folder run reads, so it makes one object
 * per term and nothing else; a term's `cell` is shared between evaluations (do not change it).
 */
export function evaluate(identity: Identity, place: string, cells: CellLookup): Evaluation {
  const placed = termsAt(identity, place);
  const terms: EvaluatedTerm[] = new Array<EvaluatedTerm>(placed.length);
  let left: number | undefined = 0;
  let right: number | undefined = 0;
  for (let i = 0; i < placed.length; i++) {
    const { term, side, cell } = placed[i]!;
    const value = cells(cell);
    terms[i] = { term, side, cell, value };
    const signed = value === undefined ? undefined : (term.sign ?? 1) * value;
    if (side === 'left') left = left === undefined || signed === undefined ? undefined : left + signed;
    else right = right === undefined || signed === undefined ? undefined : right + signed;
  }
  if (left !== undefined) left = roundAmount(left);
  if (right !== undefined) right = roundAmount(right);
  const difference = left !== undefined && right !== undefined ? roundAmount(left - right) : undefined;
  return { identity, place, terms, left, right, difference };
}

/** Evaluates an identity at every place it applies to. */
export function evaluateAll(format: FormatSpec, identity: Identity, cells: CellLookup): Evaluation[] {
  return identityPlaces(format, identity).map((place) => evaluate(identity, place, cells));
}

/** How a term of an identity is named: its row's label (per-column identities) or its column's (per-row). */
export function termLabel(format: FormatSpec, identity: Identity, ref: string): string {
  const spec = format.tables[identity.table];
  return identity.per === 'column' ? (spec.rows.find((r) => r.id === ref)?.label ?? ref) : (spec.columns.find((c) => c.id === ref)?.label ?? ref);
}

/** How the place an identity is checked at is named: its column's label (per-column identities) or its row's. */
export function placeLabel(format: FormatSpec, identity: Identity, place: string): string {
  const spec = format.tables[identity.table];
  return identity.per === 'column' ? (spec.columns.find((c) => c.id === place)?.label ?? place) : (spec.rows.find((r) => r.id === place)?.label ?? place);
}
