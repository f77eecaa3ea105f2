import { describe, expect, it } from 'vitest';
import { parseReport, toReportData, type ReportDocument, type Span } from '@nianbao/parse';
import {
  HEADINGS,
  expectedData,
  gfmReport,
  markdownTabReport,
  pdfReport,
  placeOf,
  report2019,
  wordReport,
  type SyntheticReport,
} from './fixtures/synthetic.js';

function extract(report: SyntheticReport, fileName?: string) {
  const doc = parseReport(report.text, fileName ? { fileName } : {});
  const result = toReportData(doc);
  if (!result.ok) throw new Error(`not extracted: ${result.reason}`);
  return { doc, data: result.data };
}

const slice = (doc: ReportDocument, span: Span): string => doc.text.slice(span.start.offset, span.end.offset);

/** Every cell and every label of every table covers exactly its text in the source. */
function expectSpansCoverText(doc: ReportDocument): void {
  let checked = 0;
  for (const table of doc.tables) {
    for (const row of [...table.rows, ...table.unrecognized]) {
      for (const cell of row.cells) {
        expect(slice(doc, cell.span)).toBe(cell.text);
        checked++;
      }
    }
    for (const label of [...table.labels, ...table.rows.flatMap((r) => (r.label ? [r.label] : []))]) {
      if (label.pieces) expect(label.pieces.map((p) => slice(doc, p)).join('')).toBe(label.text);
      else expect(slice(doc, label.span)).toBe(label.text);
    }
  }
  expect(checked).toBeGreaterThan(100);
}

function cell(doc: ReportDocument, table: string, row: string, column: string) {
  const found = doc.tables.find((t) => t.id === table)?.rows.find((r) => r.id === row)?.cells.find((c) => c.column === column);
  if (!found) throw new Error(`no cell ${table}.${row}.${column}`);
  return found;
}

function expectAt(span: Span, text: string, needle: string, nth = 0): void {
  const p = placeOf(text, needle, nth);
  expect(span.start).toEqual(p);
  expect(span.end.offset).toBe(p.offset + needle.length);
}

const layouts: Array<[string, () => SyntheticReport, ReportDocument['layout'], string]> = [
  ['(a) PDF text, one row per line', pdfReport, 'text', 'row-per-line'],
  ['(b) Word text, one cell per line', wordReport, 'text', 'cell-per-line'],
  ['(c) Markdown with GFM tables', gfmReport, 'markdown', 'grid'],
  ['(d) Markdown headings with tab-separated tables', markdownTabReport, 'markdown', 'row-per-line'],
];

