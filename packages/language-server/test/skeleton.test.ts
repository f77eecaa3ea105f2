import { describe, expect, it } from 'vitest';
import { FORMATS, SECTIONS, canonicalHeading, gridSlots, tableGrid, type FormatYear } from '@nianbao/format';
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

/** Writes 0 into every number cell of each table skeleton, as a user filling it in would: the same grid, its value cells filled. */
function fillIn(text: string, format: (typeof FORMATS)[FormatYear]): string {
  let out = text;
  for (const spec of Object.values(format.tables)) {
    const grid = tableGrid(spec);
    const [head, ...rest] = gridSlots(grid, () => '0');
    const row = (cells: readonly string[]): string => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
    const filled = [row(head!), `|${' --- |'.repeat(grid.width)}`, ...rest.map(row)].join('\n');
    expect(out).toContain(tableSkeleton(spec));
    out = out.replace(tableSkeleton(spec), filled);
  }
  return out;
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

  it('Table 三 is laid out as printed: three label columns under a three-row header', () => {
    const lines = tableSkeleton(FORMATS[2021].tables.applications).split('\n');
    expect(lines).toHaveLength(4 + FORMATS[2021].tables.applications.rows.length);
    expect(lines[0]!.split('|').length - 2).toBe(3 + 7);
  });

  it('Table 四 has one data row of 15 blank cells', () => {
    const lines = tableSkeleton(FORMATS[2021].tables.reviewLitigation).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]!.split('|').length - 2).toBe(15);
  });
});
