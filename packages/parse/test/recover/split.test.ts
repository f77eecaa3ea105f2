import { describe, expect, it } from 'vitest';
import { FORMATS, type FormatYear, type Identity, type TableSpec } from '@nianbao/format';
import { Gap, readLine, readLineByCells, type LineSpec } from '../../src/recover/compose.js';
import { recoverSplits, type RunRow, type SplitResult } from '../../src/recover/split.js';
import { Rng } from '../../../../test/helpers/layouts/prng.js';

// ---------------------------------------------------------------------------------------------
// Helpers

const T3 = (year: FormatYear): TableSpec => FORMATS[year].tables.applications;
const T4 = FORMATS[2021].tables.reviewLitigation;
const T2 = (year: FormatYear): TableSpec => FORMATS[year].tables.activeDisclosure;
const ids = (year: FormatYear): Identity[] => FORMATS[year].identities;
const T4_ROWS = ['review', 'litigationDirect', 'litigationAfterReview'];

/** A row as a crawl printed it: spaces separate runs. */
const row = (id: string, printed: string, extra: Partial<RunRow> = {}): RunRow => ({
  id,
  runs: printed.split(/\s+/u).filter((r) => r !== ''),
  ...extra,
});

const ZEROS = '0000000';

function settled(result: SplitResult, id: string): number[] | undefined {
  return result.values.get(id);
}

/** Seeded random numbers (the layouts generator's), so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

/** A count as real reports have them: mostly 0, now and then a few, rarely hundreds. */
function sparse(rand: () => number, nonzero: number): number {
  if (rand() >= nonzero) return 0;
  const r = rand();
  if (r < 0.7) return 1 + Math.floor(rand() * 9);
  if (r < 0.95) return 10 + Math.floor(rand() * 90);
  return 100 + Math.floor(rand() * 900);
}

const APPLICANTS = 6;
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Valid Table 三 data: every identity holds (outcomes, balance, row totals). */
function table3(year: FormatYear, rand: () => number, density: number): Map<string, number[]> {
  const outcomeRows = ids(year).find((i) => i.id === 'T3-outcomes')!.right.map((t) => t.ref);
  const data = new Map<string, number[]>();
  const applicants = (): number[] => Array.from({ length: APPLICANTS }, (_, c) => sparse(rand, c === 0 ? density * 3 : density));
  for (const id of outcomeRows) data.set(id, applicants());
  const handled = Array.from({ length: APPLICANTS }, (_, c) => sum(outcomeRows.map((id) => data.get(id)![c]!)));
  const forward = applicants().map((v) => (rand() < 0.5 ? 0 : v));
  const over = applicants().map((v, c) => Math.min(rand() < 0.5 ? 0 : v, handled[c]! + forward[c]!));
  data.set('handledTotal', handled);
  data.set('carriedForward', forward);
  data.set('carriedOver', over);
  data.set('newReceived', handled.map((h, c) => h + forward[c]! - over[c]!));
  const full = new Map<string, number[]>();
  for (const spec of T3(year).rows) {
    const cells = data.get(spec.id)!;
    full.set(spec.id, [...cells, sum(cells)]);
  }
  return full;
}

/** Valid Table 四 data: each block's total is the sum of its four outcomes. */
function table4(rand: () => number, density: number): number[] {
  return T4_ROWS.flatMap(() => {
    const parts = Array.from({ length: 4 }, () => sparse(rand, density));
    return [...parts, sum(parts)];
  });
}

/** The cells' digits run together, with a stray space now and then at a true cell boundary. */
function runTogether(cells: readonly number[], rand: () => number, spaces: number): string[] {
  const runs: string[] = [''];
  cells.forEach((v, i) => {
    if (i > 0 && rand() < spaces) runs.push('');
    runs[runs.length - 1] += String(v);
  });
  return runs;
}

/** One token per cell, a number now and then broken in two (a line end inside the cell). */
function brokenTokens(cells: readonly number[], rand: () => number, breaks: number): string[] {
  return cells.flatMap((v) => {
    const s = String(v);
    if (s.length < 2 || rand() >= breaks) return [s];
    const at = 1 + Math.floor(rand() * (s.length - 1));
    return [s.slice(0, at), s.slice(at)];
  });
}

