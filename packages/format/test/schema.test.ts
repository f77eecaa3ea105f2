import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGENCY_KIND_SPECS, FORMATS, agencyKindFromName, formatYearFor, identitiesFor, reportDataSchema, type ReportData } from '@nianbao/format';
import { evaluateIdentities } from './helpers/identities.js';

const root = new URL('../../../', import.meta.url);
const schemaText = readFileSync(new URL('schemas/report-data.schema.json', root), 'utf8');
const exampleText = readFileSync(new URL('schemas/report-data.example.json', root), 'utf8');
const example = JSON.parse(exampleText) as ReportData;
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(schemaText) as object);

const clone = (): ReportData => structuredClone(example);
const errors = () => JSON.stringify(validate.errors, null, 1);

describe('schemas/report-data.schema.json', () => {
  it('is what scripts/generate.mjs writes from the format data today', () => {
    expect(schemaText).toBe(`${JSON.stringify(reportDataSchema(), null, 2)}\n`);
  });

  it('accepts a valid document (the example)', () => {
    expect(validate(example), errors()).toBe(true);
  });

  it('accepts blanks as null and amounts as decimals', () => {
    const d = clone();
    d.tables.applications.disclosed!.research = null;
    d.tables.activeDisclosure.administrativeFees!.feeAmount = 5722.21;
    d.title = null;
    d.publicationDate = null;
    d.contact = null;
    d.period = null;
    d.processingFee = null;
    expect(validate(d), errors()).toBe(true);
  });

  it('accepts a valid 2019-format document', () => {
    const f = FORMATS[2019];
    const tables = Object.fromEntries(
      Object.values(f.tables).map((t) => [t.id, Object.fromEntries(t.rows.map((r) => [r.id, Object.fromEntries(r.columns.map((c) => [c, 0]))]))]),
    );
    (tables.activeDisclosure as Record<string, Record<string, number>>).licensing!.change = -3;
    (tables.activeDisclosure as Record<string, Record<string, number>>).procurement!.totalAmount = 73802895.9;
    const d = { ...clone(), reportYear: 2020, formatYear: 2019, citedNotice: '国办公开办函〔2019〕60号', tables };
    delete (d as Partial<ReportData>).previousYear;
    expect(validate(d), errors()).toBe(true);
  });

  const rejects: Array<[string, (d: ReportData) => void]> = [
    ['an unknown top-level key', (d) => Object.assign(d, { remarks: '…' })],
    ['an unknown row', (d) => Object.assign(d.tables.applications, { subtotal: { ...d.tables.applications.disclosed } })],
    ['an unknown cell key', (d) => Object.assign(d.tables.applications.disclosed!, { legalPersons: 0 })],
    ['an unknown table', (d) => Object.assign(d.tables, { extra: {} })],
    ['a negative count', (d) => (d.tables.applications.newReceived!.naturalPerson = -1)],
    ['a negative count in Table 四', (d) => (d.tables.reviewLitigation.review!.pending = -1)],
    ['a decimal count', (d) => (d.tables.applications.newReceived!.naturalPerson = 1.5)],
    ['a decimal count in Table 二', (d) => (d.tables.activeDisclosure.licensing!.decisions = 3862.5)],
    ['a negative amount', (d) => (d.tables.activeDisclosure.administrativeFees!.feeAmount = -0.5)],
    ['a number written as text', (d) => ((d.tables.applications.disclosed as Record<string, unknown>).total = '21')],
    ['a missing cell key', (d) => delete d.tables.applications.disclosed!.research],
    ['a missing row', (d) => delete d.tables.applications.disclosed],
    ['a missing table', (d) => delete (d.tables as Partial<ReportData['tables']>).reviewLitigation],
    [
      'a 2019 row in a 2021 document',
      (d) => Object.assign(d.tables.applications, { otherHandling: { ...d.tables.applications.otherOther } }),
    ],
    [
      'a 2019 Table 二 row in a 2021 document',
      (d) => Object.assign(d.tables.activeDisclosure, { procurement: { projects: 0, totalAmount: 0 } }),
    ],
    ['a wrong formatYear', (d) => Object.assign(d, { formatYear: 2023 })],
    ['formatYear 2019 on 2021 tables', (d) => Object.assign(d, { formatYear: 2019 })],
    ['a missing formatYear', (d) => delete (d as Partial<ReportData>).formatYear],
    ['an unknown agency kind', (d) => Object.assign(d.agency, { kind: '事业单位' })],
    ['a date not in YYYY-MM-DD', (d) => (d.publicationDate = '2024年1月26日')],
    ['a bad postcode', (d) => (d.contact!.postcode = '10000')],
    ['a negative count of last year', (d) => (d.previousYear!.carriedForward!.total = -3)],
    ['an unknown key in previousYear', (d) => Object.assign(d.previousYear!, { handledTotal: {} })],
  ];

  it.each(rejects)('rejects %s', (_what, spoil) => {
    const d = clone();
    spoil(d);
    expect(validate(d)).toBe(false);
  });
});

