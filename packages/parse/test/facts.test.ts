import { describe, expect, it } from 'vitest';
import { parseReport, toReportData } from '@nianbao/parse';
import { AGENCY, FEE_BODY, expectedData, gfmReport, pdfReport, placeOf, titleLine, wordReport } from './fixtures/synthetic.js';

function data(text: string) {
  const result = toReportData(parseReport(text));
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

function replaced(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`not in the text: ${String(from)}`);
  return text.replace(from, to);
}

const PERIOD = '本报告中所列数据统计期限为2023年1月1日至2023年12月31日。';

describe('title, agency and year', () => {
  it('a title on one line, placed', () => {
    const text = pdfReport().text;
    const doc = parseReport(text);
    expect(doc.title).toMatchObject({ text: titleLine(2023), year: 2023, agency: AGENCY });
    expect(doc.title?.span.start).toEqual({ line: 1, column: 1, offset: 0 });
    expect(doc.title?.yearSpan?.start).toEqual(placeOf(text, '2023年'));
    expect(doc.reportYear).toBe(2023);
  });

  it('a title broken over two lines: the agency, then the year and the rest', () => {
    const text = replaced(pdfReport().text, titleLine(2023), `${AGENCY}\n2023年政府信息公开工作年度报告`);
    const doc = parseReport(text);
    expect(doc.title).toMatchObject({ text: titleLine(2023), year: 2023, agency: AGENCY });
    expect(doc.title?.span.end.line).toBe(2);
    // The agency line is not left over as a paragraph of its own.
    expect(doc.paragraphs.some((p) => p.text === AGENCY)).toBe(false);
    expect(data(text)).toEqual(expectedData(pdfReport()));
  });

  const breaks: Array<[string, string, string]> = [
    ['after the year', `${AGENCY}2023年\n政府信息公开工作年度报告`, titleLine(2023)],
    ['inside the words', `${AGENCY}2023年政府信息\n公开工作年度报告`, titleLine(2023)],
    ['before 年度, both lines indented', `  ${AGENCY}  \n  2023年度政府信息公开工作年度报告`, `${AGENCY}2023年度政府信息公开工作年度报告`],
    // A centred title on a narrow page wraps wherever the line is full, the year's digits too.
    ['inside the year', `${AGENCY}202\n3年政府信息公开工作年度报告`, titleLine(2023)],
    ['inside the year, the next line indented', `      ${AGENCY}20\n       23年政府信息公开工作年度报告`, titleLine(2023)],
  ];
  for (const [name, written, title] of breaks) {
    it(`a title broken ${name}`, () => {
      const text = replaced(pdfReport().text, titleLine(2023), written);
      const doc = parseReport(text);
      expect(doc.title).toMatchObject({ year: 2023, agency: AGENCY });
      expect(doc.title?.text).toBe(title);
      expect(doc.paragraphs[0]?.text.startsWith('本报告依据')).toBe(true);
    });
  }

  it('a line ending in digits above a title is not its year unless the two make one (`…局12` / `2023年…`, `…局20` / `3年…`)', () => {
    for (const written of [`${AGENCY}12\n2023年政府信息公开工作年度报告`, `${AGENCY}20\n3年政府信息公开工作年度报告`]) {
      const doc = parseReport(replaced(pdfReport().text, titleLine(2023), written));
      expect(doc.title?.span.start.line, written).toBe(2);
    }
  });

  it('a date line above the title is not part of it', () => {
    const text = replaced(pdfReport().text, titleLine(2023), `2024年1月15日\n${AGENCY}政府信息公开工作年度报告`);
    const doc = parseReport(text);
    expect(doc.title).toMatchObject({ text: `${AGENCY}政府信息公开工作年度报告`, year: null });
  });

  it('a Markdown title, spaced and with 年度', () => {
    const text = replaced(gfmReport().text, `# ${titleLine(2023)}`, `# ${AGENCY} 2023 年度 政府信息公开工作年度报告`);
    const d = data(text);
    expect(d.title).toBe(`${AGENCY}2023年度政府信息公开工作年度报告`);
    expect(d.agency).toEqual({ name: AGENCY, kind: '乡镇街道' });
    expect(d.reportYear).toBe(2023);
  });

  it('the year first, the agency after it (`2023年某某局政府信息公开工作年度报告`)', () => {
    const text = replaced(pdfReport().text, titleLine(2023), '2023年测试市教育局政府信息公开工作年度报告');
    expect(data(text).agency).toEqual({ name: '测试市教育局', kind: '部门' });
  });

  it('without a year in the title the 统计期限 gives it', () => {
    const text = replaced(pdfReport().text, titleLine(2023), `${AGENCY}政府信息公开工作年度报告`);
    const doc = parseReport(text);
    expect(doc.title?.year).toBeNull();
    expect(doc.reportYear).toBe(2023);
  });
});

