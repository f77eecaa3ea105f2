import { describe, expect, it } from 'vitest';
import { FORMATS } from '@nianbao/format';
import type { Diagnostic } from '@nianbao/lint';
import { esc, webLink } from '../src/formatters/review/escape.js';
import { excerptHtml } from '../src/formatters/review/excerpt.js';
import type { SnapshotCell, SnapshotTable } from '../src/formatters/review/snapshot.js';
import { summarize } from '../src/formatters/review/summary.js';
import { tableHtml } from '../src/formatters/review/table.js';

const finding = (over: Partial<Diagnostic>): Diagnostic => ({
  ruleId: 'row-total',
  severity: 'error',
  message: 'm',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  startOffset: 0,
  endOffset: 1,
  url: 'file:///x',
  related: [],
  ...over,
});

describe('the review summary', () => {
  it('counts by severity, rule, agency and file; a suppressed finding only as suppressed', () => {
    const s = summarize([
      { file: 'a.txt', text: '', diagnostics: [finding({}), finding({ ruleId: 'balance' }), finding({ severity: 'warning', ruleId: 'table-label' })], report: { agency: '甲局', agencyKind: '部门', reportYear: 2023, formatYear: 2021, publicationDate: null, tables: [] } },
      { file: 'b.txt', text: '', diagnostics: [finding({ suppressed: { reason: 'r', line: 1 } })] },
      { file: 'c.txt', text: '', diagnostics: [finding({ severity: 'warning' })], report: { agency: '甲局', agencyKind: '部门', reportYear: 2022, formatYear: 2021, publicationDate: null, tables: [] } },
    ]);
    expect([s.files, s.errors, s.warnings, s.info, s.suppressed]).toEqual([3, 2, 2, 0, 1]);
    expect(s.byRule.map((r) => [r.id, r.errors, r.warnings, r.files])).toEqual([
      ['row-total', 1, 1, 2],
      ['balance', 1, 0, 1],
      ['table-label', 0, 1, 1],
    ]);
    expect(s.byAgency.map((a) => [a.agency, a.files, a.errors, a.warnings])).toEqual([
      ['甲局', 2, 2, 2],
      [null, 1, 0, 0],
    ]);
    expect(s.worst.map((f) => f.file)).toEqual(['a.txt', 'c.txt', 'b.txt']);
  });
});

describe('a table on the review page', () => {
  const format = FORMATS[2021];
  const spec = format.tables.applications;
  // 一、本年新收: every applicant 1 except 其他 0, 总计 written 6 instead of 5; each cell 2 characters in the file.
  let offset = 0;
  const cells: SnapshotCell[] = spec.rows.flatMap((row) =>
    row.columns.map((column) => {
      const value = row.id === 'newReceived' ? (column === 'total' ? 6 : column === 'other' ? 0 : 1) : 0;
      const start = (offset += 2);
      return { row: row.id, column, state: 'number' as const, value, text: String(value), start, end: start + 1 };
    }),
  );
  const table: SnapshotTable = { id: 'applications', cells };
  const total = cells.find((c) => c.row === 'newReceived' && c.column === 'total')!;

  it('is the format’s grid: every label once, every value cell with its row and column', () => {
    const page = tableHtml({ format, table, findings: [], locale: 'zh', anchor: 'f0-' });
    for (const row of spec.rows) expect(page.split(`>${row.label}<`).length - 1).toBe(1);
    expect(page.match(/<td /gu)).toHaveLength(cells.length);
    expect(page).not.toContain('fail');
  });

  it('marks the cell a finding points at, with the failing identity’s sums and difference in its tip', () => {
    const page = tableHtml({ format, table, findings: [{ n: 3, d: finding({ startOffset: total.start, endOffset: total.end }) }], locale: 'zh', anchor: 'f0-' });
    const marked = page.match(/<td class="[^"]*fail[^"]*"[^>]*>.*?<\/td>/gu) ?? [];
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain('data-row="newReceived" data-column="total"');
    expect(marked[0]).toContain('fail-error');
    expect(marked[0]).toContain('<a href="#f0-3">3</a>');
    expect(marked[0]).toContain('左边合计 6，右边合计 5，相差 1');
  });

  it('a finding of a rule that is no identity marks the cell without a formula', () => {
    const page = tableHtml({ format, table, findings: [{ n: 1, d: finding({ ruleId: 'cell-value', severity: 'warning', startOffset: total.start, endOffset: total.end }) }], locale: 'zh', anchor: 'f0-' });
    expect(page).toContain('fail-warning');
    expect(page).not.toContain('左边合计');
  });
});

describe('report text on the page', () => {
  it('is escaped, and only web links are links', () => {
    expect(esc(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(webLink('file:///home/me/docs/rules/x.md')).toBeUndefined();
    expect(webLink('https://example.org/x.md')).toBe('https://example.org/x.md');
  });

  it('the excerpt marks the finding’s range, a window of a long line', () => {
    expect(excerptHtml(['a<b>c'], { line: 1, column: 2, endLine: 1, endColumn: 5 })).toBe('<pre class="src"><span class="ln">1</span>a<mark>&lt;b&gt;</mark>c</pre>');
    const long = `${'甲'.repeat(200)}错${'乙'.repeat(200)}`;
    const html = excerptHtml([long], { line: 1, column: 201, endLine: 1, endColumn: 202 });
    expect(html).toContain('…');
    expect(html).toContain('<mark>错</mark>');
    expect(html.length).toBeLessThan(200);
    expect(excerptHtml(['', 'x'], { line: 1, column: 1, endLine: 1, endColumn: 1 })).toBe('');
  });
});
