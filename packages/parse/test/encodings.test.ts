import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, parseReport, toReportData, type ReportDocument } from '@nianbao/parse';
import { HEADINGS, expectedData, gfmReport, pdfReport, placeOf, wordReport } from './fixtures/synthetic.js';

/*
 * The GB18030 fixtures were written by Python's own encoder from the synthetic PDF and Word reports
 * (the Word one with CRLF), so that decoding is checked against an encoder other than ours:
 *   python3 -c "open(p,'wb').write(s.encode('gb18030'))"
 * If the synthetic reports change, regenerate them the same way.
 */
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withBom = (bom: number[], body: Uint8Array): Uint8Array => new Uint8Array([...bom, ...body]);
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
function utf16be(text: string): Uint8Array {
  const le = utf16le(text);
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
  return be;
}
const crlf = (text: string): string => text.replace(/\n/gu, '\r\n');

function dataOf(input: string | Uint8Array) {
  const result = toReportData(parseReport(input));
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

describe('every encoding a Chinese office saves in gives the same report', () => {
  const text = pdfReport().text;
  const expected = expectedData(pdfReport());
  const cases: Array<[string, Uint8Array, string]> = [
    ['UTF-8', utf8(text), 'utf-8'],
    ['UTF-8 with BOM', withBom([0xef, 0xbb, 0xbf], utf8(text)), 'utf-8-bom'],
    ['UTF-16LE with BOM', withBom([0xff, 0xfe], utf16le(text)), 'utf-16le'],
    ['UTF-16BE with BOM', withBom([0xfe, 0xff], utf16be(text)), 'utf-16be'],
    ['GB18030', fixture('pdf-report.gb18030.txt'), 'gb18030'],
  ];
  for (const [name, bytes, encoding] of cases) {
    it(name, () => {
      const decoded = decodeText(bytes);
      expect(decoded).toEqual({ text, encoding });
      const doc = parseReport(bytes);
      expect(doc.encoding).toBe(encoding);
      expect(dataOf(bytes)).toEqual(expected);
      // The BOM is not part of the text: positions count from the first character.
      expect(doc.title?.span.start).toEqual({ line: 1, column: 1, offset: 0 });
    });
  }

  it('GB18030 with CRLF (Word text as Windows saves it)', () => {
    const bytes = fixture('word-report.gb18030.txt');
    expect(decodeText(bytes)).toEqual({ text: crlf(wordReport().text), encoding: 'gb18030' });
    expect(dataOf(bytes)).toEqual(expectedData(wordReport()));
  });

  it('bytes that are not UTF-8 are not taken for UTF-8', () => {
    // 0xB2 0xE2 is 测 in GBK and an invalid sequence in UTF-8.
    expect(decodeText(new Uint8Array([0xb2, 0xe2, 0xca, 0xd4])).text).toBe('测试');
  });
});

describe('CRLF and LF give the same data, and positions are right with CRLF', () => {
  for (const [name, make] of [
    ['PDF text', pdfReport],
    ['Word text', wordReport],
    ['Markdown', gfmReport],
  ] as const) {
    it(name, () => {
      const lf = make().text;
      const text = crlf(lf);
      expect(dataOf(text)).toEqual(dataOf(lf));
      expect(dataOf(utf8(text))).toEqual(expectedData(make()));
      const doc = parseReport(text);
      const lfDoc = parseReport(lf);
      for (const [i, s] of doc.sections.entries()) {
        const p = placeOf(text, HEADINGS[i]!);
        expect(s.heading.span.start).toEqual(p);
        // Same line and column as with LF; the offset counts the CRs before it.
        expect({ ...s.heading.span.start, offset: 0 }).toEqual({ ...lfDoc.sections[i]!.heading.span.start, offset: 0 });
        expect(p.offset - lfDoc.sections[i]!.heading.span.start.offset).toBe(p.line - 1);
        // A span ends before the CR.
        expect(text.slice(s.heading.span.start.offset, s.heading.span.end.offset)).toBe(HEADINGS[i]);
      }
      expectNoCarriageReturns(doc);
    });
  }
});

/** No cell, label or paragraph takes in the CR of a CRLF. */
function expectNoCarriageReturns(doc: ReportDocument): void {
  for (const t of doc.tables) {
    for (const r of t.rows) {
      for (const c of r.cells) {
        expect(c.text).not.toContain('\r');
        expect(doc.text.slice(c.span.start.offset, c.span.end.offset)).toBe(c.text);
      }
      expect(r.label?.text ?? '').not.toContain('\r');
    }
  }
  for (const p of doc.paragraphs) expect(p.text.endsWith('\r')).toBe(false);
  expect(doc.title?.text).not.toContain('\r');
}
