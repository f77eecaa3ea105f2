/**
 * The readings of one line of digit runs: every way to cut its digits into the line's cells (no leading
 * zeros, cuts only where the layout allows them) that satisfies the equations among its own cells.
 */

/** What may happen at the boundary before a character: no cut, an optional cut, or a cut that must be made. */
export const Gap = {
  /** Inside a run that may not be split, or next to a decimal point. */
  None: 0,
  /** Between two digits of a run, or between two runs that may be joined. */
  Soft: 1,
  /** Between two runs that are separate cells. */
  Hard: 2,
} as const;
export type Gap = (typeof Gap)[keyof typeof Gap];

/** A linear equation `Σ sign · cell = 0` over the line's cell indices. */
export interface LineEquation {
  cells: number[];
  signs: number[];
}

export interface LineSpec {
  /** The digits of every run concatenated (a decimal point may stand inside an amount). */
  text: string;
  /** `gaps[g]` governs a cut before `text[g]`, for 1 ≤ g < text.length; `gaps[0]` is unused. */
  gaps: Gap[];
  /** Per cell, whether it may hold a decimal (an amount column). */
  decimal: boolean[];
  equations: LineEquation[];
  /** How many cells each format row of the line has, in order (their sum is the cell count). */
  rowWidths: number[];
}

export interface Reading {
  values: number[];
  /** Where each cell's piece ends in `text` (exclusive); cell i starts where cell i − 1 ends. */
  ends: number[];
}

export interface LineResult {
  /** How many cuttings fill the cells at all, ignoring the equations; at most `cap + 1`. */
  shapes: number;
  readings: Reading[];
  /** The enumeration stopped at a cap, so `readings` may be incomplete. */
  capped: boolean;
  /** Search steps taken. */
  steps: number;
}

export interface LineLimits {
  readings: number;
  steps: number;
}

/** A count longer than this is not a count: JavaScript numbers lose integers past 15 digits. */
export const MAX_PIECE = 15;

/**
 * Every reading of the line that satisfies its equations, and how many cuttings there are at all.
 * The formats' row identities all say "the last cell of the row is the sum of the others", which the
 * row-by-row search uses: it takes each row's total as a suffix first and then splits what is before it
 * into parts that must add up to that total, so a long run costs little more than its readings. Other
 * equations go to a general cell-by-cell search.
 */
export function readLine(line: LineSpec, limits: LineLimits): LineResult {
  const shape = shapeOf(line, limits.readings + 1);
  if (shape.shapes === 0) return { shapes: 0, readings: [], capped: false, steps: 0 };
  const rows = rowForms(line);
  return rows ? searchRows(line, rows, shape, limits) : searchCells(line, shape, limits);
}

interface Shape {
  valid: (a: number, b: number, decimal: boolean) => boolean;
  /** ways[i][p]: how many ways text[p..] fills cells i..n−1 (capped), so dead ends are never entered. */
  ways: number[][];
  shapes: number;
}

function shapeOf(line: LineSpec, cap: number): Shape {
  const { text, gaps, decimal } = line;
  const m = text.length;
  const n = decimal.length;
  const valid = pieceValidator(text, gaps);
  const ways: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  ways[n]![m] = 1;
  for (let i = n - 1; i >= 0; i--) {
    const row = ways[i]!;
    const next = ways[i + 1]!;
    for (let p = m - 1; p >= 0; p--) {
      let total = 0;
      for (let end = p + 1; end <= Math.min(m, p + MAX_PIECE); end++) {
        const after = next[end]!;
        if (after > 0 && valid(p, end, decimal[i]!)) total = Math.min(cap, total + after);
      }
      row[p] = total;
    }
  }
  return { valid, ways, shapes: n === 0 ? (m === 0 ? 1 : 0) : ways[0]![0]! };
}

/** A row of the line: its first cell, its width, and whether its last cell is the sum of the others. */
interface RowForm {
  first: number;
  width: number;
  summed: boolean;
}

