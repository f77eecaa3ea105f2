import { describe, expect, it } from 'vitest';
import { parseReport, toReportData, type ReportDocument } from '@nianbao/parse';
import { FORMATS, type ReportData } from '@nianbao/format';
import { applicationValue, expectedData, gfmReport, gfmReport2019, pdfReport, placeOf, reviewRows, wordReport } from './fixtures/synthetic.js';

function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`not in the text: ${from}`);
  return text.replace(from, to);
}

function extract(text: string): { doc: ReportDocument; data: ReportData } {
  const doc = parseReport(text);
  const result = toReportData(doc);
  if (!result.ok) throw new Error(result.reason);
  return { doc, data: result.data };
}

const values = (row: number, from = 0, to = 7): string[] => Array.from({ length: to - from }, (_, j) => String(applicationValue(row, from + j)));
const rowIndex = (id: string): number => FORMATS[2021].tables.applications.rows.findIndex((r) => r.id === id);

describe('a blank cell stays null, never 0', () => {
  it('a blank in the middle of a row (PDF text)', () => {
    const row = rowIndex('newReceived');
    const text = replaced(pdfReport().text, values(row).join('\t'), [...values(row, 0, 1), '', ...values(row, 2)].join('\t'));
    const { doc, data } = extract(text);
    const expected = expectedData(pdfReport());
    expected.tables.applications['newReceived']!['commercial'] = null;
    expect(data.tables).toEqual(expected.tables);
    expect(data.extractionIssues).toBeUndefined();
    const cell = doc.tables[1]!.rows.find((r) => r.id === 'newReceived')!.cells[1]!;
    expect(cell).toMatchObject({ column: 'commercial', kind: 'blank', value: null, text: '' });
  });

  it('a blank at the start: Table 四 with its 行政复议 block left empty', () => {
    const rows = reviewRows();
    const blankReview = ['', '', '', '', '', ...rows[3]!.slice(5)].join('\t');
    const text = replaced(pdfReport().text, rows[3]!.join('\t'), blankReview);
    const { doc, data } = extract(text);
    expect(data.tables.reviewLitigation['review']).toEqual({ upheld: null, corrected: null, otherResult: null, pending: null, total: null });
    expect(data.tables.reviewLitigation['litigationDirect']).toEqual({ upheld: 56, corrected: 57, otherResult: 58, pending: 59, total: 60 });
    expect(data.tables.reviewLitigation['litigationAfterReview']).toEqual({ upheld: 61, corrected: 62, otherResult: 63, pending: 64, total: 65 });
    expect(data.extractionIssues).toBeUndefined();
    const review = doc.tables[2]!.rows.find((r) => r.id === 'review')!;
    expect(review.cells.map((c) => c.kind)).toEqual(Array(5).fill('blank'));
  });

  it('a blank at the start in Word text (lone tabs)', () => {
    const report = wordReport();
    const review = reviewRows()[3]!.map((v) => `\t${v}`).join('\n');
    const text = replaced(report.text, review, ['\t', '\t', '\t', '\t', '\t', ...reviewRows()[3]!.slice(5).map((v) => `\t${v}`)].join('\n'));
    const { data } = extract(text);
    expect(data.tables.reviewLitigation['review']).toEqual({ upheld: null, corrected: null, otherResult: null, pending: null, total: null });
    expect(data.tables.reviewLitigation['litigationAfterReview']!['total']).toBe(65);
  });

  it('a blank in the middle of a row in Word text: the lone tab is an empty cell, not the end of the row', () => {
    const row = rowIndex('disclosed');
    const cells = values(row).map((v) => `\t${v}`);
    const text = replaced(wordReport().text, cells.join('\n'), [...cells.slice(0, 3), '\t', ...cells.slice(4)].join('\n'));
    const { doc, data } = extract(text);
    expect(data.tables.applications['disclosed']).toEqual({
      naturalPerson: 301, commercial: 302, research: 303, publicInterest: null, legalService: 305, other: 306, total: 307,
    });
    expect(data.extractionIssues).toBeUndefined();
    const blank = doc.tables[1]!.rows.find((r) => r.id === 'disclosed')!.cells[3]!;
    expect(blank.span.start.line).toBe(placeOf(text, '\t305').line - 1);
  });

  it('a blank at the end of a row', () => {
    const row = rowIndex('withheldStateSecret');
    const text = replaced(pdfReport().text, `\t${values(row).join('\t')}\n`, `\t${[...values(row, 0, 6), ''].join('\t')}\n`);
    const { data } = extract(text);
    expect(data.tables.applications['withheldStateSecret']).toEqual({
      naturalPerson: 501, commercial: 502, research: 503, publicInterest: 504, legalService: 505, other: 506, total: null,
    });
    expect(data.extractionIssues).toBeUndefined();
  });

  it('a cell with text where a number belongs is kept as text, null in the data, and listed', () => {
    const text = replaced(pdfReport().text, '\t903\t', '\t无\t');
    const { data } = extract(text);
    expect(data.tables.applications['withheldInternalAffairs']!['research']).toBeNull();
    expect(data.extractionIssues).toEqual([
      expect.objectContaining({ kind: 'cell-value', table: 'applications', row: 'withheldInternalAffairs', cells: [{ text: '无', ...lineColumn(text, '\t无\t', 1) }] }),
    ]);
  });
});

