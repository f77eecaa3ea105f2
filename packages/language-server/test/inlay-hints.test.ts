import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '@nianbao/format';
import { lint } from '@nianbao/lint';
import { parseReport, type CellNode, type ReportDocument } from '@nianbao/parse';
import type { InlayHint, MarkupContent } from 'vscode-languageserver/node';
import { inlayHints } from '../src/inlay-hints.js';
import { reportStatus } from '../src/status.js';
import { toLspDiagnostic } from '../src/diagnostics.js';

const FILE = new URL('../../../test/fixtures/corpus/004_6f7b59792f9ed408.txt', import.meta.url);
const TEXT = readFileSync(FILE, 'utf8');
const APPLICANTS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'other'];

function cellOf(document: ReportDocument, table: string, row: string, column: string): CellNode {
  return document.tables.find((t) => t.id === table)!.rows.find((r) => r.id === row)!.cells.find((c) => c.column === column)!;
}

/** The hint placed right after a cell (LSP positions are 0-based, the core's 1-based). */
function hintAt(hints: InlayHint[], cell: CellNode): InlayHint | undefined {
  return hints.find((h) => h.position.line === cell.span.end.line - 1 && h.position.character === cell.span.end.column - 1);
}

/** The text with one cell's number replaced. */
function withCell(text: string, cell: CellNode, value: string): string {
  return text.slice(0, cell.span.start.offset) + value + text.slice(cell.span.end.offset);
}

describe('inlay hints on the totals of Tables 三 and 四', () => {
  const document = parseReport(TEXT, { fileName: FILE.pathname });
  const hints = inlayHints(document, undefined, 'zh');

  it('one hint after every total cell, each with the computed sum and ✓ where the report adds up', () => {
    const format = FORMATS[2021];
    // Table 三: the 总计 of each of its 25 rows and the （七）总计 of its 7 columns, one cell shared; Table 四: three 总计.
    expect(format.tables.applications.rows).toHaveLength(25);
    expect(hints).toHaveLength(25 + 7 - 1 + 3);
    for (const hint of hints) expect(hint.label).toMatch(/^(Σ \d+ ✓|行 Σ \d+ ✓ · 列 Σ \d+ ✓)$/u);
    const row = document.tables.find((t) => t.id === 'applications')!.rows.find((r) => r.id === 'newReceived')!;
    const sum = APPLICANTS.map((c) => row.cells.find((x) => x.column === c)!.value!).reduce((a, b) => a + b, 0);
    expect(hintAt(hints, cellOf(document, 'applications', 'newReceived', 'total'))?.label).toBe(`Σ ${sum} ✓`);
    expect(hintAt(hints, cellOf(document, 'applications', 'handledTotal', 'total'))?.label).toMatch(/^行 Σ \d+ ✓ · 列 Σ \d+ ✓$/u);
    expect(hintAt(hints, cellOf(document, 'reviewLitigation', 'review', 'total'))?.label).toMatch(/^Σ \d+ ✓$/u);
    // No hint on an addend, nor on Table 二 (it has no totals).
    expect(hintAt(hints, cellOf(document, 'applications', 'newReceived', 'naturalPerson'))).toBeUndefined();
    expect(hints.every((h) => h.paddingLeft === true)).toBe(true);
  });

  it('a wrong total gets ✗ with the sum it should be, and lint reports the same cell', () => {
    const addend = cellOf(document, 'applications', 'newReceived', 'naturalPerson');
    const broken = parseReport(withCell(TEXT, addend, String(addend.value! + 3)), { fileName: FILE.pathname });
    const row = broken.tables.find((t) => t.id === 'applications')!.rows.find((r) => r.id === 'newReceived')!;
    const sum = APPLICANTS.map((c) => row.cells.find((x) => x.column === c)!.value!).reduce((a, b) => a + b, 0);
    const total = cellOf(broken, 'applications', 'newReceived', 'total');
    const hint = hintAt(inlayHints(broken, undefined, 'zh'), total)!;
    expect(hint.label).toBe(`Σ ${sum} ✗`);
    const tooltip = (hint.tooltip as MarkupContent).value;
    expect(tooltip).toContain('表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他');
    expect(tooltip).toContain(`计算结果 **${sum}** · 表中所填 **${total.value}** · 差额 **${total.value! - sum}** — ✗ 不相符`);
    expect(lint(broken).some((f) => f.ruleId === 'row-total' && f.line === total.span.start.line)).toBe(true);
  });

  it('a blank total shows the sum to write, with no ✓ or ✗', () => {
    const total = cellOf(document, 'reviewLitigation', 'review', 'total');
    const blanked = parseReport(withCell(TEXT, total, ''), { fileName: FILE.pathname });
    const review = blanked.tables.find((t) => t.id === 'reviewLitigation')!.rows.find((r) => r.id === 'review')!;
    const sum = ['upheld', 'corrected', 'otherResult', 'pending'].map((c) => review.cells.find((x) => x.column === c)!.value!).reduce((a, b) => a + b, 0);
    const labels = inlayHints(blanked, undefined, 'zh').map((h) => h.label);
    expect(labels).toContain(`Σ ${sum}`);
    expect(labels.filter((l) => !/[✓✗]$/u.test(String(l)))).toEqual([`Σ ${sum}`]);
  });

  it('only the hints in the range asked for; English when the locale is en', () => {
    const total = cellOf(document, 'applications', 'newReceived', 'total');
    const line = total.span.end.line - 1;
    const some = inlayHints(document, { start: { line, character: 0 }, end: { line, character: 1000 } }, 'en');
    expect(some).toHaveLength(1);
    expect(some[0]!.label).toMatch(/^Σ \d+ ✓$/u);
    expect((some[0]!.tooltip as MarkupContent).value).toContain('Table 3, each row: total = the sum of the six applicant columns');
    const both = inlayHints(document, undefined, 'en').find((h) => String(h.label).includes('row'))!;
    expect(both.label).toMatch(/^row Σ \d+ ✓ · column Σ \d+ ✓$/u);
  });

  it('a document with no tables gets none', () => {
    expect(inlayHints(parseReport('# 某局2023年政府信息公开工作年度报告\n\n一、总体情况\n', { fileName: 'r.md' }), undefined, 'zh')).toEqual([]);
  });
});