describe('every layout gives the same data', () => {
  for (const [name, make, layout, mode] of layouts) {
    describe(name, () => {
      const report = make();

      it('extracts every fact and every cell', () => {
        const { doc, data } = extract(report);
        expect(doc.layout).toBe(layout);
        expect(doc.tables.map((t) => [t.id, t.mode])).toEqual([
          ['activeDisclosure', mode],
          ['applications', mode],
          ['reviewLitigation', mode],
        ]);
        expect(data).toEqual(expectedData(report));
      });

      it('finds the six sections at their headings', () => {
        const { doc } = extract(report);
        expect(doc.sections.map((s) => s.heading.text)).toEqual(HEADINGS);
        expect(doc.sections.map((s) => s.heading.numeral.status)).toEqual(Array(6).fill('canonical'));
        for (const [i, s] of doc.sections.entries()) {
          expectAt(s.heading.span, report.text, HEADINGS[i]!);
          expect(s.heading.title.text).toBe(HEADINGS[i]!.slice(2));
          expect(slice(doc, s.heading.title.span)).toBe(s.heading.title.text);
        }
        if (layout === 'markdown') expect(doc.sections.every((s) => s.heading.markdownDepth === 2)).toBe(true);
        // Each table stands in its own section.
        expect(doc.tables.map((t) => t.section)).toEqual(['activeDisclosure', 'applications', 'reviewLitigation']);
      });

      it('places labels and cells where they are written', () => {
        const { doc } = extract(report);
        expectSpansCoverText(doc);
        const t3 = doc.tables.find((t) => t.id === 'applications')!;
        const row = t3.rows.find((r) => r.id === 'carriedForward')!;
        expectAt(row.label!.span, report.text, '四、结转下年度继续办理');
        // 2507 stands once in the text: the total of the last row.
        expectAt(cell(doc, 'applications', 'carriedForward', 'total').span, report.text, '2507');
        expectAt(cell(doc, 'applications', 'newReceived', 'naturalPerson').span, report.text, '101');
        expectAt(cell(doc, 'reviewLitigation', 'litigationAfterReview', 'upheld').span, report.text, '61');
        expectAt(cell(doc, 'activeDisclosure', 'administrativeFees', 'feeAmount').span, report.text, '10.5');
      });
    });
  }

  it('(b) Word text: a header and a row label wrapped onto an untabbed line are joined, each piece placed', () => {
    const report = wordReport();
    const { doc } = extract(report);
    const t3 = doc.tables.find((t) => t.id === 'applications')!;
    const commercial = t3.labels.find((l) => l.match.id === 'commercial')!;
    expect(commercial.text).toBe('商业企业');
    expect(commercial.pieces?.map((p) => slice(doc, p))).toEqual(['商业', '企业']);
    expect(commercial.pieces?.[1]!.start.column).toBe(1);
    const third = t3.rows.find((r) => r.id === 'withheldThirdParty')!;
    expect(third.label?.text).toBe('4.保护第三方合法权益');
    expect(third.label?.pieces?.map((p) => p.start)).toEqual([placeOf(report.text, '4.保护第三'), placeOf(report.text, '方合法权益')]);
    expect(third.cells.map((c) => c.value)).toEqual([801, 802, 803, 804, 805, 806, 807]);
    expect(doc.tolerances.filter((t) => t.kind === 'split-label').map((t) => t.found)).toEqual(['商业企业', '4.保护第三方合法权益']);
  });

  it('a .md file name forces the Markdown reader, and plain-text tables still read', () => {
    for (const make of [pdfReport, wordReport]) {
      const report = make();
      const { doc, data } = extract(report, 'report.md');
      expect(doc.layout).toBe('markdown');
      expect(data).toEqual(expectedData(report));
    }
  });

  it('Word text under Markdown headings: tab-indented cells are not indented code', () => {
    const report = wordReport();
    const text = report.text.replace(/^(?=[一二三四五六]、)/gmu, '## ');
    const doc = parseReport(text);
    expect(doc.layout).toBe('markdown');
    expect(doc.tables.map((t) => t.mode)).toEqual(['cell-per-line', 'cell-per-line', 'cell-per-line']);
    const result = toReportData(doc);
    expect(result.ok && result.data).toEqual(expectedData(report));
  });

  it('a fenced code block in Markdown is not read', () => {
    const report = gfmReport();
    const text = report.text.replace('## 五、', '```\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\t1\n```\n\n## 五、');
    const result = toReportData(parseReport(text));
    expect(result.ok && result.data).toEqual(expectedData(report));
  });
});

describe('(e) a 2019-format report', () => {
  const amounts: Array<[string, number]> = [
    ['0 元', 0],
    ['73802895.90元', 73802895.9],
    ['12.5万元', 125000],
  ];
  for (const [amount, yuan] of amounts) {
    it(`reads 采购总金额 written as ${amount}`, () => {
      const report = report2019(amount);
      const { doc, data } = extract(report);
      expect(doc.tableFormatYear).toBe(2019);
      expect(data).toEqual(expectedData(report, yuan));
      const total = cell(doc, 'activeDisclosure', 'procurement', 'totalAmount');
      expectAt(total.span, report.text, amount);
      expect(total.unit).toBe(amount.endsWith('万元') ? '万元' : '元');
    });
  }

  it('keeps negative 本年增/减 and reads （六）其他处理 as one row', () => {
    const report = report2019();
    const { doc, data } = extract(report);
    expect(data.tables.activeDisclosure['licensing']).toEqual({ previousCount: 7, change: -3, decisions: 8 });
    expect(data.tables.activeDisclosure['enforcement']).toEqual({ previousCount: 15, change: -16, decisions: 17 });
    const t3 = doc.tables.find((t) => t.id === 'applications')!;
    expect(t3.rows).toHaveLength(23);
    expect(t3.missingRows).toEqual([]);
    const other = t3.rows.find((r) => r.id === 'otherHandling')!;
    expect(other.label?.text).toBe('（六）其他处理');
    expect(other.cells.map((c) => c.value)).toEqual([2101, 2102, 2103, 2104, 2105, 2106, 2107]);
    expectSpansCoverText(doc);
  });

  it('the 2021 shape in a 2021 report is not mistaken for 2019', () => {
    expect(parseReport(pdfReport().text).tableFormatYear).toBe(2021);
  });
});
