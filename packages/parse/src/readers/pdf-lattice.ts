import { lineText, pageLines, type TextPiece } from './pdf-lines.js';
import type { Rule } from './pdf-rules.js';

/**
 * Tables rebuilt from their borders ("lattice" reading, as pdfplumber and Camelot do it). A table drawn
 * with ruling lines says where every cell is: the lines cut the page into a grid, a missing stretch of
 * line between two slots merges them, and every glyph belongs to the cell it is drawn in — so a label
 * wrapped over three lines, numbers centred beside it, a number wrapped in a narrow cell and a group
 * label spanning eight rows all land where the author put them, whatever their baselines. Pure: rules
 * and pieces in, grids out; a table whose borders do not make a clean grid is left to the line reading.
 */

/** One slot of a rebuilt grid: the text of the cell that starts there, or covered by a merged cell. */
export interface LatticeSlot {
  text: string;
  covered: boolean;
}

export interface LatticeTable {
  /** Page-space box of the table (y growing upwards). */
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** The x of every column border, left to right. */
  columns: number[];
  /** Rows top to bottom, each one slot per grid column. */
  rows: LatticeSlot[][];
  /** Each row's topmost baseline, or its top border for a row without text: where the row is on the page. */
  rowY: number[];
  /** The pieces the table holds (the line reading leaves them out). */
  pieces: Set<TextPiece>;
}

/** Borders this close (points) are one line (double borders, rounding). */
const SNAP = 2;
/** A line reaching this close (points) to another touches it. */
const TOUCH = 2.5;
/** A table needs at least this many rows and columns of slots to be read as one. */
const MIN_ROWS = 2;
const MIN_COLUMNS = 2;

/** Merges overlapping or touching rules at the same place into one. */
function merged(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  for (const rule of sorted) {
    const same = out.filter((r) => Math.abs(r.at - rule.at) <= SNAP / 2 && rule.from <= r.to + TOUCH && rule.to >= r.from - TOUCH);
    const r = same[same.length - 1];
    if (r) {
      r.from = Math.min(r.from, rule.from);
      r.to = Math.max(r.to, rule.to);
    } else {
      out.push({ ...rule });
    }
  }
  return out;
}

function crosses(h: Rule, v: Rule): boolean {
  return v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH;
}

/** Groups horizontal and vertical rules into connected networks: each a table's borders. */
function networks(hs: readonly Rule[], vs: readonly Rule[]): Array<{ hs: Rule[]; vs: Rule[] }> {
  const all = [...hs, ...vs];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const [i, h] of hs.entries()) {
    for (const [j, v] of vs.entries()) if (crosses(h, v)) parent[find(i)] = find(hs.length + j);
  }
  const groups = new Map<number, { hs: Rule[]; vs: Rule[] }>();
  for (const [i, rule] of all.entries()) {
    const root = find(i);
    const group = groups.get(root) ?? { hs: [], vs: [] };
    (rule.axis === 'h' ? group.hs : group.vs).push(rule);
    groups.set(root, group);
  }
  return [...groups.values()].filter((g) => g.hs.length >= MIN_ROWS + 1 && g.vs.length >= MIN_COLUMNS + 1);
}

/** The distinct positions of a set of rules, close ones taken as one. */
function positions(rules: readonly Rule[]): number[] {
  const sorted = rules.map((r) => r.at).sort((a, b) => a - b);
  const out: number[] = [];
  for (const at of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || at - last > SNAP) out.push(at);
  }
  return out;
}

/** Whether some rule at `at` covers the point `along` of its axis. */
function drawn(rules: readonly Rule[], at: number, along: number): boolean {
  return rules.some((r) => Math.abs(r.at - at) <= SNAP && along >= r.from - TOUCH && along <= r.to + TOUCH);
}

/** Index of the band of `edges` (ascending) that holds `value`, or -1. */
function band(edges: readonly number[], value: number): number {
  for (let i = 0; i + 1 < edges.length; i++) if (value >= edges[i]! && value <= edges[i + 1]!) return i;
  return -1;
}

/** Where a piece's glyphs sit: the middle of its run, its x-height above the baseline. */
function centreOf(p: TextPiece): [number, number] {
  return p.vertical ? [p.x + p.size / 2, p.y - p.length / 2] : [p.x + p.length / 2, p.y + 0.35 * p.size];
}