describe('schemas/report-data.example.json', () => {
  it('points editors at the schema and is clearly an example', () => {
    expect(example.$schema).toBe('./report-data.schema.json');
    expect(example.agency.name).toMatch(/^示例/);
    expect(example.title).toBe(`${example.agency.name}${example.reportYear}年政府信息公开工作年度报告`);
  });

  it('is a 2023 report of a 部门 in the 2021 format, published by the deadline', () => {
    expect(example.reportYear).toBe(2023);
    expect(example.formatYear).toBe(formatYearFor(example.reportYear));
    expect(example.citedNotice).toBe(FORMATS[2021].notice);
    expect(example.agency.kind).toBe('部门');
    expect(agencyKindFromName(example.agency.name!)).toBe(example.agency.kind);
    expect(example.period).toMatchObject({ start: '2023-01-01', end: '2023-12-31' });
    const { month, day } = AGENCY_KIND_SPECS[example.agency.kind!].deadline;
    const deadline = `${example.reportYear + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    expect(deadline).toBe('2024-01-31');
    expect(example.publicationDate! > `${example.reportYear}-12-31`).toBe(true);
    expect(example.publicationDate! <= deadline).toBe(true);
    expect(example.processingFee).toEqual({ collected: false });
    expect(example.previousYear?.reportYear).toBe(example.reportYear - 1);
  });

  it('has a number in every cell, and realistic non-zero figures', () => {
    const f = FORMATS[example.formatYear];
    for (const t of Object.values(f.tables)) {
      for (const r of t.rows) for (const c of r.columns) expect(typeof example.tables[t.id][r.id]?.[c], `${t.id}.${r.id}.${c}`).toBe('number');
    }
    const a = example.tables.applications;
    expect(a.newReceived!.total).toBeGreaterThan(0);
    expect(a.carriedOver!.total).toBeGreaterThan(0);
    expect(a.carriedForward!.total).toBeGreaterThan(0);
    expect(example.tables.reviewLitigation.review!.total).toBeGreaterThan(0);
  });

  it('satisfies every identity of the 2021 format (previousYear terms from previousYear)', () => {
    const identities = identitiesFor(2021);
    expect(identities.map((i) => i.id)).toEqual(FORMATS[2021].identities.map((i) => i.id));
    expect(evaluateIdentities(example, FORMATS[2021], identities)).toEqual([]);
  });

  it('the identity check does catch a broken figure (the check is not vacuous)', () => {
    const d = clone();
    d.tables.applications.disclosed!.naturalPerson! += 1;
    const failed = evaluateIdentities(d, FORMATS[2021]).map((f) => `${f.id}@${f.at}`);
    expect(failed.sort()).toEqual(['T3-outcomes@naturalPerson', 'T3-row-total@disclosed']);
    const e = clone();
    e.previousYear!.carriedForward!.commercial = 0;
    e.previousYear!.inForce!.normativeDocuments = 13;
    e.tables.reviewLitigation.litigationAfterReview!.total = 2;
    expect(evaluateIdentities(e, FORMATS[2021]).map((f) => `${f.id}@${f.at}`)).toEqual([
      'T4-litigation-total@litigationAfterReview',
      'X-carryover@commercial',
      'X-stock@normativeDocuments',
    ]);
  });
});

describe('totals may be left out of the data', () => {
  it('the 总计 column, the （七）总计 row and Table 四 totals are optional; other cells are required', () => {
    const schema = reportDataSchema() as { definitions: Record<string, { properties: Record<string, { required: string[]; properties: Record<string, { required: string[] }> }> }> };
    const applications = schema.definitions['tables2021']!.properties['applications']!;
    expect(applications.required).not.toContain('handledTotal');
    expect(applications.properties['newReceived']!.required).not.toContain('total');
    expect(applications.properties['newReceived']!.required).toContain('naturalPerson');
    expect(schema.definitions['tables2021']!.properties['reviewLitigation']!.properties['review']!.required).toEqual(['upheld', 'corrected', 'otherResult', 'pending']);
  });
});
