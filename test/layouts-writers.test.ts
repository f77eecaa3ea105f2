/**
 * The generator behind the layout property tests: random data is valid and its identities hold, the
 * composed tables have the national format's merged cells, every writer is deterministic for a seed
 * and varies with it. Reading each layout back is test/layouts-*.property.test.ts's.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { FORMATS, formatYearFor } from '@nianbao/format';
import { validateReportData } from '@nianbao/generate';
import { compose } from './helpers/layouts/compose.js';
import { slots } from './helpers/layouts/document.js';
import { randomReport } from './helpers/layouts/data.js';
import { LAYOUTS, type LayoutId } from './helpers/layouts/layouts.js';
import { pdfAvailable } from './helpers/layouts/writers/pdf.js';

const SEEDS = Array.from({ length: 200 }, (_, i) => i);
const schema = JSON.parse(readFileSync(new URL('../schemas/report-data.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);


describe('randomReport', () => {
  it('is valid against the schema, fits its year and holds every identity, for 200 seeds', () => {
    for (const seed of SEEDS) {
      const data = randomReport(seed);
      expect(validate(data), `seed ${seed}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(data.formatYear, `seed ${seed}`).toBe(formatYearFor(data.reportYear));
      const checked = validateReportData(data);
      expect(checked.problems, `seed ${seed}`).toEqual([]);
      // Every total is already right: nothing left for validation to compute.
      expect(checked.computed, `seed ${seed}`).toEqual([]);
    }
  });

  it('is the same for a seed, keeps to a requested format, and is realistic in the large', () => {
    expect(randomReport(42)).toEqual(randomReport(42));
    for (const formatYear of [2019, 2021] as const) {
      for (const seed of SEEDS.slice(0, 40)) expect(randomReport(seed, { formatYear }).formatYear, `seed ${seed}`).toBe(formatYear);
    }
    const all = SEEDS.map((s) => randomReport(s));
    const received = all.map((d) => d.tables.applications['newReceived']!['total']!);
    expect(received.filter((n) => n === 0).length).toBeGreaterThan(30);
    expect(Math.max(...received)).toBeGreaterThan(400);
    expect(new Set(all.map((d) => d.reportYear)).size).toBe(7);
    expect(new Set(all.map((d) => d.agency.kind)).size).toBe(3);
    expect(all.some((d) => Object.values(d.tables.activeDisclosure).some((row) => Object.values(row).some((v) => v !== null && !Number.isInteger(v))))).toBe(true);
  });
});

describe('compose', () => {
  it('lays Table 三 and 四 out with the national format’s merged cells', () => {
    for (const formatYear of [2019, 2021] as const) {
      const data = randomReport(7, { formatYear });
      const spec = FORMATS[formatYear].tables;
      const grids = compose(data).sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.grid] : [])));
      const cellOf = (table: string, text: string) => grids.find((g) => g.table === table)!.rows.flat().find((c) => c.text === text)!;
      const group = (id: string) => spec.applications.groups.find((g) => g.id === id)!.label;
      expect(cellOf('applications', spec.applications.headerTexts[0]!)).toMatchObject({ rowSpan: 3, colSpan: 3 });
      expect(cellOf('applications', group('applicants'))).toMatchObject({ colSpan: 7 });
      expect(cellOf('applications', group('legalPersons'))).toMatchObject({ colSpan: 5 });
      expect(cellOf('applications', group('withheld'))).toMatchObject({ rowSpan: 8 });
      expect(cellOf('applications', group('results'))).toMatchObject({ rowSpan: formatYear === 2021 ? 22 : 20 });
      expect(cellOf('reviewLitigation', spec.reviewLitigation.groups[0]!.label)).toMatchObject({ colSpan: 10 });
      expect(cellOf('reviewLitigation', spec.reviewLitigation.rows[0]!.label)).toMatchObject({ colSpan: 5 });
      // Every position of every grid is covered exactly once (slots throws otherwise).
      for (const g of grids) expect(slots(g).every((row) => row.length === g.width)).toBe(true);
    }
  });
});

describe('writers', () => {
  const binary = new Set<LayoutId>(['docx', 'pdf']);
  const ids = (Object.keys(LAYOUTS) as LayoutId[]).filter((id) => id !== 'pdf' || pdfAvailable());

  it('are deterministic for a seed and vary with it', async () => {
    for (const seed of [3, 17]) {
      const doc = compose(randomReport(seed), { seed });
      for (const id of ids) {
        if (binary.has(id) && seed !== 3) continue;
        const a = await LAYOUTS[id].write(doc, { seed });
        const b = await LAYOUTS[id].write(doc, { seed });
        expect(a, `${id}, seed ${seed}`).toEqual(b);
      }
    }
    const doc = compose(randomReport(5));
    for (const id of ids.filter((i) => !binary.has(i))) {
      const outputs = new Set(await Promise.all([0, 1, 2, 3, 4, 5].map(async (seed) => String(await LAYOUTS[id].write(doc, { seed })))));
      expect(outputs.size, id).toBeGreaterThan(1);
    }
  });

  // Reading every layout back, with and without a fault, is test/layouts-*.property.test.ts's.
});