/**
 * The rows, when every equation is one row's "last cell = Σ the others" over integer cells; otherwise
 * undefined, for the general search.
 */
function rowForms(line: LineSpec): RowForm[] | undefined {
  const forms: RowForm[] = [];
  let first = 0;
  for (const width of line.rowWidths) {
    forms.push({ first, width, summed: false });
    first += width;
  }
  if (first !== line.decimal.length) return undefined;
  for (const e of line.equations) {
    const form = forms.find((f) => e.cells.includes(f.first));
    if (!form || form.summed || e.cells.length !== form.width || form.width < 2) return undefined;
    const last = form.first + form.width - 1;
    const totalSign = e.signs[e.cells.indexOf(last)];
    if (totalSign === undefined) return undefined;
    for (let c = form.first; c <= last; c++) {
      const k = e.cells.indexOf(c);
      if (k < 0 || line.decimal[c]) return undefined;
      if (c !== last && e.signs[k] !== -totalSign) return undefined;
    }
    form.summed = true;
  }
  return forms;
}

interface Segment {
  end: number;
  values: number[];
  ends: number[];
}

function searchRows(line: LineSpec, forms: readonly RowForm[], shape: Shape, limits: LineLimits): LineResult {
  const { text, decimal } = line;
  const { valid, ways, shapes } = shape;
  const m = text.length;
  let steps = 0;
  let capped = false;
  const tick = (): boolean => {
    if (++steps > limits.steps) capped = true;
    return !capped;
  };

  /** Every way row r can fill text[p..end) for some end, its identity holding. */
  const segments = (r: number, p: number): Segment[] => {
    const form = forms[r]!;
    const out: Segment[] = [];
    const after = form.first + form.width;
    const lastRow = r === forms.length - 1;
    const values = new Array<number>(form.width).fill(0);
    const ends = new Array<number>(form.width).fill(0);
    const push = (): void => {
      if (out.length >= limits.readings) capped = true;
      else out.push({ end: ends[form.width - 1]!, values: values.slice(), ends: ends.slice() });
    };

    if (!form.summed) {
      // No identity: every filling of the row's cells that leaves a fillable rest.
      const fill = (i: number, s: number): void => {
        if (!tick()) return;
        if (i === form.width) return push();
        const cell = form.first + i;
        for (let e = s + 1; e <= Math.min(m, s + MAX_PIECE) && !capped; e++) {
          if (ways[cell + 1]![e]! === 0 || !valid(s, e, decimal[cell]!)) continue;
          values[i] = Number(text.slice(s, e));
          ends[i] = e;
          fill(i + 1, e);
        }
      };
      fill(0, p);
      return out;
    }

    const parts = form.width - 1;
    const totalCell = form.first + parts;
    /** Parts i.. fill text[s..a) and add up to `rest`. */
    const split = (i: number, s: number, a: number, rest: number): void => {
      if (!tick()) return;
      const k = parts - i;
      const length = a - s;
      if (length < k) return;
      const cell = form.first + i;
      if (k === 1) {
        if (text.slice(s, a) === String(rest) && valid(s, a, false)) {
          values[i] = rest;
          ends[i] = a;
          push();
        }
        return;
      }
      // No part exceeds the rest, so none is longer than it: k parts hold at most k times its digits.
      const restDigits = String(rest).length;
      if (length > k * restDigits) return;
      // Some piece of the rest is at least ⌈length / k⌉ long, and no piece but `0` starts with 0.
      const longest = Math.ceil(length / k);
      if (longest >= 2 && 10 ** (longest - 1) > rest) return;
      if (sumBound(length, k) < rest) return;
      const maxLength = Math.min(MAX_PIECE, length - (k - 1), restDigits);
      for (let e = s + 1; e <= s + maxLength && !capped; e++) {
        if (ways[cell + 1]![e]! === 0 || !valid(s, e, false)) continue;
        const value = Number(text.slice(s, e));
        if (value > rest) break;
        values[i] = value;
        ends[i] = e;
        split(i + 1, e, a, rest - value);
      }
    };
    const lastEnd = lastRow ? m : Math.min(m, p + MAX_PIECE * form.width);
    for (let end = lastRow ? m : p + form.width; end <= lastEnd && !capped; end++) {
      if (ways[after]![end]! === 0) continue;
      for (let t = 1; t <= Math.min(MAX_PIECE, end - p - parts) && !capped; t++) {
        const a = end - t;
        if (!valid(a, end, false) || ways[totalCell]![a] === 0) continue;
        const total = Number(text.slice(a, end));
        values[parts] = total;
        ends[parts] = end;
        split(0, p, a, total);
      }
    }
    return out;
  };

  // Rows in turn; memoised by where a row starts, and only into starts from which the rest can be read.
  const memo = new Map<string, Segment[]>();
  const segmentsAt = (r: number, p: number): Segment[] => {
    const key = `${r}:${p}`;
    let found = memo.get(key);
    if (!found) memo.set(key, (found = segments(r, p)));
    return found;
  };
  const reachable = new Map<string, boolean>();
  const completes = (r: number, p: number): boolean => {
    if (r === forms.length) return p === m;
    const key = `${r}:${p}`;
    let known = reachable.get(key);
    if (known === undefined) {
      known = segmentsAt(r, p).some((seg) => completes(r + 1, seg.end));
      reachable.set(key, known);
    }
    return known;
  };

  const readings: Reading[] = [];
  const values: number[] = [];
  const ends: number[] = [];
  const walk = (r: number, p: number): void => {
    if (r === forms.length) {
      if (readings.length >= limits.readings) capped = true;
      else readings.push({ values: values.slice(), ends: ends.slice() });
      return;
    }
    for (const seg of segmentsAt(r, p)) {
      if (capped) return;
      if (!completes(r + 1, seg.end)) continue;
      values.push(...seg.values);
      ends.push(...seg.ends);
      walk(r + 1, seg.end);
      values.length -= seg.values.length;
      ends.length -= seg.ends.length;
    }
  };
  if (completes(0, 0)) walk(0, 0);
  return { shapes, readings, capped, steps };
}

