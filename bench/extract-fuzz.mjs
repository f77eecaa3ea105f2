// extractSchemaValid: the share of 10,000 mutated corpus reports (text and web layouts) whose extracted
// data validates against schemas/report-data.schema.json. Goal: 1. The same mutations as
// test/extract-fuzz.test.ts, which runs 500 of them in `npm test`.
import { readFileSync, readdirSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parseReport, readSourceSync, toReportData } from '@nianbao/parse';

const corpus = new URL('../test/fixtures/corpus/', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('../schemas/report-data.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** mulberry32: a small seeded PRNG, so a run can be repeated. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const at = (text, r, re) => [...text.matchAll(re)].map((m) => m.index).filter(() => r() < 0.05);
const MUTATIONS = [
  (t, r) => at(t, r, /\d+/gu).reverse().reduce((s, i) => `${s.slice(0, i + 1)}.5${s.slice(i + 1)}`, t),
  (t, r) => at(t, r, /(?<=\t| )\d+/gu).reverse().reduce((s, i) => `${s.slice(0, i)}-${s.slice(i)}`, t),
  (t) => t.replace(/20\d\d年/u, '2199年'),
  (t, r) => t.replace(/\t\d+/gu, (m) => (r() < 0.1 ? '' : m)),
  (t, r) => t.replace(/\t\d+/gu, (m) => (r() < 0.1 ? m + m : m)),
  (t, r) => t.split('\n').map((line) => (r() < 0.05 ? line.slice(0, Math.floor(line.length / 2)) : line)).join('\n'),
  (t, r) => t.replace(/\t(?=\d)/gu, (m) => (r() < 0.2 ? '' : m)),
  (t, r) => t.replace(/\d/gu, (m) => (r() < 0.02 ? '１２.３' : m)),
];

export function extractFuzzBench(count = 10_000) {
  const files = readdirSync(corpus).filter((f) => /^\d{3}_.*\.(txt|md|html?)$/u.test(f)).sort();
  const texts = files.map((f) => ({ file: f, text: readFileSync(new URL(f, corpus), 'utf8') }));
  let extracted = 0;
  let valid = 0;
  for (let seed = 1; seed <= count; seed++) {
    const r = rng(seed);
    const { file, text } = texts[seed % texts.length];
    const mutated = MUTATIONS[seed % MUTATIONS.length](text, r);
    const result = toReportData(parseReport(readSourceSync(mutated, file), { fileName: file }));
    if (!result.ok) continue;
    extracted++;
    if (validate(result.data)) valid++;
  }
  return { extractSchemaValid: extracted === 0 ? 0 : Number((valid / extracted).toFixed(4)), extractFuzzInputs: count, extractFuzzExtracted: extracted };
}
