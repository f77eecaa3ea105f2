/**
 * Numbers that ran together. Web crawls and copies lose the boundaries between a table's cells
 * (`230 000023` for 23|0|0|0|0|0|23) or break one cell over two lines (`1` / `62`). Given the digit runs
 * of each row as found, this decides how they fill the row's cells — and only when the format's
 * identities leave exactly one reading, because a guessed split would turn into confident false
 * findings. Everything else is reported as ambiguous (with how many readings remain) or impossible.
 */
import type { Identity, IdentityTerm, TableSpec } from '@nianbao/format';
import { Gap, readLine, type LineEquation, type LineResult, type Reading } from './compose.js';
import { solveJoint, type JointEquation, type JointTerm } from './joint.js';

export interface RunRow {
  /**
   * The format row the runs fill, or the rows in order when one line of digits runs through several
   * (Table 四's single line: `['review', 'litigationDirect', 'litigationAfterReview']`).
   */
  id: string | readonly string[];
  /**
   * The digit runs in order as found, each at least one digit (an amount may carry one decimal point).
   * A run may have to be split into several cells; text with a space inside is two runs.
   */
  runs: readonly string[];
  /** Adjacent runs may be one cell broken apart (`1` / `62` over a line end). Default false. */
  joinable?: boolean;
  /** A run may hold several cells. Default true; false when each run is known to be whole or a fragment. */
  splittable?: boolean;
}

/** Where one cell's digits stand in the row's runs: from `runs[firstRun][start]` to `runs[lastRun][end - 1]`. */
export interface CellPlace {
  firstRun: number;
  start: number;
  lastRun: number;
  /** Exclusive, within `runs[lastRun]`. */
  end: number;
  /** `split`: part of a longer run; `join`: made of several runs; absent: exactly one run. */
  recovered?: 'split' | 'join';
}

/**
 * - shape: the digits fill the cells in only one way, identities or not (`000` into 3 cells);
 * - row: the row's own identities leave one reading (总计 = Σ six columns);
 * - table: the column identities across rows were needed as well.
 */
export type SettledBy = 'shape' | 'row' | 'table';

/**
 * - malformed: a run that is not digits;
 * - shape: the digits cannot fill the row's cells at all (too few, or only with leading zeros);
 * - row-identity: no filling satisfies the row's own identities (the row as printed breaks them);
 * - conflict: each row has readings, but no reading of the table satisfies the column identities, so the
 *   printed table breaks one and no reading that rests on them can be trusted;
 * - unknown-row: not a row of the table, or named by two RunRows.
 */
export type ImpossibleReason = 'malformed' | 'shape' | 'row-identity' | 'conflict' | 'unknown-row';

export type RowReading =
  | { status: 'settled'; values: number[]; cells: CellPlace[]; recovered: boolean; by: SettledBy }
  | {
      status: 'ambiguous';
      /** Distinct readings of the row left; a lower bound when `capped`. */
      readings: number;
      /** The search stopped at a limit before it could decide. */
      capped: boolean;
      /** A few of the readings left, for the evidence of a finding. */
      examples: number[][];
    }
  | {
      status: 'impossible';
      reason: ImpossibleReason;
      /** For a conflict: a few of the readings the row's own identities allow. */
      examples?: number[][];
    };

export interface SplitResult {
  /** Per row named in the input, what became of it. */
  rows: Map<string, RowReading>;
  /** The settled rows' values, in the row's column order. */
  values: Map<string, number[]>;
  /** Settled rows whose reading needed a split or a join. */
  recovered: Set<string>;
  /** Row id → number of readings left, for rows not settled that still have readings. */
  ambiguous: Map<string, number>;
  /** Rows with no acceptable reading. */
  impossible: string[];
}