function lineColumn(text: string, needle: string, shift: number): { line: number; column: number } {
  const p = placeOf(text, needle);
  return { line: p.line, column: p.column + shift };
}

describe('a GFM grid says where a blank stands', () => {
  const row = `| 一、本年新收政府信息公开申请数量 |  | ${values(0).join(' | ')} |`;

  it('a blank total at the end of a row is the total, not a shift of every number', () => {
    const text = replaced(gfmReport().text, row, `| 一、本年新收政府信息公开申请数量 |  | ${values(0, 0, 6).join(' | ')} |  |`);
    const { data } = extract(text);
    expect(data.tables.applications['newReceived']).toEqual({
      naturalPerson: 101, commercial: 102, research: 103, publicInterest: 104, legalService: 105, other: 106, total: null,
    });
    expect(data.extractionIssues).toBeUndefined();
  });

  it('a row shorter than the header has empty cells at its end (GFM)', () => {
    const text = replaced(gfmReport().text, row, `| 一、本年新收政府信息公开申请数量 |  | ${values(0, 0, 6).join(' | ')} |`);
    const { data } = extract(text);
    expect(data.tables.applications['newReceived']!['total']).toBeNull();
    expect(data.tables.applications['newReceived']!['other']).toBe(106);
  });

  it('a blank first value after the label filler', () => {
    const text = replaced(gfmReport().text, row, `| 一、本年新收政府信息公开申请数量 |  |  | ${values(0, 1).join(' | ')} |`);
    const { data } = extract(text);
    expect(data.tables.applications['newReceived']!['naturalPerson']).toBeNull();
    expect(data.tables.applications['newReceived']!['commercial']).toBe(102);
  });

  it('Table 二 (2019): a blank 上一年项目数量 before 本年增/减 in a four-column grid', () => {
    const report = gfmReport2019();
    const text = replaced(report.text, '| 行政事业性收费 | 18 | 19 |  |', '| 行政事业性收费 |  | 19 |  |');
    const { data } = extract(text);
    expect(data.tables.activeDisclosure['administrativeFees']).toEqual({ previousCount: null, change: 19 });
    const full = extract(report.text).data;
    expect(full).toEqual(expectedData(report));
  });

  it('a grid row with a number outside the header\'s columns is too many, as found', () => {
    const text = replaced(gfmReport().text, '| 行政处罚 | 8 |  |  |', '| 行政处罚 | 8 | 0 | 0 |');
    const { data } = extract(text);
    expect(data.extractionIssues?.map((i) => [i.kind, i.row, i.cells?.map((c) => c.text)])).toEqual([['row-shape', 'punishment', ['8', '0', '0']]]);
  });
});

