/**
 * The readings of several lines at once under equations that run across them (Table 三's column
 * identities): which candidate of each line takes part in at least one reading of the whole set.
 */

/** A term of a cross-line equation: a cell of a line, or a constant (a cell read cell by cell). */
export interface JointTerm {
  /** Index of the line, or undefined for a constant. */
  line?: number;
  /** The cell index within the line's readings. */
  cell: number;
  sign: number;
  /** The value, for a constant. */
  value?: number;
}

export interface JointEquation {
  terms: JointTerm[];
}

export interface JointResult {
  /** How many readings of the whole set were found (stops counting at the step cap). */
  solutions: number;
  /** Per line, the candidates that appear in some reading found. */
  supported: Array<Set<number>>;
  capped: boolean;
}

/**
 * Depth-first over the lines, fewest candidates first; after each choice every equation it touches must
 * still be balanceable by the lines left (their smallest and largest contributions), so a wrong choice
 * is dropped at once instead of after the whole table is assigned.
 */
export function solveJoint(
  candidates: ReadonlyArray<ReadonlyArray<readonly number[]>>,
  equations: readonly JointEquation[],
  maxSteps: number,
): JointResult {
  const lines = candidates.length;
  const order = [...Array(lines).keys()].sort((a, b) => candidates[a]!.length - candidates[b]!.length);

  // contribution[e][line][candidate]: what the candidate adds to the equation's left − right.
  const base = equations.map((e) => e.terms.reduce((s, t) => (t.line === undefined ? s + t.sign * (t.value ?? 0) : s), 0));
  const contribution = equations.map((e) => {
    const byLine = new Map<number, number[]>();
    for (const t of e.terms) {
      if (t.line === undefined) continue;
      const cands = candidates[t.line]!;
      const acc = byLine.get(t.line) ?? new Array<number>(cands.length).fill(0);
      cands.forEach((c, k) => (acc[k] = acc[k]! + t.sign * (c[t.cell] ?? 0)));
      byLine.set(t.line, acc);
    }
    return byLine;
  });
  const touching: number[][] = Array.from({ length: lines }, () => []);
  contribution.forEach((byLine, e) => byLine.forEach((_, line) => touching[line]!.push(e)));

  // low[e][d], high[e][d]: the range the lines at depth ≥ d can still add to equation e.
  const low = equations.map(() => new Array<number>(lines + 1).fill(0));
  const high = equations.map(() => new Array<number>(lines + 1).fill(0));
  contribution.forEach((byLine, e) => {
    for (let d = lines - 1; d >= 0; d--) {
      const values = byLine.get(order[d]!);
      low[e]![d] = low[e]![d + 1]! + (values ? values.reduce((a, b) => Math.min(a, b)) : 0);
      high[e]![d] = high[e]![d + 1]! + (values ? values.reduce((a, b) => Math.max(a, b)) : 0);
    }
  });

  const partial = base.slice();
  const choice = new Array<number>(lines).fill(0);
  const supported = Array.from({ length: lines }, () => new Set<number>());
  let solutions = 0;
  let steps = 0;
  let capped = false;

  // Equations with no line at all were read cell by cell; they are the table's business, not ours.
  const walk = (depth: number): void => {
    if (depth === lines) {
      solutions++;
      choice.forEach((c, line) => supported[line]!.add(c));
      return;
    }
    const line = order[depth]!;
    const eqs = touching[line]!;
    const count = candidates[line]!.length;
    for (let k = 0; k < count; k++) {
      if (++steps > maxSteps) {
        capped = true;
        return;
      }
      let ok = true;
      for (const e of eqs) {
        const s = (partial[e]! += contribution[e]!.get(line)![k]!);
        if (s + low[e]![depth + 1]! > 0 || s + high[e]![depth + 1]! < 0) ok = false;
      }
      if (ok) {
        choice[line] = k;
        walk(depth + 1);
      }
      for (const e of eqs) partial[e]! -= contribution[e]!.get(line)![k]!;
      if (capped) return;
    }
  };
  walk(0);
  return { solutions, supported, capped };
}
