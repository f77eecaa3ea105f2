import { VALUE_PREFIXES, VALUE_SUFFIXES, normalizeLabel } from '@nianbao/format';

/**
 * Tokens of a table region: what one cell of a physical row holds, classified as a number, a blank or
 * text, with its source offsets.
 */

export type TokenKind = 'number' | 'blank' | 'text';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  value: number | null;
  unit?: string;
  /** Text standing where a number belongs (`无`, `—`, `/`): a value, though not a valid one. */
  valueLike: boolean;
  /** The text's normalized form (`normalizeLabel`), for text tokens: computed once, compared often. */
  key?: string;
  /** Offsets of the pieces a label broken over lines was joined from. */
  pieces?: Array<{ start: number; end: number }>;
  /** The cell's column index in a grid (GFM, HTML), where the syntax says where each cell stands. */
  gridColumn?: number;
  /** Digits found run together with their neighbours: the token may hold several cells. */
  run?: boolean;
}

/** Where each piece of a token joined from `parts` stands in the source. */
export function piecesOf(parts: readonly Token[]): Array<{ start: number; end: number }> {
  return parts.flatMap((p) => p.pieces ?? [{ start: p.start, end: p.end }]);
}

/** The cells of one physical row: one line (PDF, GFM) or one blank-line-delimited group of lines (Word). */
export interface PhysicalRow {
  tokens: Token[];
  start: number;
  end: number;
}

const NUMBER = /^([+\-−–]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万元|元|件|个|条|项|次)?$/u;
/** Words that come with a number in one cell (`增7`, `11批`, `约20`): a value where a number belongs, though not a number. */
const longestFirst = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');
const WORDED = new RegExp(`^(?:${longestFirst(VALUE_PREFIXES)})?\\s*\\d+(?:\\.\\d+)?\\s*(?:${longestFirst(VALUE_SUFFIXES)})?$`, 'u');
const VALUE_LIKE = /^(?:[-—–_/／\\×xX*＊.。]+|无|空|暂无|不适用|null|N\/?A)$/iu;

const PLAIN_DIGITS = /^[0-9]{1,15}$/u;

/** Classifies a cell's text. Full-width digits and signs count: Word often writes them. */
export function classify(text: string, start: number, end: number): Token {
  if (text === '') return { text, start, end, kind: 'blank', value: null, valueLike: false };
  // Most cells of a table are plain ASCII digits: what the folding and the patterns below make of them.
  if (PLAIN_DIGITS.test(text)) return { text, start, end, kind: 'number', value: Number(text), valueLike: true };
  const folded = text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  const m = NUMBER.exec(folded);
  if (m) {
    const digits = m[2]!.replace(/,/gu, '');
    let value = Number(m[3] !== undefined ? `${digits}.${m[3]}` : digits);
    if (m[1] !== '' && m[1] !== '+') value = -value;
    const token: Token = { text, start, end, kind: 'number', value, valueLike: true };
    if (m[4] !== undefined) token.unit = m[4];
    return token;
  }
  return { text, start, end, kind: 'text', value: null, valueLike: VALUE_LIKE.test(folded) || WORDED.test(folded), key: normalizeLabel(text) };
}

export interface FittedCell {
  token: Token;
  column?: string;
}

export interface FittedRow {
  cells: FittedCell[];
  shape: 'ok' | 'too-many' | 'too-few';
}

/**
 * Places a row's value tokens in the format's columns. Exports pad rows with empty cells (the label
 * spans two columns, trailing tabs), so empty cells count as blanks only where the numbers leave room
 * for exactly that many: between numbers first, then just before them, then just after. A row that
 * cannot be placed keeps its cells as found, with no column, so a rule can point at it.
 */
export function fitRow(tokens: readonly Token[], columns: readonly string[]): FittedRow {
  const n = columns.length;
  let first = -1;
  let last = -1;
  tokens.forEach((t, i) => {
    if (t.kind !== 'blank') {
      if (first < 0) first = i;
      last = i;
    }
  });
  const filled = first < 0 ? [] : tokens.slice(first, last + 1).filter((t) => t.kind !== 'blank');
  if (filled.length > n) return { cells: filled.map((token) => ({ token })), shape: 'too-many' };
  const interior = first < 0 ? [] : tokens.slice(first, last + 1).filter((t) => t.kind === 'blank');
  const leading = first < 0 ? [...tokens] : tokens.slice(0, first);
  const trailing = first < 0 ? [] : tokens.slice(last + 1);
  let need = n - filled.length;
  const chosen = new Set<Token>();
  if (need > 0 && interior.length > 0) {
    if (interior.length > need) return { cells: filled.map((token) => ({ token })), shape: 'too-few' };
    interior.forEach((t) => chosen.add(t));
    need -= interior.length;
  }
  for (let i = leading.length - 1; i >= 0 && need > 0; i--, need--) chosen.add(leading[i]!);
  for (let i = 0; i < trailing.length && need > 0; i++, need--) chosen.add(trailing[i]!);
  if (need > 0) return { cells: filled.map((token) => ({ token })), shape: 'too-few' };
  const placed = tokens.filter((t) => t.kind !== 'blank' || chosen.has(t));
  return { cells: placed.map((token, i) => ({ token, column: columns[i]! })), shape: 'ok' };
}

/**
 * Places a grid row's values by the grid columns the header gave the format's columns. A grid says where
 * a blank cell stands, which counting cannot (`| 标签 | | 1 | … | 6 | |`: the blank before the numbers
 * fills the label's second column, the one after them is the total). Undefined when the row or the
 * header does not give every position, or a value stands outside them: then the row is counted.
 */
export function placeByGrid(tokens: readonly Token[], columns: readonly string[], columnAt: ReadonlyMap<string, number>): FittedRow | undefined {
  if (columns.length === 0 || tokens.length === 0 || tokens.some((t) => t.gridColumn === undefined)) return undefined;
  const positions: number[] = [];
  for (const c of columns) {
    const at = columnAt.get(c);
    if (at === undefined || positions.includes(at)) return undefined;
    positions.push(at);
  }
  if (tokens.some((t) => t.kind !== 'blank' && !positions.includes(t.gridColumn!))) return undefined;
  const cells: FittedCell[] = [];
  for (const [i, column] of columns.entries()) {
    const token = tokens.find((t) => t.gridColumn === positions[i]);
    if (!token) return undefined;
    cells.push({ token, column });
  }
  return { cells, shape: 'ok' };
}