describe('the status of a report', () => {
  it('counts the published errors and warnings and names the format it is checked against', () => {
    const document = parseReport(TEXT, { fileName: FILE.pathname });
    const diagnostics = lint(document).map((f) => toLspDiagnostic(f, 'file:///r.txt', () => ({ line: 0, character: 0 })));
    const errors = diagnostics.filter((d) => d.severity === 1).length;
    const status = reportStatus({ selected: true, document, diagnostics, locale: 'zh' })!;
    expect(status).toMatchObject({ errors, warnings: diagnostics.filter((d) => d.severity === 2).length, formatYear: 2021, reportYear: document.reportYear });
    expect(status.text).toBe(errors === 0 ? '无错误 · 2021 版格式' : `${errors} 个错误 · 2021 版格式`);
    expect(status.tooltip).toContain('国办公开办函〔2021〕30号');
    expect(status.tooltip).toContain('点击打开“问题”面板');
  });

  it('a 2020 report is checked against the 2019 format; errors counted in the text', () => {
    const document = parseReport('# 某局2020年政府信息公开工作年度报告\n\n一、总体情况\n', { fileName: 'r.md' });
    const diagnostics = lint(document).map((f) => toLspDiagnostic(f, 'file:///r.md', () => ({ line: 0, character: 0 })));
    const status = reportStatus({ selected: true, document, diagnostics, locale: 'zh' })!;
    expect(status.errors).toBeGreaterThan(0);
    expect(status.text).toBe(`${status.errors} 个错误 · 2019 版格式`);
    expect(status.tooltip.startsWith('2020 年度报告。按国办公开办函〔2019〕60号的格式检查')).toBe(true);
    expect(reportStatus({ selected: true, document, diagnostics, locale: 'en' })!.text).toBe(`${status.errors} errors · 2019 format`);
  });

  it('nothing for a document that is not a checked report', () => {
    const document = parseReport('# 说明\n', { fileName: 'README.md' });
    expect(reportStatus({ selected: false, document, diagnostics: [], locale: 'zh' })).toBeNull();
  });
});