/**
 * The general search, for equations of any form: cell by cell from the left; a cell whose value an equation already fixes (a total once
 * its parts are placed) is matched against the digits instead of tried at every length, and a part is
 * abandoned as soon as no later cells could balance its equation, so the work stays near the number of
 * readings rather than the number of compositions.
 */
/** The general search alone, whatever form the equations have (the row-by-row search is checked against it). */
export function readLineByCells(line: LineSpec, limits: LineLimits): LineResult {
  const shape = shapeOf(line, limits.readings + 1);
  if (shape.shapes === 0) return { shapes: 0, readings: [], capped: false, steps: 0 };
  return searchCells(line, shape, limits);
}

function searchCells(line: LineSpec, shape: Shape, limits: LineLimits): LineResult {
  const { text, decimal, equations } = line;
  const { valid, ways, shapes } = shape;
  const m = text.length;
  const n = decimal.length;

  const ofCell: Array<Array<{ eq: number; sign: number }>> = Array.from({ length: n }, () => []);
  equations.forEach((e, eq) => e.cells.forEach((cell, k) => ofCell[cell]?.push({ eq, sign: e.signs[k]! })));
  const partial = new Array<number>(equations.length).fill(0);
  const openPos = equations.map((e) => e.signs.filter((s) => s > 0).length);
  const openNeg = equations.map((e) => e.signs.filter((s) => s < 0).length);

  const readings: Reading[] = [];
  const values = new Array<number>(n).fill(0);
  const ends = new Array<number>(n).fill(0);
  let steps = 0;
  let capped = false;

  const place = (i: number, p: number, end: number): void => {
    const value = Number(text.slice(p, end));
    const touched = ofCell[i]!;
    let ok = true;
    for (const { eq, sign } of touched) {
      partial[eq]! += sign * value;
      if (sign > 0) openPos[eq]!--;
      else openNeg[eq]!--;
    }
    // The cells still open can add at most `bound` to any side of an equation.
    const bound = sumBound(m - end, n - i - 1);
    for (const { eq } of touched) {
      const s = partial[eq]!;
      const lo = s - (openNeg[eq]! > 0 ? bound : 0);
      const hi = s + (openPos[eq]! > 0 ? bound : 0);
      if (lo > 0 || hi < 0) ok = false;
    }
    if (ok) {
      values[i] = value;
      ends[i] = end;
      walk(i + 1, end);
    }
    for (const { eq, sign } of touched) {
      partial[eq]! -= sign * value;
      if (sign > 0) openPos[eq]!++;
      else openNeg[eq]!++;
    }
  };

  const walk = (i: number, p: number): void => {
    if (capped) return;
    if (++steps > limits.steps) {
      capped = true;
      return;
    }
    if (i === n) {
      if (readings.length >= limits.readings) capped = true;
      else readings.push({ values: values.slice(), ends: ends.slice() });
      return;
    }
    const next = ways[i + 1]!;
    const forced = forcedValue(i);
    if (forced === null) return;
    if (forced !== undefined) {
      const digits = String(forced);
      const end = p + digits.length;
      if (end <= m && text.startsWith(digits, p) && next[end]! > 0 && valid(p, end, decimal[i]!)) place(i, p, end);
      return;
    }
    for (let end = p + 1; end <= Math.min(m, p + MAX_PIECE); end++) {
      if (next[end]! > 0 && valid(p, end, decimal[i]!)) place(i, p, end);
      if (capped) return;
    }
  };

  /** The value an equation leaves for cell i when it is the equation's last open cell; null: none fits. */
  const forcedValue = (i: number): number | null | undefined => {
    for (const { eq, sign } of ofCell[i]!) {
      if (openPos[eq]! + openNeg[eq]! !== 1) continue;
      const value = -partial[eq]! * sign;
      return value >= 0 && Number.isSafeInteger(value) ? value : null;
    }
    return undefined;
  };

  walk(0, 0);
  return { shapes, readings, capped, steps };
}