export interface SplitLimits {
  /** Readings kept per line before it counts as ambiguous. Default 20,000. */
  readings?: number;
  /** Search steps per line. Default 1,000,000. */
  lineSteps?: number;
  /** Search steps for all lines of the call together, so a table of garbage cannot take long. Default 2,000,000. */
  totalSteps?: number;
  /** Search steps for the column identities of one group of connected rows. Default 1,000,000. */
  tableSteps?: number;
}

const EXAMPLES = 4;
const RUN = /^\d+(?:\.\d+)?$/u;

/** One input line: its rows, cells and readings. */
interface Line {
  input: RunRow;
  rows: string[];
  /** Offset of each row's first cell in the line's cells. */
  offsets: number[];
  cellCount: number;
  text: string;
  runStarts: number[];
  result?: LineResult;
  /** The readings that take part in the joint search, when the line does. */
  candidates?: Reading[];
  byShape: boolean;
  /** The one filling of a line forced by its digits. */
  forced?: Reading[];
  failure?: ImpossibleReason;
}

/**
 * Reads the rows whose cells ran together. `fixed` holds rows already read cell by cell (null for a
 * cell not read); they take part in the column identities. A row is settled when every reading of the
 * table that satisfies the identities gives it the same values; terms on last year's report are not
 * known here, so an identity that has one is not used.
 */
