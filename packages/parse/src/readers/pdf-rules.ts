import { matrixOf, multiply, type Matrix } from './pdf-vertical.js';

/**
 * The ruling lines of a page: the strokes (and hairline fills) a PDF draws as table borders, read from
 * its operator list. Word, WPS and LibreOffice draw a table's borders as stroked lines or as filled
 * rectangles a fraction of a point thick; a cell's shading is a filled rectangle too, but not a thin one,
 * and is no border. Curves are never borders.
 */

/** The pdf.js operator codes this reader follows (`OPS` of the loaded pdf.js). */
export interface RuleOpCodes {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** pdf.js's path encoding inside `constructPath` (its `DrawOPS`). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/** A horizontal or vertical stretch of border in page space (y growing upwards, as text pieces are placed). */
export interface Rule {
  /** `h`: at height `at`, from `from` to `to` along x; `v`: at x `at`, from `from` to `to` along y. */
  axis: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}

/** A filled shape thinner than this (points) is a drawn line, not a shaded cell. */
const HAIRLINE = 2;
/** Shorter than this (points) is a tick or a glyph's stroke, not a border. */
const MIN_LENGTH = 3;
/** Endpoints this far off the axis (points) still make a straight border (rounding in the producer). */
const SLANT = 0.8;

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

type Point = [number, number];

function apply(m: Matrix, x: number, y: number): Point {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

/**
 * The subpaths of a path (pdf.js `DrawOPS` data), each as the points its straight edges join, a closed
 * one ending where it began. A curve ends the straight run it is in.
 */
function subpathsOf(data: ArrayLike<number>): Point[][] {
  const out: Point[][] = [];
  let current: Point[] = [];
  const flush = (): void => {
    if (current.length > 1) out.push(current);
    current = [];
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE_TO) {
      flush();
      current.push([data[i++]!, data[i++]!]);
    } else if (op === LINE_TO) {
      current.push([data[i++]!, data[i++]!]);
    } else if (op === CURVE_TO || op === QUADRATIC_CURVE_TO) {
      i += op === CURVE_TO ? 4 : 2;
      const end: Point = [data[i++]!, data[i++]!];
      flush();
      current.push(end);
    } else if (op === CLOSE_PATH) {
      const first = current[0];
      if (first) current.push(first);
      const again = first;
      flush();
      if (again) current.push(again);
    } else {
      // An encoding this reader does not know: the rest of the path cannot be followed.
      break;
    }
  }
  flush();
  return out;
}

function ruleOf(a: Point, b: Point): Rule | undefined {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= SLANT && dx >= MIN_LENGTH) return { axis: 'h', at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) };
  if (dx <= SLANT && dy >= MIN_LENGTH) return { axis: 'v', at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) };
  return undefined;
}

/** A filled path as a rule: only a hairline (a rectangle thinner than a border is wide). */
function hairlineOf(points: readonly Point[]): Rule | undefined {
  if (points.length === 0) return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 <= HAIRLINE && x1 - x0 >= MIN_LENGTH) return { axis: 'h', at: (y0 + y1) / 2, from: x0, to: x1 };
  if (x1 - x0 <= HAIRLINE && y1 - y0 >= MIN_LENGTH) return { axis: 'v', at: (x0 + x1) / 2, from: y0, to: y1 };
  return undefined;
}

function pathData(args: unknown): ArrayLike<number> | undefined {
  if (!Array.isArray(args)) return undefined;
  const data = (args[1] as unknown[] | undefined)?.[0];
  return data && typeof data === 'object' && typeof (data as ArrayLike<number>).length === 'number' ? (data as ArrayLike<number>) : undefined;
}

/**
 * Every border a page draws, in page space: `toPage` maps a point of device space (user space after the
 * CTM) to where it shows on the page, as the text pieces are placed.
 */
export function pageRules(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: RuleOpCodes, toPage: Matrix): Rule[] {
  const stroked = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const filled = new Set([ops.fill, ops.eoFill]);
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) {
      const m = matrixOf(Array.isArray(args) && args.length === 1 ? args[0] : args);
      if (m) ctm = multiply(m, ctm);
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = Array.isArray(args) ? matrixOf(args[0]) : undefined;
      if (m) ctm = multiply(m, ctm);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.constructPath) {
      const paint = Array.isArray(args) ? (args[0] as unknown) : undefined;
      const data = pathData(args);
      if (typeof paint !== 'number' || !data) continue;
      const m = multiply(ctm, toPage);
      const isStroked = stroked.has(paint);
      if (!isStroked && !filled.has(paint)) continue;
      for (const sub of subpathsOf(data)) {
        const points = sub.map(([x, y]) => apply(m, x, y));
        if (isStroked) {
          for (let k = 1; k < points.length; k++) {
            const rule = ruleOf(points[k - 1]!, points[k]!);
            if (rule) rules.push(rule);
          }
        } else {
          // A filled subpath is a border only as a hairline; each border may be its own rectangle of one path.
          const rule = hairlineOf(points);
          if (rule) rules.push(rule);
        }
      }
    }
  }
  return rules;
}