/**
 * The largest sum `k` pieces cut from `length` digits can have: one piece as long as possible and the
 * others single 9s (the sum of 10^len − 1 is convex in the lengths).
 */
function sumBound(length: number, k: number): number {
  if (k <= 0) return 0;
  return 10 ** Math.min(MAX_PIECE, Math.max(1, length - k + 1)) + 9 * k;
}

/** Whether text[a..b) may be one cell: no forced cut inside, cuts allowed at both ends, no leading zero. */
function pieceValidator(text: string, gaps: readonly Gap[]): (a: number, b: number, decimal: boolean) => boolean {
  const m = text.length;
  // nextHard[a]: the first position after a where a cut must be made.
  const nextHard = new Array<number>(m + 1).fill(m);
  for (let g = m - 1; g >= 0; g--) nextHard[g] = gaps[g + 1] === Gap.Hard ? g + 1 : nextHard[g + 1]!;
  const dots = new Array<number>(m + 1).fill(0);
  for (let g = 0; g < m; g++) dots[g + 1] = dots[g]! + (text[g] === '.' ? 1 : 0);
  return (a, b, decimal) => {
    if (b > nextHard[a]!) return false;
    if (a > 0 && gaps[a] === Gap.None) return false;
    if (b < m && gaps[b] === Gap.None) return false;
    const dotCount = dots[b]! - dots[a]!;
    if (dotCount > (decimal ? 1 : 0)) return false;
    if (text[a] === '.' || text[b - 1] === '.') return false;
    // `0` alone or `0.5`, never `023`.
    return !(text[a] === '0' && b - a > 1 && text[a + 1] !== '.');
  };
}
