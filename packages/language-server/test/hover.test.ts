import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, type CellNode, type ReportDocument } from '@nianbao/parse';
import { hoverAt } from '../src/hover.js';

const FILE = new URL('../../../test/fixtures/corpus/004_6f7b59792f9ed408.txt', import.meta.url);
const TEXT = readFileSync(FILE, 'utf8');

function cellOf(document: ReportDocument, row: string, column: string): CellNode {
  return document.tables.find((t) => t.id === 'applications')!.rows.find((r) => r.id === row)!.cells.find((c) => c.column === column)!;
}

describe('the hover on a failing total', () => {
  // One addend made 3 larger: its row's 总计 and its column's （七）总计 are now 3 short.
  const document = parseReport(TEXT, { fileName: FILE.pathname });
  const addend = cellOf(document, 'withheldStateSecret', 'naturalPerson');
  const broken = parseReport(`${TEXT.slice(0, addend.span.start.offset)}${addend.value! + 3}${TEXT.slice(addend.span.end.offset)}`, { fileName: FILE.pathname });
  const hoverOn = (row: string, column: string): string => {
    const hover = hoverAt(broken, undefined, cellOf(broken, row, column).span.start.offset, 'zh');
    return (hover!.contents as { value: string }).value;
  };

  it('a column total: the formula, then the sum, what is written and the difference, then its addends down, by sub-group', () => {
    const total = cellOf(broken, 'handledTotal', 'naturalPerson');
    const value = hoverOn('handledTotal', 'naturalPerson');
    const [, totalPart] = value.split('\n\n---\n\n');
    const lines = totalPart!.split('\n');
    expect(lines[0]).toBe('**勾稽关系**: 表三每一列：（七）总计 = （一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）1–3');
    expect(lines[2]).toBe(`计算结果 **${total.value! + 3}** · 表中所填 **${total.value}** · 差额 **-3** — ✗ 不相符`);
    expect(lines.slice(4, 6)).toEqual(['| | 分项 | 数值 |', '| --- | --- | ---: |']);
    expect(lines).toContain(`| （三）不予公开 | 1.属于国家秘密 | ${addend.value! + 3} |`);
    expect(lines).toContain(`|  | 2.其他法律行政法规禁止公开 | ${cellOf(broken, 'withheldProhibitedByLaw', 'naturalPerson').value} |`);
    // Every outcome row is one line of the table: 2 + 8 + 3 + 5 + 3 = 21 in the 2021 format.
    expect(lines.filter((l) => /^\| .* \| \d+ \|$/u.test(l))).toHaveLength(21);
  });

  it('a row total on the same row: its six addends across, as in the report', () => {
    const value = hoverOn('withheldStateSecret', 'total');
    expect(value).toContain('差额 **-3** — ✗ 不相符');
    expect(value).toContain('| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n| ---: | ---: | ---: | ---: | ---: | ---: |');
  });
});
