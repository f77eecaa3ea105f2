import { describe, expect, it } from 'vitest';
import { decodeText, parseReport, toReportData } from '@nianbao/parse';
import { expectedData, gfmReport, pdfReport, placeOf, wordReport } from './fixtures/synthetic.js';

/** A small seeded generator (mulberry32), so that the junk is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function junk(length: number, seed: number): Uint8Array {
  const next = seeded(seed);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(next() * 256);
  bytes[0] = 0; // at least one NUL, whatever the seed gives
  return bytes;
}

describe('parseReport never throws, and nothing recognizable is not a report', () => {
  const nothing: Array<[string, string | Uint8Array]> = [
    ['an empty string', ''],
    ['no bytes', new Uint8Array(0)],
    ['whitespace only', ' \n\t\n\u3000\r\n  \t\t\n'],
    ['binary junk with NULs', junk(64 * 1024, 20240115)],
    ['other binary junk', junk(3000, 7)],
    ['a huge single line', '政府信息公开'.repeat(300_000)],
    ['an unbalanced comment opener', '<!-- 草稿\n这里什么都没有。\n'],
    ['a lone tab', '\t'],
    ['pipes only', '|\n|---|\n|'],
  ];
  for (const [name, input] of nothing) {
    it(name, () => {
      const doc = parseReport(input);
      expect(doc.isReport).toBe(false);
      expect(doc.sections).toEqual([]);
      expect(doc.tables).toEqual([]);
      expect(toReportData(doc)).toEqual({ ok: false, reason: 'not-a-report' });
    });
  }

  it('binary junk is decoded as binary, without NULs in the text', () => {
    const decoded = decodeText(junk(64 * 1024, 20240115));
    expect(decoded.encoding).toBe('binary');
    expect(decoded.text).not.toContain('\0');
    // The same bytes give the same document.
    expect(parseReport(junk(64 * 1024, 20240115)).text).toBe(decoded.text);
  });

  it('a report with junk bytes inside is still read', () => {
    const text = pdfReport().text.replace('一、总体情况', '\u0001\u0002一、总体情况');
    const doc = parseReport(text);
    expect(doc.artifacts.filter((a) => a.kind === 'control-character')).toHaveLength(2);
    const result = toReportData(doc);
    expect(result.ok && result.data.tables).toEqual(expectedData(pdfReport()).tables);
  });

  it('a report without a year anywhere says no-year', () => {
    const text = pdfReport().text.replace(/\d{4}年/gu, '本年');
    expect(toReportData(parseReport(text))).toEqual({ ok: false, reason: 'no-year' });
  });
});

describe('an unbalanced `<!--` does not lose the report', () => {
  it('in text from PDF (the opener makes it look like Markdown)', () => {
    const report = pdfReport();
    const text = report.text.replace('一、总体情况', '<!-- 以下为正文\n一、总体情况');
    const doc = parseReport(text);
    expect(doc.comments).toEqual([]);
    const result = toReportData(doc);
    expect(result.ok && result.data).toEqual(expectedData(report));
  });

  it('in Word text', () => {
    const report = wordReport();
    const text = report.text.replace('二、主动公开政府信息情况', '<!--\n二、主动公开政府信息情况');
    const result = toReportData(parseReport(text));
    expect(result.ok && result.data).toEqual(expectedData(report));
  });

  it('in Markdown, a closed comment is collected and the text after it read', () => {
    const report = gfmReport();
    const text = report.text.replace('## 一、总体情况', '<!-- 审核意见：同意 -->\n\n## 一、总体情况');
    const doc = parseReport(text);
    expect(doc.comments.map((c) => c.text)).toEqual(['审核意见：同意']);
    const result = toReportData(doc);
    expect(result.ok && result.data).toEqual(expectedData(report));
  });

  it('in Markdown, an unclosed one does not hide the headings and tables after it', () => {
    // Markdown makes an unclosed `<!--` an HTML block running to the end of the file; the opener is far
    // more likely a slip than an intent to comment out the rest of the report.
    const report = gfmReport();
    const text = report.text.replace('## 二、', '<!-- 未完\n\n## 二、');
    const doc = parseReport(text);
    expect(doc.sections.map((s) => s.id)).toEqual(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters']);
    expect(doc.comments).toEqual([]);
    expect(doc.sections[1]!.heading.span.start).toEqual(placeOf(text, '二、主动公开'));
    const result = toReportData(doc);
    expect(result.ok && result.data).toEqual(expectedData(report));
  });

  it('in Markdown, an opener after a closed comment is the unclosed one', () => {
    const report = gfmReport();
    const text = report.text.replace('## 一、', '<!-- 注 -->\n\n## 一、').replace('## 四、', '<!--\n\n## 四、');
    const doc = parseReport(text);
    expect(doc.comments.map((c) => c.text)).toEqual(['注']);
    const result = toReportData(doc);
    expect(result.ok && result.data).toEqual(expectedData(report));
  });
});

describe('a 5 MB report', () => {
  it('is read whole: tables, sections and facts', () => {
    const report = pdfReport();
    const filler = '（六）信息发布。本街道通过门户网站、政务新媒体和公开栏发布政府信息，及时回应群众关切，做好政策解读工作。\n\n';
    const copies = Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(filler));
    const text = report.text.replace('二、主动公开政府信息情况', `${filler.repeat(copies)}二、主动公开政府信息情况`);
    expect(Buffer.byteLength(text)).toBeGreaterThan(5 * 1024 * 1024);
    const doc = parseReport(new TextEncoder().encode(text));
    expect(doc.sections.map((s) => s.id)).toEqual(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters']);
    expect(doc.paragraphs.length).toBeGreaterThan(copies);
    const result = toReportData(doc);
    expect(result.ok && result.data).toEqual(expectedData(report));
  });
});