export function recoverSplits(
  table: TableSpec,
  identities: readonly Identity[],
  rows: readonly RunRow[],
  fixed: ReadonlyMap<string, ReadonlyArray<number | null>> = new Map(),
  limits: SplitLimits = {},
): SplitResult {
  const maxReadings = limits.readings ?? 20_000;
  const lineSteps = limits.lineSteps ?? 1_000_000;
  const tableSteps = limits.tableSteps ?? 1_000_000;
  let budget = limits.totalSteps ?? 2_000_000;
  const usable = identities.filter((i) => i.table === table.id && ![...i.left, ...i.right].some((t) => t.previousYear));
  const rowSpecs = new Map(table.rows.map((r) => [r.id, r]));
  const outcome = new Map<string, RowReading>();

  // Lines, each claiming its rows; a row named twice cannot be trusted to either line.
  const idsOf = (input: RunRow): string[] => (typeof input.id === 'string' ? [input.id] : [...input.id]);
  const named = new Map<string, number>();
  for (const input of rows) for (const id of idsOf(input)) named.set(id, (named.get(id) ?? 0) + 1);
  const claimed = new Set(named.keys());
  const lines: Line[] = [];
  for (const input of rows) {
    const ids = idsOf(input);
    if (ids.length === 0) continue;
    if (ids.some((id) => !rowSpecs.has(id) || named.get(id)! > 1)) {
      for (const id of ids) outcome.set(id, { status: 'impossible', reason: 'unknown-row' });
      continue;
    }
    const offsets: number[] = [];
    let cellCount = 0;
    for (const id of ids) {
      offsets.push(cellCount);
      cellCount += rowSpecs.get(id)!.columns.length;
    }
    const runStarts: number[] = [];
    let length = 0;
    for (const run of input.runs) {
      runStarts.push(length);
      length += run.length;
    }
    lines.push({ input, rows: ids, offsets, cellCount, text: input.runs.join(''), runStarts, byShape: false });
  }

  // Each line on its own: its fillings, then those its row identities allow.
  for (const line of lines) {
    if (!line.input.runs.every((run) => RUN.test(run))) {
      line.failure = 'malformed';
      continue;
    }
    const columns = line.rows.flatMap((id) => rowSpecs.get(id)!.columns);
    const decimal = columns.map((c) => {
      const kind = table.columns.find((col) => col.id === c)?.valueKind;
      return kind === 'amountWan' || kind === 'amountYuan';
    });
    const spec = {
      text: line.text,
      gaps: gapsOf(line.input),
      decimal,
      equations: rowEquations(line, usable, rowSpecs, table),
      rowWidths: line.rows.map((id) => rowSpecs.get(id)!.columns.length),
    };
    const result = readLine(spec, { readings: maxReadings, steps: Math.min(lineSteps, budget) });
    budget = Math.max(0, budget - result.steps);
    line.result = result;
    if (result.shapes === 0) line.failure = 'shape';
    else if (result.shapes === 1) {
      // Forced by the digits alone: kept as printed even when it breaks an identity, so the lint reports
      // it. A row that breaks its own identity is wrong somewhere, so it does not vouch for other rows in
      // the column identities either.
      line.byShape = true;
      line.forced = readLine({ ...spec, equations: [] }, { readings: 1, steps: lineSteps }).readings;
      if (result.readings.length === 1) line.candidates = line.forced;
    } else if (!result.capped && result.readings.length === 0) line.failure = 'row-identity';
    else if (!result.capped) line.candidates = result.readings;
  }

  // The column identities across rows, over the lines that have candidates and the fixed rows.
  const active = lines.filter((l) => l.candidates !== undefined);
  const equations = columnEquations(active, usable, rowSpecs, fixed, claimed, table);
  const components = connect(active.length, equations);

  for (const { members, eqs } of components) {
    const local = new Map(members.map((line, k) => [line, k]));
    const localEqs: JointEquation[] = eqs.map((e) => ({
      terms: e.terms.map((t): JointTerm => (t.line === undefined ? t : { ...t, line: local.get(t.line)! })),
    }));
    const joint = solveJoint(
      members.map((i) => active[i]!.candidates!.map((r) => r.values)),
      localEqs,
      tableSteps,
    );
    members.forEach((i, k) => {
      const line = active[i]!;
      const all = line.candidates!;
      if (line.byShape) return settleRows(line, all, all, outcome, { shape: true, capped: false });
      if (joint.capped) {
        // Undecided: only what the row's own identities settle stands, and only if the table has a reading.
        if (joint.solutions > 0) return settleRows(line, all, all, outcome, { shape: false, capped: true });
        return ambiguousRows(line, all, outcome);
      }
      if (joint.solutions === 0) {
        line.rows.forEach((id, r) => {
          outcome.set(id, { status: 'impossible', reason: 'conflict', examples: examplesOf(line, distinctSlices(line, all, r), r) });
        });
        return;
      }
      const left = [...joint.supported[k]!].sort((a, b) => a - b).map((c) => all[c]!);
      settleRows(line, left, all, outcome, { shape: false, capped: false });
    });
  }

  // Lines left out of the joint search.
  for (const line of lines) {
    if (line.candidates !== undefined) continue;
    if (line.forced) {
      settleRows(line, line.forced, line.forced, outcome, { shape: true, capped: false });
      continue;
    }
    if (line.failure) {
      for (const id of line.rows) outcome.set(id, { status: 'impossible', reason: line.failure });
      continue;
    }
    ambiguousRows(line, line.result?.readings ?? [], outcome);
  }

  const values = new Map<string, number[]>();
  const recovered = new Set<string>();
  const ambiguous = new Map<string, number>();
  const impossible: string[] = [];
  for (const [id, reading] of outcome) {
    if (reading.status === 'settled') {
      values.set(id, reading.values);
      if (reading.recovered) recovered.add(id);
    } else if (reading.status === 'ambiguous') ambiguous.set(id, reading.readings);
    else impossible.push(id);
  }
  return { rows: outcome, values, recovered, ambiguous, impossible };
}

/** Where cuts may fall: between runs only if they may not be joined; inside a run only if it may be split. */
function gapsOf(input: RunRow): Gap[] {
  const gaps: Gap[] = [Gap.None];
  const splittable = input.splittable ?? true;
  input.runs.forEach((run, j) => {
    for (let g = 0; g < run.length; g++) {
      if (g === 0) {
        if (j > 0) gaps.push(input.joinable ? Gap.Soft : Gap.Hard);
        continue;
      }
      // A decimal point belongs to one number: never cut beside it.
      const nearDot = run[g] === '.' || run[g - 1] === '.';
      gaps.push(nearDot || !splittable ? Gap.None : Gap.Soft);
    }
  });
  return gaps;
}