/** Every settled row must hold exactly the printed values: never a confident wrong reading. */
function expectNoWrongReading(result: SplitResult, truth: ReadonlyMap<string, readonly number[]>, seed: number): void {
  for (const [id, values] of result.values) {
    expect(values, `seed ${seed}, row ${id}`).toEqual(truth.get(id));
  }
}

// ---------------------------------------------------------------------------------------------
// Real layouts

describe('cells run together in real reports', () => {
  it('reads a broken number by joining adjacent tokens, exactly one reading per row', () => {
    const result = recoverSplits(T3(2021), ids(2021), [
      row('newReceived', '160 0 0 2 0 0 1 62', { joinable: true }),
      row('unavailableNotHeld', '2 7 0 0 1 0 0 28', { joinable: true }),
      row('handledTotal', '1 60 0 0 2 0 0 1 62', { joinable: true }),
    ]);
    expect(settled(result, 'newReceived')).toEqual([160, 0, 0, 2, 0, 0, 162]);
    expect(settled(result, 'unavailableNotHeld')).toEqual([27, 0, 0, 1, 0, 0, 28]);
    expect(settled(result, 'handledTotal')).toEqual([160, 0, 0, 2, 0, 0, 162]);
    expect([...result.recovered].sort()).toEqual(['handledTotal', 'newReceived', 'unavailableNotHeld']);
    const reading = result.rows.get('newReceived');
    expect(reading?.status === 'settled' && reading.cells[6]).toEqual({ firstRun: 6, start: 0, lastRun: 7, end: 2, recovered: 'join' });
    // The same with tokens known to be whole or fragments (no split inside a token).
    const whole = recoverSplits(T3(2021), ids(2021), [row('newReceived', '160 0 0 2 0 0 1 62', { joinable: true, splittable: false })]);
    expect(settled(whole, 'newReceived')).toEqual([160, 0, 0, 2, 0, 0, 162]);
  });

  it('reads a whole 2019 Table 三 from its row identity alone', () => {
    const printed: Array<[string, string]> = [
      ['newReceived', '230 000023'],
      ['carriedOver', ZEROS],
      ['disclosed', '7000007'],
      ['partiallyDisclosed', '1000001'],
      ['withheldStateSecret', ZEROS],
      ['withheldProhibitedByLaw', ZEROS],
      ['withheldSecurityStability', ZEROS],
      ['withheldThirdParty', ZEROS],
      ['withheldInternalAffairs', ZEROS],
      ['withheldProcess', ZEROS],
      ['withheldEnforcementFile', ZEROS],
      ['withheldQuery', ZEROS],
      ['unavailableNotHeld', '7000007'],
      ['unavailableNeedsCreation', ZEROS],
      ['unavailableUnclear', '5000005'],
      ['notProcessedComplaint', ZEROS],
      ['notProcessedRepeated', '3000003'],
      ['notProcessedPublication', ZEROS],
      ['notProcessedExcessive', ZEROS],
      ['notProcessedConfirmation', ZEROS],
      ['otherHandling', '0 0 0 0 0 00'],
      ['handledTotal', '23 0 00 0 023'],
      ['carriedForward', '0 0 00 00 0'],
    ];
    const result = recoverSplits(T3(2019), ids(2019), printed.map(([id, p]) => row(id, p)));
    expect(result.ambiguous.size).toBe(0);
    expect(result.impossible).toEqual([]);
    expect(result.values.size).toBe(23);
    expect(settled(result, 'newReceived')).toEqual([23, 0, 0, 0, 0, 0, 23]);
    expect(settled(result, 'handledTotal')).toEqual([23, 0, 0, 0, 0, 0, 23]);
    expect(settled(result, 'unavailableUnclear')).toEqual([5, 0, 0, 0, 0, 0, 5]);
    expect(settled(result, 'carriedForward')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(result.rows.get('carriedOver')).toMatchObject({ status: 'settled', by: 'shape' });
    expect(result.rows.get('newReceived')).toMatchObject({ status: 'settled', by: 'row', recovered: true });
  });

  const TABLE_2021: Array<[string, string]> = [
    ['newReceived', '640020470'],
    ['carriedOver', ZEROS],
    ['disclosed', '270020130'],
    ['partiallyDisclosed', '500000 5'],
    ['withheldStateSecret', ZEROS],
    ['withheldProhibitedByLaw', ZEROS],
    ['withheldSecurityStability', ZEROS],
    ['withheldThirdParty', ZEROS],
    ['withheldInternalAffairs', '1000001'],
    ['withheldProcess', ZEROS],
    ['withheldEnforcementFile', '6000006'],
    ['withheldQuery', '1000001'],
    ['unavailableNotHeld', '220000325'],
    ['unavailableNeedsCreation', ZEROS],
    ['unavailableUnclear', ZEROS],
    ['notProcessedComplaint', ZEROS],
    ['notProcessedRepeated', ZEROS],
    ['notProcessedPublication', ZEROS],
    ['notProcessedExcessive', ZEROS],
    ['notProcessedConfirmation', ZEROS],
    ['otherNoCorrection', ZEROS],
    ['otherUnpaidFee', ZEROS],
    ['otherOther', '1000001'],
    ['handledTotal', '630020469'],
    ['carriedForward', '1000001'],
  ];

  it('settles rows the row identity leaves open by the column identities', () => {
    const alone = recoverSplits(T3(2021), ids(2021), [row('disclosed', '270020130'), row('unavailableNotHeld', '220000325')]);
    expect(alone.ambiguous.get('disclosed')).toBe(2);
    expect(alone.ambiguous.get('unavailableNotHeld')).toBe(2);
    const examples = alone.rows.get('disclosed');
    expect(examples?.status === 'ambiguous' && examples.examples).toEqual(
      expect.arrayContaining([
        [27, 0, 0, 2, 0, 1, 30],
        [2, 7, 0, 0, 20, 1, 30],
      ]),
    );

    const result = recoverSplits(T3(2021), ids(2021), TABLE_2021.map(([id, p]) => row(id, p)));
    expect(result.ambiguous.size).toBe(0);
    expect(result.impossible).toEqual([]);
    expect(settled(result, 'disclosed')).toEqual([27, 0, 0, 2, 0, 1, 30]);
    expect(settled(result, 'unavailableNotHeld')).toEqual([22, 0, 0, 0, 0, 3, 25]);
    expect(settled(result, 'newReceived')).toEqual([64, 0, 0, 2, 0, 4, 70]);
    expect(settled(result, 'handledTotal')).toEqual([63, 0, 0, 2, 0, 4, 69]);
    expect(result.rows.get('disclosed')).toMatchObject({ status: 'settled', by: 'table' });
  });

  it('uses rows read cell by cell in the column identities', () => {
    const fixed = new Map<string, Array<number | null>>();
    const runs: RunRow[] = [];
    for (const [id, p] of TABLE_2021) {
      if (id === 'disclosed' || id === 'unavailableNotHeld') runs.push(row(id, p));
      else fixed.set(id, p === ZEROS ? [0, 0, 0, 0, 0, 0, 0] : (recoverSplits(T3(2021), ids(2021), [row(id, p)]).values.get(id) ?? []));
    }
    const result = recoverSplits(T3(2021), ids(2021), runs, fixed);
    expect(settled(result, 'disclosed')).toEqual([27, 0, 0, 2, 0, 1, 30]);
    expect(settled(result, 'unavailableNotHeld')).toEqual([22, 0, 0, 0, 0, 3, 25]);
    // A cell not read leaves its column's identities unused: the rows stay open rather than guessed.
    const blank = new Map(fixed);
    blank.set('handledTotal', [null, 0, 0, 2, 0, 4, 69]);
    blank.set('newReceived', [null, 0, 0, 2, 0, 4, 70]);
    blank.set('partiallyDisclosed', [null, 0, 0, 0, 0, 0, 5]);
    const open = recoverSplits(T3(2021), ids(2021), runs, blank);
    // 商业企业 and 法律服务机构 still refute 2|7|0|0|20|1|30 and 2|20|0|0|0|3|25.
    expect(settled(open, 'disclosed')).toEqual([27, 0, 0, 2, 0, 1, 30]);
  });

  it('lets no printed error decide another row', () => {
    // A row forced by its digits but breaking its own total is kept as printed and vouches for nothing.
    const broken = TABLE_2021.map(([id, p]): [string, string] => [id, id === 'carriedForward' ? '1 0 0 0 0 0 2' : p]);
    const result = recoverSplits(T3(2021), ids(2021), broken.map(([id, p]) => row(id, p)));
    expect(result.rows.get('carriedForward')).toMatchObject({ status: 'settled', by: 'shape', values: [1, 0, 0, 0, 0, 0, 2] });
    expect(settled(result, 'disclosed')).toEqual([27, 0, 0, 2, 0, 1, 30]);
    // A row whose total holds but whose column is off: no reading of the table holds, so no row is
    // settled on the identities; the rows forced by their digits still are.
    const conflict = TABLE_2021.map(([id, p]): [string, string] => [id, id === 'newReceived' ? '650020471' : p]);
    const none = recoverSplits(T3(2021), ids(2021), conflict.map(([id, p]) => row(id, p)));
    expect(none.rows.get('newReceived')).toMatchObject({ status: 'impossible', reason: 'conflict' });
    expect(none.rows.get('disclosed')).toMatchObject({ status: 'impossible', reason: 'conflict' });
    expect(none.rows.get('carriedOver')).toMatchObject({ status: 'settled', by: 'shape' });
    expect(none.rows.get('partiallyDisclosed')).toMatchObject({ status: 'settled', by: 'shape' });
    // A row named twice is trusted to neither line.
    const twice = recoverSplits(T3(2021), ids(2021), [row('disclosed', '7000007'), row('disclosed', '1000001')]);
    expect(twice.rows.get('disclosed')).toEqual({ status: 'impossible', reason: 'unknown-row' });
  });

  it('reads Table 四 as one line through its three blocks', () => {
    const result = recoverSplits(T4, ids(2021), [{ id: T4_ROWS, runs: ['10203120001200000'] }]);
    expect(settled(result, 'review')).toEqual([1, 0, 2, 0, 3]);
    expect(settled(result, 'litigationDirect')).toEqual([12, 0, 0, 0, 12]);
    expect(settled(result, 'litigationAfterReview')).toEqual([0, 0, 0, 0, 0]);
    const zeros = recoverSplits(T4, ids(2019), [{ id: T4_ROWS, runs: ['000000000000000'] }]);
    expect([...zeros.values.values()]).toEqual([
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
    expect(zeros.rows.get('review')).toMatchObject({ by: 'shape', recovered: true });
  });

  it('settles a Table 二 row only when the digits force it', () => {
    const result = recoverSplits(T2(2019), ids(2019), [
      row('regulations', '000'),
      row('normativeDocuments', '898989'),
      row('licensing', '3960181'),
      row('procurement', '13575394432.52'),
    ]);
    expect(settled(result, 'regulations')).toEqual([0, 0, 0]);
    expect(result.ambiguous.get('normativeDocuments')).toBe(10);
    expect(result.values.has('licensing')).toBe(false);
    expect(result.values.has('procurement')).toBe(false);
    const y2021 = recoverSplits(T2(2021), ids(2021), [
      row('regulations', '000'),
      row('normativeDocuments', '693665'),
      row('licensing', '2293'),
      row('administrativeFees', '24252.311082'),
    ]);
    expect(settled(y2021, 'regulations')).toEqual([0, 0, 0]);
    expect(y2021.ambiguous.has('normativeDocuments')).toBe(true);
    expect(settled(y2021, 'licensing')).toEqual([2293]);
    expect(settled(y2021, 'administrativeFees')).toEqual([24252.311082]);
    expect(y2021.recovered.size).toBe(1);
  });

  it('never makes a number with a leading zero', () => {
    const result = recoverSplits(T3(2021), ids(2021), [row('newReceived', '000023')]);
    // Six digits cannot fill seven cells without `023`-like pieces … nor with them: impossible.
    expect(result.rows.get('newReceived')).toEqual({ status: 'impossible', reason: 'shape' });
    const broken = recoverSplits(T3(2021), ids(2021), [row('newReceived', '1200000 13')]);
    expect(broken.rows.get('newReceived')).toEqual({ status: 'impossible', reason: 'row-identity' });
    const malformed = recoverSplits(T3(2021), ids(2021), [row('newReceived', '12a0000')]);
    expect(malformed.rows.get('newReceived')).toEqual({ status: 'impossible', reason: 'malformed' });
    const unknown = recoverSplits(T3(2021), ids(2021), [row('nonsense', '0000000')]);
    expect(unknown.impossible).toEqual(['nonsense']);
  });

  it('stops at its limits instead of hanging, and calls the row ambiguous', () => {
    const start = Date.now();
    const result = recoverSplits(T2(2019), ids(2019), [row('licensing', '1'.repeat(30))], new Map(), { readings: 50 });
    expect(result.rows.get('licensing')).toMatchObject({ status: 'ambiguous', capped: true });
    const steps = recoverSplits(T3(2021), ids(2021), [row('newReceived', '123456789'.repeat(10))], new Map(), { lineSteps: 1000 });
    expect(steps.values.size).toBe(0);
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it('stays fast on a 6,000-character table, however the digits fall', () => {
    const rand = random(7);
    const digits = (n: number, alphabet: string): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]!).join('');
    const tables: RunRow[][] = [
      // Rows far too long for seven counts, in one run each or as single-digit tokens to be joined.
      T3(2021).rows.map((spec) => ({ id: spec.id, runs: [digits(240, '0123456789')] })),
      T3(2021).rows.map((spec) => ({ id: spec.id, runs: [digits(45, '0123456789')] })),
      T3(2021).rows.map((spec) => ({ id: spec.id, runs: [...digits(60, '1')], joinable: true })),
      T3(2021).rows.map((spec) => ({ id: spec.id, runs: [digits(30, '01')] })),
    ];
    for (const rows of tables) {
      const start = Date.now();
      const result = recoverSplits(T3(2021), ids(2021), rows);
      expect(Date.now() - start).toBeLessThan(5000);
      for (const [id, values] of result.values) expect(values[6], id).toBe(values.slice(0, 6).reduce((a, b) => a + b, 0));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const SEEDS = 150;

describe.each([2019, 2021] as const)('Table 三, %i format, generated data', (year) => {
  it('never settles a row wrongly, and settles most rows of sparse tables (digits run together)', () => {
    let rows = 0;
    let solved = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const rand = random(seed * 7919 + year);
      const truth = table3(year, rand, seed % 3 === 0 ? 0.3 : 0.08);
      const input = [...truth].map(([id, cells]): RunRow => ({ id, runs: runTogether(cells, rand, 0.1) }));
      const result = recoverSplits(T3(year), ids(year), input);
      expectNoWrongReading(result, truth, seed);
      rows += truth.size;
      solved += result.values.size;
    }
    expect(solved / rows).toBeGreaterThan(0.9);
  });

  it('never settles a row wrongly when numbers are broken over lines', () => {
    let rows = 0;
    let solved = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const rand = random(seed * 104729 + year);
      const truth = table3(year, rand, 0.1);
      const splittable = seed % 2 === 0;
      const input = [...truth].map(([id, cells]): RunRow => ({ id, runs: brokenTokens(cells, rand, 0.3), joinable: true, splittable }));
      const result = recoverSplits(T3(year), ids(year), input);
      expectNoWrongReading(result, truth, seed);
      rows += truth.size;
      solved += result.values.size;
    }
    expect(solved / rows).toBeGreaterThan(0.9);
  });

  it('gives no confident wrong reading when a total is wrong', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const rand = random(seed * 15485863 + year);
      const truth = table3(year, rand, seed % 2 === 0 ? 0.3 : 0.1);
      const printed = new Map([...truth].map(([id, cells]) => [id, cells.slice()]));
      // One typo: a row's 总计 (its own identity breaks); a （七）总计 cell, alone or with its 总计 (only the
      // column identities break); or a count moved to the wrong column of a row (its total still holds).
      const rowIds = [...printed.keys()];
      const mode = seed % 4;
      const target = mode === 1 || mode === 2 ? 'handledTotal' : rowIds[Math.floor(rand() * rowIds.length)]!;
      const cells = printed.get(target)!;
      const column = Math.floor(rand() * APPLICANTS);
      const delta = [1, 2, 9, 10, 100][Math.floor(rand() * 5)]!;
      if (mode === 0) cells[APPLICANTS] = cells[APPLICANTS]! + delta;
      else if (mode === 1) cells[column] = cells[column]! + delta;
      else if (mode === 2) {
        cells[column] = cells[column]! + delta;
        cells[APPLICANTS] = cells[APPLICANTS]! + delta;
      } else {
        const from = cells.findIndex((v, c) => c < APPLICANTS && v > 0);
        const to = (Math.max(0, from) + 1 + Math.floor(rand() * (APPLICANTS - 1))) % APPLICANTS;
        if (from < 0) cells[column] = cells[column]! + delta;
        else {
          cells[from] = cells[from]! - 1;
          cells[to] = cells[to]! + 1;
        }
      }
      const input = [...printed].map(([id, c]): RunRow => ({ id, runs: runTogether(c, rand, 0.1) }));
      const result = recoverSplits(T3(year), ids(year), input);
      expectNoWrongReading(result, printed, seed);
      // The broken row is never settled on a reading other than its own.
      const reading = result.rows.get(target);
      if (reading?.status === 'settled') expect(reading.values, `seed ${seed}`).toEqual(cells);
    }
  });
});

describe('Table 四, generated data', () => {
  it('never settles a block wrongly, and settles most blocks of sparse tables', () => {
    let blocks = 0;
    let solved = 0;
    for (let seed = 1; seed <= SEEDS * 2; seed++) {
      const rand = random(seed * 31337);
      const cells = table4(rand, seed % 4 === 0 ? 0.4 : 0.1);
      const truth = new Map(T4_ROWS.map((id, r) => [id, cells.slice(r * 5, r * 5 + 5)]));
      const result = recoverSplits(T4, ids(2021), [{ id: T4_ROWS, runs: runTogether(cells, rand, 0.05) }]);
      expectNoWrongReading(result, truth, seed);
      blocks += 3;
      solved += result.values.size;
    }
    expect(solved / blocks).toBeGreaterThan(0.9);
  });

  it('gives no confident wrong reading when a block total is wrong', () => {
    for (let seed = 1; seed <= SEEDS * 2; seed++) {
      const rand = random(seed * 2654435761);
      const cells = table4(rand, 0.3);
      const at = 5 * Math.floor(rand() * 3) + 4;
      cells[at] = cells[at]! + 1 + Math.floor(rand() * 3) * 9;
      const printed = new Map(T4_ROWS.map((id, r) => [id, cells.slice(r * 5, r * 5 + 5)]));
      const result = recoverSplits(T4, ids(2021), [{ id: T4_ROWS, runs: runTogether(cells, rand, 0.05) }]);
      expectNoWrongReading(result, printed, seed);
    }
  });
});

describe('the two line searches', () => {
  it('find the same readings, the row-by-row one for the formats and the general one for any equation', () => {
    let found = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const rand = random(seed * 48271);
      const widths = seed % 2 === 0 ? [7] : [5, 5, 5];
      const cells = widths.flatMap((w) => {
        const parts = Array.from({ length: w - 1 }, () => sparse(rand, 0.5));
        // Now and then a row whose total is off, so that both must find nothing or something else.
        return [...parts, sum(parts) + (rand() < 0.2 ? 1 : 0)];
      });
      const runs = seed % 3 === 0 ? brokenTokens(cells, rand, 0.4) : runTogether(cells, rand, 0.1);
      const text = runs.join('');
      const joinable = seed % 3 === 0;
      const gaps: Gap[] = [Gap.None];
      runs.forEach((run, j) => [...run].forEach((_, g) => (g > 0 || j > 0) && gaps.push(g === 0 ? (joinable ? Gap.Soft : Gap.Hard) : Gap.Soft)));
      let first = 0;
      const equations = widths.map((w) => {
        const eq = { cells: Array.from({ length: w }, (_, k) => first + k), signs: Array.from({ length: w }, (_, k) => (k === w - 1 ? 1 : -1)) };
        first += w;
        return eq;
      });
      const line: LineSpec = { text, gaps, decimal: cells.map(() => false), equations, rowWidths: widths };
      const limits = { readings: 20_000, steps: 1_000_000 };
      const key = (r: { values: number[]; ends: number[] }): string => `${r.values.join(',')}@${r.ends.join(',')}`;
      const fast = readLine(line, limits);
      const general = readLineByCells(line, limits);
      expect(fast.capped || general.capped, `seed ${seed}`).toBe(false);
      expect(fast.shapes, `seed ${seed}`).toBe(general.shapes);
      expect(fast.readings.map(key).sort(), `seed ${seed}`).toEqual(general.readings.map(key).sort());
      found += fast.readings.length;
    }
    expect(found).toBeGreaterThan(200);
  });
});