describe('rows of the wrong shape are kept as found', () => {
  it('a row with too many cells: shape too-many, cells with positions and no columns, listed', () => {
    const row = rowIndex('handledTotal');
    const text = replaced(pdfReport().text, values(row).join('\t'), [...values(row), '9999'].join('\t'));
    const { doc, data } = extract(text);
    const node = doc.tables[1]!.rows.find((r) => r.id === 'handledTotal')!;
    expect(node.shape).toBe('too-many');
    expect(node.expectedCells).toBe(7);
    expect(node.cells.map((c) => c.text)).toEqual([...values(row), '9999']);
    expect(node.cells.every((c) => c.column === undefined)).toBe(true);
    for (const c of node.cells) expect(text.slice(c.span.start.offset, c.span.end.offset)).toBe(c.text);
    expect(data.tables.applications['handledTotal']).toEqual(Object.fromEntries(FORMATS[2021].tables.applications.columns.map((c) => [c.id, null])));
    const first = placeOf(text, values(row)[0]!);
    expect(data.extractionIssues).toEqual([
      expect.objectContaining({
        kind: 'row-shape',
        table: 'applications',
        row: 'handledTotal',
        expectedCells: 7,
        line: first.line,
        cells: [...values(row), '9999'].map((t, i) => ({ text: t, line: first.line, column: placeOf(text, `\t${t}`, 0).column + 1 + 0 * i })),
      }),
    ]);
    // The rest of the table is untouched.
    expect(data.tables.applications['carriedForward']!['total']).toBe(2507);
  });

  it('a row with too few cells: shape too-few, listed, its neighbours intact', () => {
    const row = rowIndex('withheldProcess');
    const text = replaced(pdfReport().text, `\t${values(row).join('\t')}\n`, `\t${values(row, 0, 6).join('\t')}\n`);
    const { doc, data } = extract(text);
    const node = doc.tables[1]!.rows.find((r) => r.id === 'withheldProcess')!;
    expect(node.shape).toBe('too-few');
    expect(node.cells.map((c) => [c.text, c.column])).toEqual(values(row, 0, 6).map((t) => [t, undefined]));
    expect(Object.values(data.tables.applications['withheldProcess']!)).toEqual(Array(7).fill(null));
    expect(data.tables.applications['withheldEnforcementFile']!['total']).toBe(applicationValue(rowIndex('withheldEnforcementFile'), 6));
    expect(data.extractionIssues?.map((i) => [i.kind, i.row, i.expectedCells, i.cells?.length])).toEqual([['row-shape', 'withheldProcess', 7, 6]]);
  });

  it('Table 四 with 14 cells cannot be placed: too-few, all null, listed', () => {
    const rows = reviewRows();
    const text = replaced(pdfReport().text, rows[3]!.join('\t'), rows[3]!.slice(0, 14).join('\t'));
    const { data } = extract(text);
    expect(Object.values(data.tables.reviewLitigation).flatMap((r) => Object.values(r))).toEqual(Array(15).fill(null));
    expect(data.extractionIssues?.map((i) => [i.kind, i.table, i.cells?.length])).toEqual([['row-shape', 'reviewLitigation', 14]]);
  });
});

describe('tables without data', () => {
  it('a table with its header and no data row: all null, a no-data issue', () => {
    const rows = reviewRows();
    const text = replaced(pdfReport().text, `\n${rows[3]!.join('\t')}`, '');
    const { doc, data } = extract(text);
    const table = doc.tables.find((t) => t.id === 'reviewLitigation')!;
    expect(table.hasData).toBe(false);
    expect(table.labels.length).toBeGreaterThan(10);
    expect(Object.values(data.tables.reviewLitigation).flatMap((r) => Object.values(r))).toEqual(Array(15).fill(null));
    expect(data.extractionIssues).toEqual([expect.objectContaining({ kind: 'no-data', table: 'reviewLitigation', line: placeOf(text, '行政复议\t').line })]);
    expect(data.tables.applications).toEqual(expectedData(pdfReport()).tables.applications);
  });

  it('a missing table: all null, a table-missing issue, the others intact', () => {
    const report = pdfReport();
    const start = report.text.indexOf('行政复议\t');
    const end = report.text.indexOf('\n\n', start);
    const text = report.text.slice(0, start) + '本年度未发生行政复议、行政诉讼案件。' + report.text.slice(end);
    const { doc, data } = extract(text);
    expect(doc.tables.map((t) => t.id)).toEqual(['activeDisclosure', 'applications']);
    expect(Object.values(data.tables.reviewLitigation).flatMap((r) => Object.values(r))).toEqual(Array(15).fill(null));
    expect(data.extractionIssues).toEqual([expect.objectContaining({ kind: 'table-missing', table: 'reviewLitigation' })]);
    expect(data.extractionIssues?.[0]?.line).toBeUndefined();
    const expected = expectedData(report);
    expect(data.tables.activeDisclosure).toEqual(expected.tables.activeDisclosure);
    expect(data.tables.applications).toEqual(expected.tables.applications);
  });
});