/** The row identities (`per: 'row'`) of every row of the line, as equations over the line's cells. */
function rowEquations(
  line: Line,
  identities: readonly Identity[],
  rowSpecs: ReadonlyMap<string, TableSpec['rows'][number]>,
  table: TableSpec,
): LineEquation[] {
  const equations: LineEquation[] = [];
  line.rows.forEach((id, r) => {
    const columns = rowSpecs.get(id)!.columns;
    for (const identity of identities) {
      if (identity.per !== 'row' || !(identity.over ?? table.rows.map((x) => x.id)).includes(id)) continue;
      const coefficients = new Map<number, number>();
      let complete = true;
      for (const [term, side] of sides(identity)) {
        const c = columns.indexOf(term.ref);
        if (c < 0) complete = false;
        const cell = line.offsets[r]! + c;
        coefficients.set(cell, (coefficients.get(cell) ?? 0) + side * (term.sign ?? 1));
      }
      const cells = [...coefficients].filter(([, k]) => k !== 0);
      // The line search takes coefficients of ±1 only; the formats have no other kind.
      if (!complete || cells.length === 0 || cells.some(([, k]) => Math.abs(k) !== 1)) continue;
      equations.push({ cells: cells.map(([c]) => c), signs: cells.map(([, k]) => k) });
    }
  });
  return equations;
}

/** The column identities (`per: 'column'`), one equation per column, where every term can be known. */
function columnEquations(
  lines: readonly Line[],
  identities: readonly Identity[],
  rowSpecs: ReadonlyMap<string, TableSpec['rows'][number]>,
  fixed: ReadonlyMap<string, ReadonlyArray<number | null>>,
  claimed: ReadonlySet<string>,
  table: TableSpec,
): JointEquation[] {
  const where = new Map<string, { line: number; offset: number }>();
  lines.forEach((line, i) => line.rows.forEach((id, r) => where.set(id, { line: i, offset: line.offsets[r]! })));
  const equations: JointEquation[] = [];
  for (const identity of identities) {
    if (identity.per !== 'column') continue;
    for (const column of identity.over ?? table.columns.map((c) => c.id)) {
      const terms: JointTerm[] = [];
      let complete = true;
      for (const [term, side] of sides(identity)) {
        const sign = side * (term.sign ?? 1);
        const c = rowSpecs.get(term.ref)?.columns.indexOf(column) ?? -1;
        const at = where.get(term.ref);
        const value = fixed.get(term.ref)?.[c];
        // A row named in the runs but not read stays unknown, whatever `fixed` says of it.
        if (c < 0) complete = false;
        else if (at) terms.push({ line: at.line, cell: at.offset + c, sign });
        else if (typeof value === 'number' && !claimed.has(term.ref)) terms.push({ cell: c, sign, value });
        else complete = false;
      }
      if (complete && terms.some((t) => t.line !== undefined)) equations.push({ terms });
    }
  }
  return equations;
}

function sides(identity: Identity): Array<[IdentityTerm, number]> {
  return [...identity.left.map((t): [IdentityTerm, number] => [t, 1]), ...identity.right.map((t): [IdentityTerm, number] => [t, -1])];
}

/** Groups of lines linked by equations: each group is searched on its own. */
function connect(count: number, equations: readonly JointEquation[]): Array<{ members: number[]; eqs: JointEquation[] }> {
  const parent = [...Array(count).keys()];
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const e of equations) {
    const ls = e.terms.flatMap((t) => (t.line === undefined ? [] : [t.line]));
    for (const l of ls.slice(1)) parent[find(l)] = find(ls[0]!);
  }
  const groups = new Map<number, { members: number[]; eqs: JointEquation[] }>();
  for (let i = 0; i < count; i++) {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, { members: [], eqs: [] });
    groups.get(root)!.members.push(i);
  }
  for (const e of equations) {
    const first = e.terms.find((t) => t.line !== undefined)!;
    groups.get(find(first.line!))!.eqs.push(e);
  }
  return [...groups.values()];
}