describe('统计期限', () => {
  const forms: Array<[string, string, { start: string | null; end: string | null; text?: string }]> = [
    ['为…至…', PERIOD, { start: '2023-01-01', end: '2023-12-31' }],
    ['自…起至…止', '本报告统计期限自2023年1月1日起至2023年12月31日止。', { start: '2023-01-01', end: '2023-12-31' }],
    ['…—…', '本年度报告所列数据统计期限为2023年1月1日—2023年12月31日。', { start: '2023-01-01', end: '2023-12-31' }],
    ['the end without its year (`至12月31日`)', '本报告中所列数据统计期限为2023年1月1日至12月31日。', { start: '2023-01-01', end: '2023-12-31' }],
    ['自…起至…止, the end without its year', '统计期限自2023年1月1日起至12月31日止。', { start: '2023-01-01', end: '2023-12-31' }],
    ['Chinese numerals', '统计期限为二〇二三年一月一日至十二月三十一日。', { start: '2023-01-01', end: '2023-12-31' }],
    ['spaced digits', '本报告中所列数据统计期限为 2023 年 1 月 1 日至 2023 年 12 月 31 日。', { start: '2023-01-01', end: '2023-12-31' }],
    ['garbled (`202311日`)', '本报告中所列数据统计期限为202311日至2023年12月31日。', { start: null, end: '2023-12-31', text: '统计期限为202311日至2023年12月31日' }],
    ['an impossible date', '本报告中所列数据统计期限为2023年1月1日至2023年12月32日。', { start: '2023-01-01', end: null, text: '统计期限为2023年1月1日至2023年12月32日' }],
  ];
  for (const [name, sentence, period] of forms) {
    it(name, () => {
      const text = replaced(pdfReport().text, PERIOD, sentence);
      const doc = parseReport(text);
      // The statement's own words travel with the dates (checked against the source just below).
      expect(data(text).period).toEqual({ ...period, text: period.text ?? doc.period!.text });
      expect(doc.period!.text).toMatch(/^统计期限/u);
      expect(doc.period?.span.start).toEqual(placeOf(text, '统计期限'));
      expect(text.slice(doc.period!.span.start.offset, doc.period!.span.end.offset)).toBe(doc.period!.text);
    });
  }

  it('not stated: null', () => {
    expect(data(replaced(pdfReport().text, PERIOD, '')).period).toBeNull();
  });
});

describe('cited notices', () => {
  it('the 2021 notice, placed', () => {
    const text = pdfReport().text;
    const doc = parseReport(text);
    expect(doc.notices.map((n) => [n.normalized, n.formatYear])).toEqual([['国办公开办函〔2021〕30号', 2021]]);
    expect(doc.notices[0]!.span.start).toEqual(placeOf(text, '国办公开办函〔2021〕30号'));
  });

  it('written with other brackets and spaces', () => {
    const text = replaced(pdfReport().text, '国办公开办函〔2021〕30号', '国办公开办函 [2021] 30 号');
    expect(data(text).citedNotice).toBe('国办公开办函〔2021〕30号');
  });

  it('the 2019 notice in a 2023 report is read as cited (a rule judges it)', () => {
    const text = replaced(pdfReport().text, '〔2021〕30号', '〔2019〕60号');
    const d = data(text);
    expect(d.citedNotice).toBe('国办公开办函〔2019〕60号');
    expect(d.formatYear).toBe(2021);
  });

  it('another document number is not a notice; none cited gives null', () => {
    const text = replaced(pdfReport().text, '（国办公开办函〔2021〕30号）', '（哈政办发〔2022〕18号）');
    expect(parseReport(text).notices).toEqual([]);
    expect(data(text).citedNotice).toBeNull();
  });
});

describe('落款 date', () => {
  const dates: Array<[string, string, string | null]> = [
    ['Arabic numerals', '2024年1月15日', '2024-01-15'],
    ['Chinese numerals', '二〇二四年一月十五日', '2024-01-15'],
    ['Chinese numerals with ○ and 二十', '二○二四年二月二十日', '2024-02-20'],
    ['an impossible date', '2024年2月30日', null],
  ];
  for (const [name, written, iso] of dates) {
    it(name, () => {
      const text = replaced(pdfReport().text, '2024年1月15日', written);
      const doc = parseReport(text);
      expect(doc.signatureDate).toMatchObject({ text: written, iso });
      expect(doc.signatureDate?.span.start).toEqual(placeOf(text, written));
      expect(data(text).publicationDate).toBe(iso);
    });
  }

  it('a date inside a sentence is not the 落款', () => {
    const text = replaced(pdfReport().text, /\n2024年1月15日\n/u, '\n本报告于2024年1月15日经审定后发布。\n');
    expect(data(text).publicationDate).toBeNull();
  });
});

