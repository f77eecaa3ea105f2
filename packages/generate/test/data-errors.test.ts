/**
 * The precompiled validators (issue 13, item 7): the standalone code accepts and refuses exactly what ajv
 * compiling the committed schema does, with the same errors where the data is; and nothing a `generate`
 * or `lint` run loads imports ajv for it. Plus the pure reading of data text (encodings, comments).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { precompiledConfigValidator } from '@nianbao/lint';
import { readDataText } from '@nianbao/project';
import { validate as precompiledData } from '../src/report-data-validator.generated.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const schemaOf = (name: string): object => JSON.parse(readFileSync(`${ROOT}schemas/${name}`, 'utf8')) as object;
const example = (): Record<string, unknown> => JSON.parse(readFileSync(`${ROOT}schemas/report-data.example.json`, 'utf8')) as Record<string, unknown>;

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** What an error says about the data (not where in the schema): the part the messages are made of. */
const said = (errors: ErrorObject[] | null | undefined): string[] =>
  (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`).sort();

/** Variants of the example, each with one kind of fault (and the example itself). */
function variants(): unknown[] {
  const out: unknown[] = [example(), [], null, 'x', {}];
  const mutate = (f: (d: Record<string, any>) => void): void => {
    // any: the variants are deliberately not report data.
    const d = example() as Record<string, any>;
    f(d);
    out.push(d);
  };
  mutate((d) => (d['tables'].applications.newReceived.naturalPerson = '41'));
  mutate((d) => (d['tables'].applications.newReceived.naturalPerson = -1));
  mutate((d) => (d['tables'].applications.newReceived.naturalPerson = 1.5));
  mutate((d) => delete d['tables'].applications.newReceived.commercial);
  mutate((d) => (d['tables'].applications.newReceived.naturalPersons = 1));
  mutate((d) => delete d['tables'].reviewLitigation);
  mutate((d) => (d['formatYear'] = 2019));
  mutate((d) => (d['formatYear'] = 2020));
  mutate((d) => (d['reportYear'] = 2300));
  mutate((d) => (d['agency'].kind = '局'));
  mutate((d) => (d['publicationDate'] = '2024/1/2'));
  mutate((d) => (d['contact'].postcode = 1500));
  mutate((d) => (d['processingFee'] = { amountYuan: -1 }));
  mutate((d) => (d['extractionIssues'] = [{ kind: 'x', table: 'applications' }]));
  mutate((d) => (d['title'] = 3));
  mutate((d) => (d['previousYear'].carriedForward.x = 1));
  for (const name of readdirSync(`${ROOT}test/fixtures/corpus/expected`).filter((n) => n.endsWith('.json'))) {
    out.push(JSON.parse(readFileSync(`${ROOT}test/fixtures/corpus/expected/${name}`, 'utf8')));
  }
  return out;
}

describe('the precompiled report-data validator is the schema', () => {
  const compiled = new Ajv({ allErrors: true, strict: false }).compile(schemaOf('report-data.schema.json'));
  const standalone = precompiledData as unknown as Validator;

  it('accepts and refuses the same data, with the same errors', () => {
    let refused = 0;
    for (const data of variants()) {
      const expected = compiled(data);
      expect(standalone(data), JSON.stringify(data).slice(0, 80)).toBe(expected);
      if (!expected) {
        refused++;
        expect(said(standalone.errors)).toEqual(said(compiled.errors));
      }
    }
    expect(refused).toBeGreaterThan(15);
  });
});

describe('the precompiled configuration validator is the schema', () => {
  const compiled = new Ajv({ allErrors: true, strict: false }).compile(schemaOf('nianbaorc.schema.json'));
  const standalone = precompiledConfigValidator as unknown as Validator;

  it('accepts and refuses the same configurations', () => {
    const configs: unknown[] = [
      {},
      { root: true, rules: { placeholder: 'off', 'row-total': ['warning'] } },
      { rules: { 'publish-deadline': ['error', { deadlines: { 乡镇街道: '01-20' } }] } },
      { rules: { 'publish-deadline': ['error', { deadlines: { 乡镇街道: '02-30' } }] } },
      { rules: { nope: 'off' } },
      { rules: { placeholder: 'loud' } },
      { locale: 'fr' },
      { docsBaseUrl: 'javascript:alert(1)' },
      { suppressions: [{ file: 'a.pdf', rule: 'table-label', reason: '…' }] },
      { suppressions: [{ file: 'a.pdf', rule: 'table-label', reason: '沿用本省模板' }] },
      { suppressions: [{ file: '', rule: 'table-label', reason: '😀' }] },
      { previousReport: 'AUTO' },
      [],
    ];
    for (const config of configs) {
      const expected = compiled(config);
      expect(standalone(config), JSON.stringify(config)).toBe(expected);
      if (!expected) expect(said(standalone.errors)).toEqual(said(compiled.errors));
    }
  });
});

describe('no ajv at run time', () => {
  it('the generated validators and what loads them import no ajv (only types)', () => {
    for (const file of ['packages/generate/src/report-data-validator.generated.ts', 'packages/lint/src/config-validator.generated.ts']) {
      const text = readFileSync(`${ROOT}${file}`, 'utf8');
      expect(text).not.toMatch(/require\(|from ["']ajv/u);
    }
    for (const file of ['packages/generate/src/validate.ts', 'packages/generate/src/schema-errors.ts']) {
      const imports = readFileSync(`${ROOT}${file}`, 'utf8').match(/^import .* from 'ajv';$/gmu) ?? [];
      expect(imports.every((line) => line.startsWith('import type '))).toBe(true);
    }
    expect(Object.keys((JSON.parse(readFileSync(`${ROOT}packages/generate/package.json`, 'utf8')) as { dependencies: object }).dependencies)).not.toContain('ajv');
  });
});

describe('readDataText', () => {
  const TEXT = '{\n  // 报告年度\n  "reportYear": 2024, /* 待核 */\n  "title": "某某局"\n}\n';

  it('allows comments, keeps positions', () => {
    const read = readDataText(new TextEncoder().encode(TEXT));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.json.value).toEqual({ reportYear: 2024, title: '某某局' });
    expect(read.json.positionOf('/title')).toEqual({ line: 4, column: 3 });
    expect(read.encoding).toBe('utf-8');
  });

  it('reads UTF-16 without a byte order mark by its zero bytes, and says which encoding it was', () => {
    const le = Buffer.from(TEXT, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [bytes, encoding] of [
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const read = readDataText(bytes);
      expect(read.ok && read.encoding).toBe(encoding);
      expect(read.ok && read.json.value).toEqual({ reportYear: 2024, title: '某某局' });
    }
  });

  it('an empty file and a binary one', () => {
    const empty = readDataText(new Uint8Array());
    expect(!empty.ok && empty.problem).toEqual({ kind: 'syntax', error: { offset: 0, code: 'Empty', line: 1, column: 1, excerpt: '' } });
    const binary = readDataText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    expect(!binary.ok && binary.problem).toEqual({ kind: 'binary' });
  });
});
