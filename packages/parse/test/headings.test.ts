import { describe, expect, it } from 'vitest';
import { parseReport, toReportData } from '@nianbao/parse';
import { HEADINGS, expectedData, gfmReport, pdfReport, placeOf, wordReport } from './fixtures/synthetic.js';

const SECTION_IDS = ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'];

function withHeading(index: number, heading: string, make = pdfReport): string {
  const text = make().text;
  const from = HEADINGS[index]!;
  if (!text.includes(from)) throw new Error(from);
  return text.replace(from, heading);
}

function headingOf(text: string, id: string) {
  const doc = parseReport(text);
  expect(doc.sections.map((s) => s.id)).toEqual(SECTION_IDS);
  return doc.sections.find((s) => s.id === id)!.heading;
}

describe('section headings as written', () => {
  it('`3、` for `三、`: section 三, numeral arabic, the numeral and title placed', () => {
    const text = withHeading(2, '3、 收到和处理政府信息公开申请情况');
    const h = headingOf(text, 'applications');
    expect(h.numeral).toMatchObject({ text: '3、', status: 'arabic' });
    expect(h.numeral.span.start).toEqual(placeOf(text, '3、 收到'));
    expect(h.title).toMatchObject({ text: '收到和处理政府信息公开申请情况', wording: 'canonical' });
    expect(h.title.span.start).toEqual(placeOf(text, '收到和处理政府信息公开申请情况'));
    // The table under it is still Table 三 in section 三.
    const result = toReportData(parseReport(text));
    expect(result.ok && result.data.tables).toEqual(expectedData(pdfReport()).tables);
  });

  it('`、主动公开…` (numeral missing)', () => {
    const h = headingOf(withHeading(1, '、主动公开政府信息情况'), 'activeDisclosure');
    expect(h.numeral).toMatchObject({ text: '、', status: 'missing' });
    expect(h.title.wording).toBe('canonical');
  });

  it('a wrong numeral is reported as wrong, the section still recognized by its words', () => {
    const h = headingOf(withHeading(3, '五、政府信息公开行政复议、行政诉讼情况'), 'reviewLitigation');
    expect(h.numeral.status).toBe('wrong');
  });

  it('half-width `1.` style numerals and full-width/half-width mixes', () => {
    expect(headingOf(withHeading(0, '一. 总体情况'), 'overview').numeral.status).toBe('other-style');
    expect(headingOf(withHeading(5, '六、其他需要报告的事项：'), 'otherMatters').title.text).toBe('其他需要报告的事项');
  });

  const variants: Array<[number, string, string]> = [
    [1, '二、主动公开政府信息的情况', 'activeDisclosure'],
    [2, '三、收到和处理政府信息公开申请的情况', 'applications'],
    [4, '五、存在的主要问题及改进措施', 'problems'],
    [3, '四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况', 'reviewLitigation'],
  ];
  for (const [index, heading, id] of variants) {
    it(`variant: ${heading}`, () => {
      const h = headingOf(withHeading(index, heading), id);
      expect(h.title.wording).toBe('variant');
      expect(h.numeral.status).toBe('canonical');
    });
  }

  const misspellings: Array<[number, string, string]> = [
    [3, '四、政务信息公开行政复议、行政诉讼情况', 'reviewLitigation'],
    [5, '六、其他报告的事项', 'otherMatters'],
  ];
  for (const [index, heading, id] of misspellings) {
    it(`misspelling: ${heading}`, () => {
      expect(headingOf(withHeading(index, heading), id).title.wording).toBe('misspelling');
    });
  }

  it('a heading with spaces from PDF export is the canonical words', () => {
    const h = headingOf(withHeading(0, '一、 总 体 情 况'), 'overview');
    expect(h.title.wording).toBe('normalized');
  });

  it('a Markdown heading reports its depth', () => {
    const text = gfmReport().text.replace('## 三、', '### 三、');
    expect(headingOf(text, 'applications').markdownDepth).toBe(3);
  });
});

describe('what is not a section heading', () => {
  it('Table 三 row labels alone on a line (`三、本年度办理结果`, `四、结转下年度继续办理`) in Word text', () => {
    // As Word exports them: the group label untabbed on its own line, the last row label after a tab.
    const report = wordReport();
    const text = report.text.replace('\t三、本年度办理结果', '三、本年度办理结果');
    expect(text).not.toBe(report.text);
    const doc = parseReport(text);
    expect(doc.sections.map((s) => s.heading.text)).toEqual(HEADINGS);
    const result = toReportData(doc);
    expect(result.ok && result.data).toEqual(expectedData(report));
  });

  it('the same labels alone on a plain line in PDF text', () => {
    const report = pdfReport();
    const text = report.text
      .replace('三、本年度办理结果\t', '三、本年度办理结果\n\t')
      .replace(/\n四、结转下年度继续办理\t\t/u, '\n四、结转下年度继续办理\n\t\t');
    const doc = parseReport(text);
    expect(doc.sections.map((s) => s.heading.text)).toEqual(HEADINGS);
    const result = toReportData(doc);
    expect(result.ok && result.data.tables).toEqual(expectedData(report).tables);
  });

  it('a paragraph that starts with a numeral and mentions a section title', () => {
    const text = pdfReport().text.replace(
      '（二）依申请公开。',
      '二、主动公开政府信息情况方面，本年度共主动公开信息120条，较上年有所增加，群众满意度进一步提升。\n\n（二）依申请公开。',
    );
    expect(parseReport(text).sections.map((s) => s.heading.text)).toEqual(HEADINGS);
  });

  it('a sub-heading such as （一）主动公开 is not section 二', () => {
    const text = pdfReport().text.replace('（一）主动公开。本年度', '（一）主动公开\n\n本年度');
    expect(parseReport(text).sections.map((s) => s.heading.text)).toEqual(HEADINGS);
  });
});
