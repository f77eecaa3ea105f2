/**
 * The property suite behind the `layouts-*.property.test.ts` files: every layout from the same data.
 * Seeded random report data (identities holding) is written in a layout users bring and read back the
 * way the CLI reads a file. Extraction must give the data back (a cell the layout does not let anyone
 * place may be null, its row named unreadable), and lint must give no error and no warning (a lossy layout
 * may warn that it could not read a row). With one recorded fault
 * injected per data set, lint gives that fault's finding where the layout carries it; where the layout
 * cannot carry it, `table-unreadable` at most, and no error in its place. The seed is in every failure
 * message. The layouts are split over several files so that the test workers run them side by side.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractionIssue, ReportData, TableId } from '@nianbao/format';
import { lint } from '@nianbao/lint';
import { parseReport, readSource, toReportData } from '@nianbao/parse';
import { compose } from './compose.js';
import { randomReport } from './data.js';
import { FAULT_KINDS, injectFault } from './faults.js';
import { LAYOUTS, type LayoutId } from './layouts.js';

/** The first seed (NIANBAO_PROPERTY_SEED moves it, to try other data). */
const BASE_SEED = Number(process.env['NIANBAO_PROPERTY_SEED'] ?? 1);

/** Data sets per layout: `fallback`, or NIANBAO_PROPERTY_COUNT for more or fewer (the bench runs more). */
export function propertyCount(fallback: number): number {
  const n = Number(process.env['NIANBAO_PROPERTY_COUNT'] ?? fallback);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Layouts that lose cell boundaries or labels (merged runs, run-together digits, wrapped and centred labels): a row may be unreadable. */
const LOSSY = new Set<LayoutId>(['one-line', 'crawl', 'space-aligned']);
const TABLES: TableId[] = ['activeDisclosure', 'applications', 'reviewLitigation'];

async function read(layout: LayoutId, doc: ReturnType<typeof compose>, seed: number) {
  const out = await LAYOUTS[layout].write(doc, { seed });
  const bytes = typeof out === 'string' ? new TextEncoder().encode(out) : out;
  return parseReport(await readSource(bytes, LAYOUTS[layout].fileName));
}

/** The cells that differ from the data, except those of rows the reader said it could not place. */
function differences(found: ReportData, expected: ReportData, issues: readonly ExtractionIssue[]): string[] {
  const out: string[] = [];
  for (const table of TABLES) {
    const unreadable = issues.filter((i) => i.table === table && i.kind === 'unreadable');
    for (const [row, cells] of Object.entries(expected.tables[table])) {
      for (const [column, value] of Object.entries(cells)) {
        const got = found.tables[table][row]?.[column];
        if (got === value) continue;
        if (got === null && unreadable.some((i) => i.row === row || i.row === undefined)) continue;
        out.push(`${table}.${row}.${column}: ${String(got)} for ${String(value)}`);
      }
    }
  }
  return out;
}

/**
 * One data set in one layout: written, read back, linted; then one recorded fault injected, written and
 * linted again. Fails with the seed and layout in the message.
 */
export async function checkDataSet(layout: LayoutId, seed: number): Promise<void> {
  const data = randomReport(seed);
  const doc = await read(layout, compose(data, { seed }), seed);
  const back = toReportData(doc, { reportYear: data.reportYear });
  if (!back.ok) throw new Error(`seed ${seed}, ${layout}: ${back.reason}`);
  const issues = back.data.extractionIssues ?? [];
  const diff = differences(back.data, data, LOSSY.has(layout) ? issues : []);
  expect(diff, `seed ${seed}, ${layout}: cells read back`).toEqual([]);
  // Valid data: no error and no warning either (a false warning teaches people to skip them all), except
  // where a lossy layout says it could not read a row.
  const flagged = lint(doc).filter((d) => d.severity !== 'info' && !(LOSSY.has(layout) && d.ruleId === 'table-unreadable' && d.severity === 'warning'));
  expect(flagged.map((d) => `${d.ruleId} ${d.line}:${d.column} ${d.message}`), `seed ${seed}, ${layout}: no error or warning on valid data`).toEqual([]);

  const fault = injectFault(data, FAULT_KINDS[seed % FAULT_KINDS.length]!, seed, { composeSeed: seed });
  const faulty = lint(await read(layout, fault.doc, seed));
  const rules = new Set(faulty.filter((d) => d.severity !== 'info').map((d) => d.ruleId));
  const unreadable = rules.has('table-unreadable');
  if (fault.unsupportedLayouts.includes(layout) || (LOSSY.has(layout) && unreadable && !rules.has(fault.rule))) {
    // The layout cannot show this fault: it may say a table could not be read, and nothing worse.
    const wrong = faulty.filter((d) => d.severity === 'error' && d.ruleId !== fault.rule);
    expect(wrong.map((d) => `${d.ruleId} ${d.message}`), `seed ${seed}, ${layout}: ${fault.detail}`).toEqual([]);
    return;
  }
  expect([...rules], `seed ${seed}, ${layout}: ${fault.detail}`).toContain(fault.rule);
  const others = faulty.filter((d) => d.severity === 'error' && d.ruleId !== fault.rule);
  expect(others.map((d) => `${d.ruleId} ${d.message}`), `seed ${seed}, ${layout}: only ${fault.rule} (${fault.detail})`).toEqual([]);
}

/**
 * Writes `count` data sets in each layout, reads them back, lints them, and injects one fault into each.
 * `offset` moves the first seed, so that one layout's data sets can be split over files the test
 * workers run side by side.
 */
export function propertySuite(layouts: readonly LayoutId[], count: number, offset = 0): void {
describe.each(layouts)('layout %s', (layout) => {
  it(`gives ${count} data sets back (seeds ${BASE_SEED + offset}–${BASE_SEED + offset + count - 1}) and no error, and each injected fault its finding`, async () => {
    for (let k = 0; k < count; k++) await checkDataSet(layout, BASE_SEED + offset + k);
  }, 600_000);
});
}