/**
 * Each row of the line is settled when all readings left agree on it (Table 四's 复议 can be certain
 * while its lawsuits are not); otherwise ambiguous. `before`: the line's readings before the table
 * search, to tell whether a settled row needed it. `capped`: the table search was cut short.
 */
function settleRows(
  line: Line,
  readings: readonly Reading[],
  before: readonly Reading[],
  outcome: Map<string, RowReading>,
  how: { shape: boolean; capped: boolean },
): void {
  line.rows.forEach((id, r) => {
    const slices = distinctSlices(line, readings, r);
    if (slices.length !== 1) {
      outcome.set(id, { status: 'ambiguous', readings: slices.length, capped: how.capped, examples: examplesOf(line, slices, r) });
      return;
    }
    const reading = slices[0]!;
    const by: SettledBy = how.shape ? 'shape' : distinctSlices(line, before, r).length === 1 ? 'row' : 'table';
    const cells = placesOf(line, reading, r);
    outcome.set(id, { status: 'settled', values: sliceOf(line, reading, r), cells, recovered: cells.some((c) => c.recovered), by });
  });
}

/** Rows of a line the search gave up on: the readings found so far are a lower bound. */
function ambiguousRows(line: Line, readings: readonly Reading[], outcome: Map<string, RowReading>): void {
  line.rows.forEach((id, r) => {
    const slices = distinctSlices(line, readings, r);
    outcome.set(id, { status: 'ambiguous', readings: slices.length, capped: true, examples: examplesOf(line, slices, r) });
  });
}

function sliceOf(line: Line, reading: Reading, r: number): number[] {
  return reading.values.slice(line.offsets[r]!, line.offsets[r]! + width(line, r));
}

function examplesOf(line: Line, slices: readonly Reading[], r: number): number[][] {
  return slices.slice(0, EXAMPLES).map((s) => sliceOf(line, s, r));
}

function width(line: Line, r: number): number {
  return (line.offsets[r + 1] ?? line.cellCount) - line.offsets[r]!;
}

/** The readings that differ in row r's cells (values and where they stand), one of each. */
function distinctSlices(line: Line, readings: readonly Reading[], r: number): Reading[] {
  const from = line.offsets[r]!;
  const to = from + width(line, r);
  const seen = new Map<string, Reading>();
  for (const reading of readings) {
    // Where the row starts matters too: the same ends after a different start are other values.
    const key = `${from === 0 ? 0 : reading.ends[from - 1]!}:${reading.ends.slice(from, to).join(',')}`;
    if (!seen.has(key)) seen.set(key, reading);
  }
  return [...seen.values()];
}

/** Where row r's cells stand in the runs, and whether each needed a split or a join. */
function placesOf(line: Line, reading: Reading, r: number): CellPlace[] {
  const runOf = (pos: number): number => {
    let j = 0;
    while (j + 1 < line.runStarts.length && line.runStarts[j + 1]! <= pos) j++;
    return j;
  };
  const places: CellPlace[] = [];
  for (let i = line.offsets[r]!; i < line.offsets[r]! + width(line, r); i++) {
    const a = i === 0 ? 0 : reading.ends[i - 1]!;
    const b = reading.ends[i]!;
    const firstRun = runOf(a);
    const lastRun = runOf(b - 1);
    const place: CellPlace = { firstRun, start: a - line.runStarts[firstRun]!, lastRun, end: b - line.runStarts[lastRun]! };
    if (lastRun > firstRun) place.recovered = 'join';
    else if (place.start > 0 || place.end < line.input.runs[firstRun]!.length) place.recovered = 'split';
    places.push(place);
  }
  return places;
}
