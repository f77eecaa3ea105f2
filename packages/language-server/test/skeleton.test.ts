import { describe, expect, it } from 'vitest';
import { FORMATS, SECTIONS, canonicalHeading, gridSlots, tableGrid, type FormatYear } from '@nianbao/format';
import { lint } from '@nianbao/lint';
import { parseReport, type SourceLayout } from '@nianbao/parse';
import { sectionSkeleton, tableSkeleton } from '@nianbao/language-server';

/** A whole report made only of skeletons in one layout, with every blank cell then filled with 0. */
function skeletonReport(year: FormatYear, fill: boolean, layout: SourceLayout = 'markdown'): string {
  const format = FORMATS[year];
  const reportYear = year === 2021 ? 2023 : 2020;
  const depth = layout === 'markdown' ? 2 : undefined;
  const body = SECTIONS.map((s) => `${sectionSkeleton(s, s.table ? format.tables[s.table] : undefined, depth, layout)}\n\n本部分内容。`).join('\n\n');
  const title = `某某街道办事处${reportYear}年政府信息公开工作年度报告`;
  const text = `${layout === 'markdown' ? `# ${title}` : title}\n\n${body}\n`;
  return fill ? fillIn(text, format, layout) : text;
}

/** Writes 0 into every number cell of each table skeleton, as a user filling it in would: the same grid, its value cells filled. */
function fillIn(text: string, format: (typeof FORMATS)[FormatYear], layout: SourceLayout): string {
  let out = text;
  for (const spec of Object.values(format.tables)) {
    const grid = tableGrid(spec);
    const [head, ...rest] = gridSlots(grid, () => '0');
    const row = (cells: readonly string[]): string => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
    const filled = layout === 'text' ? [head!, ...rest].map((r) => r.join('\t')).join('\n') : [row(head!), `|${' --- |'.repeat(grid.width)}`, ...rest.map(row)].join('\n');
    expect(out).toContain(tableSkeleton(spec, layout));
    out = out.replace(tableSkeleton(spec, layout), filled);
  }
  return out;
}

describe('skeletons from the format data', () => {
  for (const year of [2019, 2021] as const) {
    for (const [layout, fileName] of [['markdown', 'r.md'], ['text', 'r.txt']] as const) {
      it(`${year}, ${layout}: the tables, filled in, read back as complete tables`, () => {
        const document = parseReport(skeletonReport(year, true, layout), { fileName });
        expect(document.layout).toBe(layout);
        expect(document.tables.map((t) => t.id)).toEqual(['activeDisclosure', 'applications', 'reviewLitigation']);
        const findings = lint(document).filter((d) => d.ruleId.startsWith('table-') || d.ruleId.startsWith('cell-') || d.ruleId.startsWith('section-'));
        expect(findings.map((d) => `${d.ruleId} ${d.line}:${d.column} ${d.message}`)).toEqual([]);
      });

      it(`${year}, ${layout}: blank skeletons are found as tables with blank cells, not as missing ones`, () => {
        const document = parseReport(skeletonReport(year, false, layout), { fileName });
        expect(document.tables.map((t) => t.id)).toEqual(['activeDisclosure', 'applications', 'reviewLitigation']);
        expect(lint(document).some((d) => d.ruleId === 'table-missing' && d.message.includes('缺少'))).toBe(false);
      });
    }
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

  it('in plain text, one tab-separated line per grid row, each as wide as the grid, the group labels in place', () => {
    const spec = FORMATS[2021].tables.applications;
    const lines = tableSkeleton(spec, 'text').split('\n');
    expect(lines).toHaveLength(3 + spec.rows.length);
    for (const line of lines) expect(line.split('\t')).toHaveLength(3 + 7);
    const labelsOf = (rowId: string): string[] => lines[3 + spec.rows.findIndex((r) => r.id === rowId)]!.split('\t').slice(0, 3);
    const group = (id: string): string => spec.groups.find((g) => g.id === id)!.label;
    const row = (id: string): string => spec.rows.find((r) => r.id === id)!.label;
    const first = spec.rows.find((r) => r.group !== undefined && spec.groups.find((g) => g.id === r.group)?.parent !== undefined)!;
    const sub = spec.groups.find((g) => g.id === first.group)!;
    // The first row under 三、本年度办理结果 carries it; the first item of （三）不予公开 carries that; their other rows leave those cells blank.
    expect(labelsOf(spec.rows.find((r) => r.group === sub.parent || r.group === sub.id)!.id)[0]).toBe(group(sub.parent!));
    expect(labelsOf(first.id)).toEqual([expect.any(String), sub.label, row(first.id)]);
    const second = spec.rows.filter((r) => r.group === sub.id)[1]!;
    expect(labelsOf(second.id)).toEqual(['', '', row(second.id)]);
    expect(tableSkeleton(spec, 'text')).not.toContain('|');
    expect(sectionSkeleton(SECTIONS[3]!, FORMATS[2021].tables.reviewLitigation, undefined, 'text')).toBe(`${canonicalHeading(SECTIONS[3]!)}\n\n${tableSkeleton(FORMATS[2021].tables.reviewLitigation, 'text')}`);
  });

  it('Table 四 has one data row of 15 blank cells', () => {
    const lines = tableSkeleton(FORMATS[2021].tables.reviewLitigation).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]!.split('|').length - 2).toBe(15);
  });
});
