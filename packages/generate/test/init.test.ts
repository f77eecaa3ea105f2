import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { FORMATS, TABLE_IDS, type CellValue, type FormatYear, type ReportData } from '@nianbao/format';
import { emptyReportData, nextYearData } from '@nianbao/generate';
import { parseReport, toReportData } from '@nianbao/parse';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = `${ROOT}test/fixtures/corpus/`;

const schema = JSON.parse(readFileSync(`${ROOT}schemas/report-data.schema.json`, 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function expectValid(data: ReportData): void {
  const ok = validate(data);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

function fromReport(file: string): ReportData {
  const result = toReportData(parseReport(readFileSync(`${CORPUS}${file}`), { fileName: file }));
  if (!result.ok) throw new Error(`${file}: ${result.reason}`);
  return result.data;
}

function example(): ReportData {
  return JSON.parse(readFileSync(`${ROOT}schemas/report-data.example.json`, 'utf8')) as ReportData;
}

/** Every cell of the data as [table, row, column, value], checked against the format's own list of cells. */
function cells(data: ReportData): Array<[string, string, string, CellValue]> {
  const out: Array<[string, string, string, CellValue]> = [];
  for (const id of TABLE_IDS) {
    for (const [row, columns] of Object.entries(data.tables[id])) for (const [column, v] of Object.entries(columns)) out.push([id, row, column, v]);
  }
  return out;
}

function expectEveryKey(data: ReportData, formatYear: FormatYear): void {
  const format = FORMATS[formatYear];
  for (const id of TABLE_IDS) {
    const spec = format.tables[id];
    expect(Object.keys(data.tables[id])).toEqual(spec.rows.map((r) => r.id));
    for (const row of spec.rows) expect(Object.keys(data.tables[id][row.id]!)).toEqual(row.columns);
  }
}

const carriedForwardOf = (data: ReportData): Record<string, CellValue> => data.tables.applications['carriedForward']!;

describe('nextYearData from the corpus reports', () => {
  const cases: Array<{ file: string; year: number; inForce: Record<string, CellValue> }> = [
    { file: '000_05203f94ff7e5eba.txt', year: 2023, inForce: { regulations: 0, normativeDocuments: 0 } },
    { file: '001_ae5e98d31dd755d7.txt', year: 2023, inForce: { regulations: 0, normativeDocuments: 0 } },
    { file: '002_8df8c676ffab5338.txt', year: 2022, inForce: { regulations: 0, normativeDocuments: 18 } },
    { file: '004_6f7b59792f9ed408.txt', year: 2023, inForce: { regulations: 0, normativeDocuments: 9 } },
  ];

  for (const c of cases) {
    it(`${c.file.slice(0, 3)} (${c.year}) → ${c.year + 1}`, () => {
      const previous = fromReport(c.file);
      expect(previous.reportYear).toBe(c.year);
      const next = nextYearData(previous, c.year + 1);

      expect(next.reportYear).toBe(c.year + 1);
      expect(next.formatYear).toBe(2021);
      expect(next.citedNotice).toBe('国办公开办函〔2021〕30号');
      expect(next.period).toEqual({ start: `${c.year + 1}-01-01`, end: `${c.year + 1}-12-31` });
      expect(next.title).toBe(`${previous.agency.name}${c.year + 1}年政府信息公开工作年度报告`);
      expect(next.agency).toEqual(previous.agency);
      expect(next.contact).toEqual(previous.contact);
      expect(next.contact).not.toBe(previous.contact);
      expect(next.publicationDate).toBeNull();
      expect(next.processingFee).toBeNull();
      expect(next).not.toHaveProperty('extractionIssues');

      // 上年结转 = last year's 结转下年度, column by column, and kept as last year's numbers.
      expect(next.tables.applications['carriedOver']).toEqual(carriedForwardOf(previous));
      expect(next.previousYear).toEqual({ reportYear: c.year, inForce: c.inForce, carriedForward: carriedForwardOf(previous) });

      // Everything else is for the author: blank, not 0.
      const filled = cells(next).filter(([table, row, , v]) => v !== null && !(table === 'applications' && row === 'carriedOver'));
      expect(filled).toEqual([]);
      expectEveryKey(next, 2021);
      expectValid(next);
    });
  }

  it('002 carries over although other cells of it could not be read', () => {
    const previous = fromReport('002_8df8c676ffab5338.txt');
    expect(previous.extractionIssues?.length).toBe(4);
    const next = nextYearData(previous, 2023);
    expect(next.tables.applications['carriedOver']).toEqual({
      naturalPerson: 0,
      commercial: 0,
      research: 0,
      publicInterest: 0,
      legalService: 0,
      other: 0,
      total: 0,
    });
    expect(next).not.toHaveProperty('extractionIssues');
  });

  it('from the 2020 report (2019 format) to 2021: the 2021 format, and no inForce to carry', () => {
    const previous = fromReport('003_4a22ad7470b2e664.txt');
    expect(previous.formatYear).toBe(2019);
    const next = nextYearData(previous, 2021);
    expect(next.formatYear).toBe(2021);
    expect(next.citedNotice).toBe('国办公开办函〔2021〕30号');
    expect(next.tables.applications['carriedOver']).toEqual(carriedForwardOf(previous));
    // 对外公开总数量 counts everything ever published, so it is no stock of documents in force.
    expect(next.previousYear).toEqual({ reportYear: 2020, carriedForward: carriedForwardOf(previous) });
    expectEveryKey(next, 2021);
    expectValid(next);
  });
});

describe('nextYearData from a data file', () => {
  it('carries each column of 结转下年度 into 上年结转 and the Table 二 stock into previousYear', () => {
    const next = nextYearData(example(), 2024);
    const carried = { naturalPerson: 3, commercial: 0, research: 0, publicInterest: 0, legalService: 1, other: 0, total: 4 };
    expect(next.tables.applications['carriedOver']).toEqual(carried);
    expect(next.previousYear).toEqual({ reportYear: 2023, inForce: { regulations: 0, normativeDocuments: 15 }, carriedForward: carried });
    expect(next.tables.activeDisclosure['normativeDocuments']).toEqual({ issued: null, repealed: null, inForce: null });
    expect(next.$schema).toBe('./report-data.schema.json');
    expect(Object.keys(next)[0]).toBe('$schema');
    expect(next.title).toBe('示例市示例区市场监督管理局2024年政府信息公开工作年度报告');
    expectValid(next);
  });

  it('computes the carried 总计 when last year left it out, and keeps unknown columns blank', () => {
    const previous = example();
    const row = previous.tables.applications['carriedForward']!;
    delete row['total'];
    expect(nextYearData(previous, 2024).tables.applications['carriedOver']!['total']).toBe(4);

    row['research'] = null;
    const next = nextYearData(previous, 2024);
    expect(next.tables.applications['carriedOver']).toMatchObject({ research: null, total: null, naturalPerson: 3 });
    expectValid(next);
  });

  it('carries no counts across a gap: a report two years back says nothing of what this year took over', () => {
    const next = nextYearData(example(), 2025);
    expect(next.reportYear).toBe(2025);
    expect(next.agency.name).toBe('示例市示例区市场监督管理局');
    expect(next.tables.applications['carriedOver']!['total']).toBeNull();
    expect(next.previousYear?.reportYear).toBe(2024);
    expect(Object.values(next.previousYear?.carriedForward ?? {}).every((v) => v === null)).toBe(true);
    expect(cells(next).every(([, , , v]) => v === null)).toBe(true);
    expectValid(next);
  });

  it('refuses a year that is not after last year', () => {
    expect(() => nextYearData(example(), 2023)).toThrow(RangeError);
    expect(() => nextYearData(example(), 2022)).toThrow(/not after/u);
    expect(() => nextYearData(example(), 2024.5)).toThrow(RangeError);
  });

  it('leaves the previous data unchanged', () => {
    const previous = example();
    const before = JSON.stringify(previous);
    const next = nextYearData(previous, 2024);
    next.tables.applications['carriedOver']!['total'] = 99;
    next.contact!.phone = 'changed';
    expect(JSON.stringify(previous)).toBe(before);
  });
});

describe('emptyReportData', () => {
  it('has every key of the 2021 format, every cell blank, and validates', () => {
    const data = emptyReportData(2024, { name: '某某区人民政府办公室' });
    expectEveryKey(data, 2021);
    expect(cells(data)).toHaveLength(175 + 15 + 10);
    expect(cells(data).every(([, , , v]) => v === null)).toBe(true);
    expect(data).toMatchObject({
      title: '某某区人民政府办公室2024年政府信息公开工作年度报告',
      agency: { name: '某某区人民政府办公室', kind: '部门' },
      reportYear: 2024,
      formatYear: 2021,
      citedNotice: '国办公开办函〔2021〕30号',
      period: { start: '2024-01-01', end: '2024-12-31' },
      publicationDate: null,
      contact: null,
      processingFee: null,
    });
    expect(data.previousYear).toEqual({
      reportYear: 2023,
      inForce: { regulations: null, normativeDocuments: null },
      carriedForward: { naturalPerson: null, commercial: null, research: null, publicInterest: null, legalService: null, other: null, total: null },
    });
    expectValid(data);
  });

  it('takes the kind given, or reads it from the name', () => {
    expect(emptyReportData(2024, { name: '某某区', kind: '部门' }).agency.kind).toBe('部门');
    expect(emptyReportData(2024, { name: '某某区' }).agency.kind).toBe('人民政府');
    expect(emptyReportData(2024, { name: '某某街道办事处' }).agency.kind).toBe('乡镇街道');
  });

  it('uses the 2019 format for 2019 and 2020, and the format of the year before decides inForce', () => {
    const y2020 = emptyReportData(2020, { name: '某某街道办事处' });
    expect(y2020.formatYear).toBe(2019);
    expect(y2020.citedNotice).toBe('国办公开办函〔2019〕60号');
    expectEveryKey(y2020, 2019);
    expect(cells(y2020)).toHaveLength(161 + 15 + Object.values(FORMATS[2019].tables.activeDisclosure.rows).reduce((n, r) => n + r.columns.length, 0));
    expect(y2020.previousYear).not.toHaveProperty('inForce');
    expectValid(y2020);

    // 2021's last year, 2020, used the 2019 table: no 现行有效件数 to ask for.
    const y2021 = emptyReportData(2021, { name: '某某街道办事处' });
    expect(y2021.formatYear).toBe(2021);
    expect(y2021.previousYear).not.toHaveProperty('inForce');
    expectValid(y2021);
  });

  it('refuses years no format covers', () => {
    expect(() => emptyReportData(2018, { name: '某某区' })).toThrow(RangeError);
    expect(() => emptyReportData(2101, { name: '某某区' })).toThrow(RangeError);
  });
});
