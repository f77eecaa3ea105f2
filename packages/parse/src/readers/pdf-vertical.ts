import type { TextPiece } from './pdf-lines.js';

/**
 * Text in a vertical font, read from a page's operator list. pdf.js's text content keeps only the first
 * few glyphs of a vertical run that is drawn one glyph per text move (what WPS writes for a table cell
 * set in vertical text: `三`, `、本`, then nothing of `年度办理结果`). The operator list holds every glyph, so
 * this follows the text state through it (a small interpreter: CTM, text and line matrices, font size)
 * and places each glyph of a vertical font itself. Horizontal text is left to the text content.
 */

/** The pdf.js operator codes this interpreter follows (`OPS` of the loaded pdf.js). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  beginText: number;
  setFont: number;
  setLeading: number;
  setTextMatrix: number;
  moveText: number;
  setLeadingMoveText: number;
  nextLine: number;
  showText: number;
  showSpacedText: number;
  nextLineShowText: number;
  nextLineSetSpacingShowText: number;
}

export type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m1 × m2` in PDF's row-vector convention: apply m1, then m2. */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = m1;
  const [a2, b2, c2, d2, e2, f2] = m2;
  return [a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2, e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2];
}

function translate(tx: number, ty: number, m: Matrix): Matrix {
  return multiply([1, 0, 0, 1, tx, ty], m);
}

/** Six numbers out of an operator argument (an array or a typed array), or undefined. */
export function matrixOf(value: unknown): Matrix | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const source = value as ArrayLike<unknown>;
  const m: number[] = [];
  for (let i = 0; i < 6; i++) {
    const n = source[i];
    if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
    m.push(n);
  }
  return m as Matrix;
}

function numberAt(args: unknown, i: number): number {
  const n = Array.isArray(args) ? (args[i] as unknown) : undefined;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/** The glyphs of a show-text operator: a glyph's `unicode`, or a number (a TJ adjustment, thousandths of an em). */
function glyphsOf(args: unknown): Array<string | number> {
  const list = Array.isArray(args) ? (args[0] as unknown) : undefined;
  if (!Array.isArray(list)) return [];
  const out: Array<string | number> = [];
  for (const g of list as unknown[]) {
    if (typeof g === 'number') out.push(g);
    else if (g && typeof g === 'object' && typeof (g as { unicode?: unknown }).unicode === 'string') out.push((g as { unicode: string }).unicode);
  }
  return out;
}

/** Every glyph drawn in one of the vertical fonts, as a one-glyph piece at its place on the page. */
export function verticalPieces(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: OpCodes, verticalFonts: ReadonlySet<string>): TextPiece[] {
  const pieces: TextPiece[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let tm: Matrix = IDENTITY;
  let lm: Matrix = IDENTITY;
  let font = '';
  let size = 0;
  let leading = 0;
  const show = (args: unknown): void => {
    if (!verticalFonts.has(font)) return;
    for (const g of glyphsOf(args)) {
      // Vertical writing advances down the text space: a glyph one em, a TJ number its thousandths.
      const advance = typeof g === 'number' ? (g / 1000) * size : size;
      if (typeof g === 'string' && g.trim() !== '') {
        const m = multiply(tm, ctm);
        const scale = Math.hypot(m[2], m[3]);
        pieces.push({ text: g, x: m[4], y: m[5], length: size * scale, size: size * scale, vertical: true });
      }
      tm = translate(0, -advance, tm);
    }
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    switch (fn) {
      case ops.save:
        stack.push(ctm);
        break;
      case ops.restore:
        ctm = stack.pop() ?? IDENTITY;
        break;
      case ops.transform: {
        const m = matrixOf(Array.isArray(args) && args.length === 1 ? args[0] : args);
        if (m) ctm = multiply(m, ctm);
        break;
      }
      case ops.paintFormXObjectBegin: {
        stack.push(ctm);
        const m = Array.isArray(args) ? matrixOf(args[0]) : undefined;
        if (m) ctm = multiply(m, ctm);
        break;
      }
      case ops.paintFormXObjectEnd:
        ctm = stack.pop() ?? IDENTITY;
        break;
      case ops.beginText:
        tm = IDENTITY;
        lm = IDENTITY;
        break;
      case ops.setFont: {
        const name = Array.isArray(args) ? (args[0] as unknown) : undefined;
        font = typeof name === 'string' ? name : '';
        size = numberAt(args, 1);
        break;
      }
      case ops.setLeading:
        leading = numberAt(args, 0);
        break;
      case ops.setTextMatrix: {
        const m = matrixOf(Array.isArray(args) && args.length === 1 ? args[0] : args);
        if (m) {
          tm = m;
          lm = m;
        }
        break;
      }
      case ops.moveText:
      case ops.setLeadingMoveText:
        if (fn === ops.setLeadingMoveText) leading = -numberAt(args, 1);
        lm = translate(numberAt(args, 0), numberAt(args, 1), lm);
        tm = lm;
        break;
      case ops.nextLine:
        lm = translate(0, -leading, lm);
        tm = lm;
        break;
      case ops.showText:
      case ops.showSpacedText:
        show(args);
        break;
      case ops.nextLineShowText:
      case ops.nextLineSetSpacingShowText:
        lm = translate(0, -leading, lm);
        tm = lm;
        show(fn === ops.nextLineSetSpacingShowText && Array.isArray(args) ? [args[2]] : args);
        break;
      default:
        break;
    }
  }
  return pieces;
}
