import { describe, expect, it } from 'vitest';
import { FORMATS, SECTIONS, canonicalHeading, type FormatYear } from '@nianbao/format';
import { lint } from '@nianbao/lint';
import { parseReport } from '@nianbao/parse';
import { sectionSkeleton, tableSkeleton } from '@nianbao/language-server';

/** A whole report made only of skeletons, with every blank cell then filled with 0. */
function skeletonReport(year: FormatYear, fill: boolean): string {
  const format = FORMATS[year];
  const reportYear = year === 2021 ? 2023 : 2020;
  const body = SECTIONS.map((s) => `${sectionSkeleton(s, s.table ? format.tables[s.table] : undefined, 2)}\n\n本部分内容。`).join('\n\n');
  const text = `# 某某街道办事处${reportYear}年政府信息公开工作年度报告\n\n${body}\n`;
  return fill ? fillIn(text, format) : text;
}

/** Writes 0 into the blank cells a user would fill: as many as the row's spec has columns. */
function fillIn(text: string, format: (typeof FORMATS)[FormatYear]): string {
  const rows = new Map(Object.values(format.tables).flatMap((t) => t.rows.map((r) => [r.label, r.columns.length] as const)));
  return text
    .split('\n')
    .map((line) => {
      if (!line.startsWith('|')) return line;
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      if (cells.every((c) => c === '')) return `| ${cells.map(() => '0').join(' | ')} |`;
      const n = rows.get(cells[0]!);
      if (n === undefined) return line;
      return `| ${cells.map((c, i) => (i > 0 && i <= n ? '0' : c)).join(' | ')} |`;
    })
    .join('\n');
}

describe('skeletons from the format data', () => {
  for (const year of [2019, 2021] as const) {
    it(`${year}: the tables, filled in, read back as complete tables`, () => {
      const document = parseReport(skeletonReport(year, true), { fileName: 'r.md' });
      expect(document.tables.map((t) => t.id)).toEqual(['activeDisclosure', 'applications', 'reviewLitigation']);
      const findings = lint(document).filter((d) => d.ruleId.startsWith('table-') || d.ruleId.startsWith('cell-') || d.ruleId.startsWith('section-'));
      expect(findings.map((d) => `${d.ruleId} ${d.line}:${d.column} ${d.message}`)).toEqual([]);
    });

    it(`${year}: blank skeletons are found as tables with blank cells, not as missing ones`, () => {
      const document = parseReport(skeletonReport(year, false), { fileName: 'r.md' });
      expect(document.tables.map((t) => t.id)).toEqual(['activeDisclosure', 'applications', 'reviewLitigation']);
      expect(lint(document).some((d) => d.ruleId === 'table-missing' && d.message.includes('缺少'))).toBe(false);
    });
  }

  it('a section heading uses the canonical wording and the Markdown depth asked for', () => {
    expect(sectionSkeleton(SECTIONS[0]!, undefined, 2)).toBe(`## ${canonicalHeading(SECTIONS[0]!)}`);
    expect(sectionSkeleton(SECTIONS[4]!, undefined, undefined)).toBe('五、存在的主要问题及改进情况');
  });

  it('Table 四 has one data row of 15 blank cells', () => {
    const lines = tableSkeleton(FORMATS[2021].tables.reviewLitigation).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]!.split('|').length - 2).toBe(15);
  });
});