describe('contact details', () => {
  it('unit, address, postcode, phone and e-mail', () => {
    expect(data(pdfReport().text).contact).toEqual(expectedData(pdfReport()).contact);
  });

  it('a website and a phone written with full-width digits', () => {
    const text = replaced(
      pdfReport().text,
      '电话：0451-12345678',
      '电话：０４５１－１２３４５６７８；网址：http://www.example.gov.cn/xxgk/index.html',
    );
    expect(data(text).contact).toMatchObject({ phone: '0451-12345678', website: 'http://www.example.gov.cn/xxgk/index.html' });
  });

  it('none given: null', () => {
    const text = replaced(pdfReport().text, /如对本报告有任何疑问[^\n]*/u, '');
    expect(data(text).contact).toBeNull();
  });
});

describe('信息处理费', () => {
  const statements: Array<[string, string, unknown]> = [
    ['none collected', FEE_BODY, { collected: false }],
    ['none, as 信息费', '本年度无收取信息费情况。', { collected: false }],
    ['an amount in 元', '本年度共收取信息处理费120元。', { collected: true, amountYuan: 120 }],
    ['an amount in 万元', '本年度收取信息处理费0.5万元。', { collected: true, amountYuan: 5000 }],
    ['an amount of 0 元', '本年度收取信息处理费0元。', { collected: false }],
    ['only the regulation named', '根据《政府信息公开信息处理费管理办法》要求，做好相关工作。', null],
    ['not stated', '本年度无其他需要报告的事项。', null],
  ];
  for (const [name, sentence, fee] of statements) {
    it(name, () => {
      const text = replaced(pdfReport().text, FEE_BODY, sentence);
      expect(data(text).processingFee).toEqual(fee);
    });
  }

  it('the statement is placed', () => {
    const text = pdfReport().text;
    const doc = parseReport(text);
    expect(doc.fee?.span.start).toEqual(placeOf(text, FEE_BODY));
    expect(doc.fee?.text).toBe(FEE_BODY);
  });
});

describe('artifacts', () => {
  it('`[bookmark: _GoBack]`, control characters, zero-width spaces and U+FFFD, each placed', () => {
    const report = wordReport();
    const text = replaced(
      replaced(replaced(report.text, FEE_BODY, `[bookmark: _GoBack]${FEE_BODY}`), '一、总体情况', '一、总体\u200b情况'),
      '（一）主动公开。',
      '（一）主动公开\u0007。\ufffd',
    );
    const doc = parseReport(text);
    expect(doc.artifacts.map((a) => [a.kind, a.text, a.span.start])).toEqual([
      ['zero-width', '\u200b', placeOf(text, '\u200b')],
      ['control-character', '\u0007', placeOf(text, '\u0007')],
      ['replacement-character', '\ufffd', placeOf(text, '\ufffd')],
      ['bookmark', '[bookmark: _GoBack]', placeOf(text, '[bookmark')],
    ]);
    // They do not stop the report from being read.
    expect(doc.sections).toHaveLength(6);
    const d = data(text);
    expect(d.tables).toEqual(expectedData(report).tables);
    expect(d.processingFee).toEqual({ collected: false });
  });
});

describe('facts found where real reports put them', () => {
  it('the 落款 date on the line right under the agency name (one paragraph with it)', () => {
    const doc = parseReport('某某区教育局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n\n某某区教育局\n2024年1月20日\n');
    expect(doc.signatureDate?.iso).toBe('2024-01-20');
    expect(doc.signatureDate?.span.start).toMatchObject({ line: 8, column: 1 });
  });

  it('a 统计 word without dates (统计时间节点) does not hide the real period statement', () => {
    const doc = parseReport('某某区2023年政府信息公开工作年度报告\n\n按统计时间节点报送。本报告所列数据统计期限为2023年1月1日至2023年12月31日。\n');
    expect(doc.period?.start?.iso).toBe('2023-01-01');
    expect(doc.period?.end?.iso).toBe('2023-12-31');
  });

  it('a sub-head numbered （二） is never a section heading, even with a section’s words', () => {
    const doc = parseReport('一、总体情况\n\n（二）主动公开政府信息情况\n\n二、主动公开政府信息情况\n');
    expect(doc.sections.map((s) => s.id)).toEqual(['overview', 'activeDisclosure']);
    expect(doc.paragraphs.find((p) => p.enumerator?.text.startsWith('（二）'))?.headingLike).toBe(true);
  });

  it('a Markdown sub-heading is a paragraph of its section', () => {
    const doc = parseReport('## 一、总体情况\n\n### （一）主动公开\n\n正文。\n', { fileName: 'r.md' });
    expect(doc.paragraphs[0]).toMatchObject({ text: '（一）主动公开', section: 'overview', headingLike: true });
  });
});
