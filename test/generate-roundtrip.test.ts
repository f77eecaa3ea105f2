import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS, type ReportData } from '@nianbao/format';
import { generateReport, updateReport } from '@nianbao/generate';
import { lint } from '@nianbao/lint';
import { parseReport, toReportData } from '@nianbao/parse';
import { corpusReports, expectedData } from './helpers/corpus.js';

function generate(data: unknown, allowBlank = false): string {
  const r = generateReport(data, { allowBlank });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.markdown;
}

describe('extract → generate → lint → extract on the real corpus', () => {
  for (const id of ['000', '001', '004']) {
    it(`${id}: the generated report has no error, only placeholder warnings, and extracts to the same data`, () => {
      const report = corpusReports().find((r) => r.id === id)!;
      const extracted = toReportData(parseReport(report.bytes, { fileName: report.file }));
      if (!extracted.ok) throw new Error(extracted.reason);
      const markdown = generate(extracted.data);
      const document = parseReport(markdown, { fileName: 'generated.md' });
      const findings = lint(document);
      expect(findings.filter((d) => d.severity === 'error')).toEqual([]);
      expect(new Set(findings.filter((d) => d.severity === 'warning').map((d) => d.ruleId))).toEqual(new Set(['placeholder']));
      const back = toReportData(document);
      if (!back.ok) throw new Error(back.reason);
      // The generated preamble always cites the notice of the format for the year, whatever the source cited.
      // …and states the period in its own words.
      expect(back.data.period?.text).toMatch(/^统计期限/u);
      const period = extracted.data.period && back.data.period ? { ...extracted.data.period, text: back.data.period.text } : extracted.data.period;
      const expected = { ...extracted.data, period, citedNotice: FORMATS[extracted.data.formatYear].notice };
      expect(back.data).toEqual(expected);
    });
  }

  for (const id of ['002', '003']) {
    it(`${id}: data with blanks is refused, naming each blank cell; --allow-blank renders them and lint reports exactly those`, () => {
      const data = expectedData(id) as unknown as ReportData;
      const refused = generateReport(data);
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      const blankPaths = Object.entries(data.tables).flatMap(([table, rows]) =>
        Object.entries(rows).flatMap(([row, cells]) => Object.entries(cells).filter(([, v]) => v === null).map(([column]) => `tables.${table}.${row}.${column}`)),
      );
      expect(refused.problems.filter((p) => p.kind === 'blank').map((p) => p.path).sort()).toEqual(blankPaths.sort());
      expect(refused.problems.every((p) => p.kind === 'blank')).toBe(true);

      const markdown = generate(data, true);
      const findings = lint(parseReport(markdown, { fileName: 'generated.md' }));
      // A table whose every cell is blank is one table-missing finding; other blanks are one each.
      const allBlank = Object.entries(data.tables).filter(([, rows]) => Object.values(rows).every((cells) => Object.values(cells).every((v) => v === null)));
      const inAllBlank = (path: string): boolean => allBlank.some(([table]) => path.startsWith(`tables.${table}.`));
      expect(findings.filter((d) => d.ruleId === 'cell-blank')).toHaveLength(blankPaths.filter((p) => !inAllBlank(p)).length);
      expect(findings.filter((d) => d.ruleId === 'table-missing')).toHaveLength(allBlank.length);
      expect(findings.filter((d) => d.severity === 'error' && d.ruleId !== 'cell-blank' && d.ruleId !== 'table-missing')).toEqual([]);
      const back = toReportData(parseReport(markdown, { fileName: 'generated.md' }));
      if (!back.ok) throw new Error(back.reason);
      expect(back.data.tables).toEqual(data.tables);
    });
  }

  it('the bundled example renders without error and reads back to its tables', () => {
    const example = expectedExample();
    const markdown = generate(example);
    expect(lint(parseReport(markdown, { fileName: 'example.md' })).filter((d) => d.severity === 'error')).toEqual([]);
    const back = toReportData(parseReport(markdown, { fileName: 'example.md' }));
    if (!back.ok) throw new Error(back.reason);
    expect(back.data.tables).toEqual(example.tables);
    expect(back.data.contact).toEqual(example.contact);
    expect(back.data.publicationDate).toBe(example.publicationDate);
  });
});

describe('generate --update keeps the author’s prose byte for byte', () => {
  it('replaces only the marked tables and computed sentences', () => {
    const data = expectedData('004') as unknown as ReportData;
    const first = generate(data);
    // The author writes the narrative in place of the guidance comments.
    const written = first
      .replace(/<!-- 待填写：概述[^>]*-->/u, '2023年，平房区深入贯彻落实《条例》要求，著力提升信息公开质量。\n\n这一段是作者加的，含有 **强调**、表格外的数字 12 件，以及 CRLF 之外的一切。')
      .replace(/（一）存在的主要问题。<!-- 待填写：[^>]*-->/u, '（一）存在的主要问题。一是公开深度不够；二是队伍力量薄弱。');
    const changed = structuredClone(data);
    changed.tables.applications.newReceived!.naturalPerson = 70;
    changed.tables.applications.newReceived!.total = 70;
    changed.tables.applications.notProcessedRepeated!.naturalPerson = (changed.tables.applications.notProcessedRepeated!.naturalPerson ?? 0) + 6;
    changed.tables.applications.notProcessedRepeated!.total = (changed.tables.applications.notProcessedRepeated!.total ?? 0) + 6;
    changed.tables.applications.handledTotal!.naturalPerson = 70;
    changed.tables.applications.handledTotal!.total = 70;
    const { text, replaced, missing } = updateReport(written, generate(changed));
    expect(missing).toEqual([]);
    expect(replaced).toEqual(expect.arrayContaining(['table:activeDisclosure', 'table:applications', 'table:reviewLitigation', 'computed:period', 'computed:applications-summary', 'computed:fee']));
    // Everything outside the regions is untouched.
    const outside = (s: string): string => s.replace(/<!-- nianbao:(table|computed) ([\w-]+) -->[\s\S]*?<!-- \/nianbao:\1 -->/gu, '§');
    expect(outside(text)).toBe(outside(written));
    expect(text).toContain('这一段是作者加的，含有 **强调**、表格外的数字 12 件');
    const back = toReportData(parseReport(text, { fileName: 'updated.md' }));
    if (!back.ok) throw new Error(back.reason);
    expect(back.data.tables.applications.newReceived!.total).toBe(70);
    expect(text).toContain('本年度新收政府信息公开申请70件');
  });
});

function expectedExample(): ReportData {
  return JSON.parse(readFileSync(new URL('../schemas/report-data.example.json', import.meta.url), 'utf8')) as ReportData;
}
