import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, toReportData } from '@nianbao/parse';
import { corpusReports, expectedData } from './helpers/corpus.js';

const schema = JSON.parse(readFileSync(new URL('../schemas/report-data.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('extracting the real corpus', () => {
  for (const report of corpusReports()) {
    it(`${report.file}: every fact and every cell equals the hand-written expectation`, () => {
      const result = toReportData(parseReport(report.bytes, { fileName: report.file }));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const { extractionIssues, ...data } = result.data;
      expect(data).toEqual(expectedData(report.id));
      expect(validate(result.data), JSON.stringify(validate.errors)).toBe(true);
      if (report.id !== '002') expect(extractionIssues).toBeUndefined();
    });
  }

  it('002: the malformed rows and the missing Table 四 data row come out as found', () => {
    const report = corpusReports().find((r) => r.id === '002')!;
    const result = toReportData(parseReport(report.bytes, { fileName: report.file }));
    if (!result.ok) throw new Error(result.reason);
    const issues = result.data.extractionIssues ?? [];
    expect(issues.map((i) => [i.kind, i.table, i.row ?? null])).toEqual([
      ['row-shape', 'activeDisclosure', 'punishment'],
      ['row-shape', 'activeDisclosure', 'enforcement'],
      ['row-shape', 'applications', 'handledTotal'],
      ['no-data', 'reviewLitigation', null],
    ]);
    const total = issues.find((i) => i.row === 'handledTotal')!;
    expect(total.expectedCells).toBe(7);
    expect(total.cells?.map((c) => c.text)).toEqual(['15', '0', '0', '0', '0', '0', '0', '15']);
    expect(total.line).toBe(70);
    const punishment = issues.find((i) => i.row === 'punishment')!;
    expect(punishment.cells?.map((c) => c.text)).toEqual(['0', '0', '0']);
    expect(punishment.expectedCells).toBe(1);
  });
});