/** A cell's lines joined as the author wrote them: wrapped CJK and digits join directly, Latin words by a space. */
function cellText(pieces: readonly TextPiece[]): string {
  const lines = pageLines(pieces).map((l) => lineText(l).replace(/\t/gu, ' ').trim()).filter((l) => l !== '');
  let out = '';
  for (const line of lines) {
    out += out !== '' && /[A-Za-z]$/u.test(out) && /^[A-Za-z]/u.test(line) ? ` ${line}` : line;
  }
  return out;
}

/** Reads one network of borders as a grid, or undefined when its slots and glyphs do not make one. */
function gridOf(net: { hs: Rule[]; vs: Rule[] }, pieces: readonly TextPiece[]): LatticeTable | undefined {
  const ys = positions(net.hs).reverse();
  const xs = positions(net.vs);
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  if (rows < MIN_ROWS || columns < MIN_COLUMNS) return undefined;
  const top = ys[0]!;
  const bottom = ys[rows]!;
  const left = xs[0]!;
  const right = xs[columns]!;
  const ysUp = [...ys].reverse();

  // Slots joined where no border is drawn between them.
  const id = (r: number, c: number): number => r * columns + c;
  const parent = Array.from({ length: rows * columns }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const join = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    // The root is always the top-left slot of the group, where its text stands.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    const midY = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < columns; c++) {
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < columns && !drawn(net.vs, xs[c + 1]!, midY)) join(id(r, c), id(r, c + 1));
      if (r + 1 < rows && !drawn(net.hs, ys[r + 1]!, midX)) join(id(r, c), id(r + 1, c));
    }
  }
  // Every merged cell must be a rectangle, or the borders are not a table's.
  const extent = new Map<number, { r0: number; r1: number; c0: number; c1: number; n: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const root = find(id(r, c));
      const e = extent.get(root) ?? { r0: r, r1: r, c0: c, c1: c, n: 0 };
      e.r0 = Math.min(e.r0, r);
      e.r1 = Math.max(e.r1, r);
      e.c0 = Math.min(e.c0, c);
      e.c1 = Math.max(e.c1, c);
      e.n++;
      extent.set(root, e);
    }
  }
  for (const e of extent.values()) if (e.n !== (e.r1 - e.r0 + 1) * (e.c1 - e.c0 + 1)) return undefined;

  // Each glyph run to the cell it is drawn in; one that runs across a border means the grid is not the text's.
  const held = new Map<number, TextPiece[]>();
  const inside = new Set<TextPiece>();
  for (const p of pieces) {
    const [cx, cy] = centreOf(p);
    if (cx < left || cx > right || cy > top || cy < bottom) continue;
    const c = band(xs, cx);
    const r = rows - 1 - band(ysUp, cy);
    if (c < 0 || r < 0 || r >= rows) continue;
    const root = find(id(r, c));
    const e = extent.get(root)!;
    if (!p.vertical) {
      const slack = 0.6 * p.size;
      if (p.x < xs[e.c0]! - slack || p.x + p.length > xs[e.c1 + 1]! + slack) return undefined;
    }
    held.set(root, [...(held.get(root) ?? []), p]);
    inside.add(p);
  }
  if (inside.size === 0) return undefined;

  const out: LatticeSlot[][] = [];
  const rowY: number[] = [];
  for (let r = 0; r < rows; r++) {
    const row: LatticeSlot[] = [];
    for (let c = 0; c < columns; c++) {
      const root = find(id(r, c));
      if (root !== id(r, c)) row.push({ text: '', covered: true });
      else row.push({ text: cellText(held.get(root) ?? []), covered: false });
    }
    out.push(row);
    const baselines = [...inside].filter((p) => {
      const cy = centreOf(p)[1];
      return cy <= ys[r]! && cy >= ys[r + 1]!;
    });
    rowY.push(baselines.length > 0 ? Math.max(...baselines.map((p) => p.y)) : ys[r]!);
  }
  return { top, bottom, left, right, columns: xs, rows: out, rowY, pieces: inside };
}

/** The tables a page's borders draw, top of the page first, each with the pieces it holds. */
export function latticeTables(rules: readonly Rule[], pieces: readonly TextPiece[]): LatticeTable[] {
  const hs = merged(rules.filter((r) => r.axis === 'h'));
  const vs = merged(rules.filter((r) => r.axis === 'v'));
  const out: LatticeTable[] = [];
  for (const net of networks(hs, vs)) {
    const table = gridOf(net, pieces);
    if (table) out.push(table);
  }
  return out.sort((a, b) => b.top - a.top);
}
