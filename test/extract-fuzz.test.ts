import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, readSourceSync, toReportData } from '@nianbao/parse';
import { corpusReports } from './helpers/corpus.js';
import { Rng } from './helpers/layouts/index.js';

/**
 * Whatever the input, what `extract` prints validates against the schema: mutated corpus reports of every
 * text and web layout (a digit made a decimal or negative, a year pushed past 2100, cells dropped or
 * doubled, lines cut), each parsed and extracted. The seed and the mutation are in the failure message.
 */
const COUNT = Number(process.env['NIANBAO_FUZZ_COUNT'] ?? 500);
const schema = JSON.parse(readFileSync(new URL('../schemas/report-data.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

type Mutation = (text: string, rng: Rng) => string;

const at = (text: string, rng: Rng, re: RegExp): number[] => [...text.matchAll(re)].map((m) => m.index).filter((i) => rng.next() < 0.05);

const MUTATIONS: Record<string, Mutation> = {
  decimal: (t, r) => at(t, r, /\d+/gu).reverse().reduce((s, i) => `${s.slice(0, i + 1)}.5${s.slice(i + 1)}`, t),
  negative: (t, r) => at(t, r, /(?<=\t| )\d+/gu).reverse().reduce((s, i) => `${s.slice(0, i)}-${s.slice(i)}`, t),
  farYear: (t) => t.replace(/20\d\d年/u, '2199年'),
  dropCells: (t, r) => t.replace(/\t\d+/gu, (m) => (r.next() < 0.1 ? '' : m)),
  doubleCells: (t, r) => t.replace(/\t\d+/gu, (m) => (r.next() < 0.1 ? m + m : m)),
  cutLines: (t, r) => t.split('\n').map((line) => (r.next() < 0.05 ? line.slice(0, Math.floor(line.length / 2)) : line)).join('\n'),
  runTogether: (t, r) => t.replace(/\t(?=\d)/gu, (m) => (r.next() < 0.2 ? '' : m)),
  junk: (t, r) => t.replace(/\d/gu, (m) => (r.next() < 0.02 ? '１２.３' : m)),
};

describe('extract gives schema-valid data for every input', () => {
  it(`${COUNT} mutated corpus reports`, () => {
    const reports = corpusReports({ all: true }).filter((r) => !/\.(pdf|docx)$/u.test(r.file));
    const names = Object.keys(MUTATIONS);
    let valid = 0;
    for (let seed = 1; seed <= COUNT; seed++) {
      const rng = new Rng(seed);
      const report = reports[seed % reports.length]!;
      const name = names[seed % names.length]!;
      const text = MUTATIONS[name]!(report.bytes.toString('utf8'), rng);
      const result = toReportData(parseReport(readSourceSync(text, report.file), { fileName: report.file }));
      if (!result.ok) continue;
      expect(validate(result.data), `seed ${seed}, ${report.file}, ${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      valid++;
    }
    // Most mutated reports are still reports: the test reads data, not only refusals.
    expect(valid).toBeGreaterThan(COUNT * 0.8);
    // 500 whole reads and extractions: on a loaded 2-core machine that can pass the default 30 s.
  }, 120_000);
});
