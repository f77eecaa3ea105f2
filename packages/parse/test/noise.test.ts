import { describe, expect, it } from 'vitest';
import { parseReport, toReportData, type ReportDocument } from '@nianbao/parse';
import { applicationValue, expectedData, pdfReport, placeOf } from './fixtures/synthetic.js';

/** The PDF report with some of its text replaced: conversion noise a real export brings in. */
function noisy(replacements: Array<[string | RegExp, string]>): string {
  let text = pdfReport().text;
  for (const [from, to] of replacements) {
    const next = typeof from === 'string' ? text.split(from).join(to) : text.replace(from, to);
    if (next === text) throw new Error(`replacement did nothing: ${String(from)}`);
    text = next;
  }
  return text;
}

function data(text: string) {
  const result = toReportData(parseReport(text));
  if (!result.ok) throw new Error(result.reason);
  return result.data;
}

const numbers = (row: number): string => Array.from({ length: 7 }, (_, j) => applicationValue(row, j)).join('\t');
const applicationsTable = (doc: ReportDocument) => doc.tables.find((t) => t.id === 'applications')!;

describe('conversion noise is tolerated and the data stays the same', () => {
  const expected = expectedData(pdfReport());

  it('CJK characters split by spaces (`结 果 维 持`, `自 然 人`, `三、 本年 度办 理结 果`)', () => {
    const text = noisy([
      ['结果维持', '结 果 维 持'],
      ['尚未审结', '尚 未 审 结'],
      ['自然人', '自 然 人'],
      ['社会公益组织', '社 会 公 益 组 织'],
      ['三、本年度办理结果\t', '三、 本年 度办 理结 果\t'],
      ['1.属于国家秘密', '1.属于国家 秘密'],
    ]);
    expect(data(text)).toEqual(expected);
    const doc = parseReport(text);
    const spaced = doc.tolerances.filter((t) => t.kind === 'spaced-label').map((t) => t.found);
    expect(spaced).toEqual(expect.arrayContaining(['自 然 人', '结 果 维 持', '1.属于国家 秘密']));
    const upheld = doc.tables.find((t) => t.id === 'reviewLitigation')!.labels.find((l) => l.text === '结 果 维 持')!;
    expect(upheld.match.kind).toBe('normalized');
    expect(upheld.span.start).toEqual(placeOf(text, '结 果 维 持'));
  });

  it('a label broken over two lines with the numbers on the first line', () => {
    // As PDF export writes it: the numbers beside the first piece, the rest of the label on its own line.
    const text = noisy([[`\n\t4.保护第三方合法权益\t${numbers(7)}`, `\n4.保护第三\t\t${numbers(7)}\t\n\n\t方合法权益\t\t\t\t\t\t\t`]]);
    expect(data(text)).toEqual(expected);
    const row = applicationsTable(parseReport(text)).rows.find((r) => r.id === 'withheldThirdParty')!;
    expect(row.label?.text).toBe('4.保护第三方合法权益');
    expect(row.label?.pieces?.map((p) => p.start)).toEqual([placeOf(text, '4.保护第三'), placeOf(text, '方合法权益')]);
    expect(row.cells[0]!.span.start).toEqual(placeOf(text, String(applicationValue(7, 0))));
  });

  it('a label broken over two lines with the numbers on the second line', () => {
    const text = noisy([[`\n\t5.属于三类内部事务信息\t${numbers(8)}`, `\n\t5.属于三类内部\n\t事务信息\t${numbers(8)}`]]);
    expect(data(text)).toEqual(expected);
    const row = applicationsTable(parseReport(text)).rows.find((r) => r.id === 'withheldInternalAffairs')!;
    expect(row.label?.text).toBe('5.属于三类内部事务信息');
    expect(row.cells.map((c) => c.value)).toEqual(Array.from({ length: 7 }, (_, j) => applicationValue(8, j)));
  });

  it('a label broken so early its first piece matches nothing (`1.属于国` / `家秘密`), numbers on the first line', () => {
    const text = noisy([
      [`\t1.属于国家秘密\t${numbers(4)}`, `\t1.属于国\t${numbers(4)}`],
      ['\n\t2.其他法律', '\n\t\t家秘密\t\t\t\n\t2.其他法律'],
    ]);
    expect(data(text)).toEqual(expected);
    const row = applicationsTable(parseReport(text)).rows.find((r) => r.id === 'withheldStateSecret')!;
    expect(row.label?.pieces?.map((p) => p.start)).toEqual([placeOf(text, '1.属于国'), placeOf(text, '家秘密')]);
    expect(parseReport(text).tolerances.map((t) => [t.kind, t.found])).toEqual([['split-label', '1.属于国家秘密']]);
  });

  it('… and with the numbers on the second line (`2.重复` / `申请`, `3.其` / `他`)', () => {
    const text = noisy([
      ['\t2.重复申请\t', '\t2.重复\n\t申请\t'],
      ['\t3.其他\t', '\t3.其\n\t他\t'],
    ]);
    expect(data(text)).toEqual(expected);
    expect(parseReport(text).tolerances.map((t) => [t.kind, t.found])).toEqual([
      ['split-label', '2.重复申请'],
      ['split-label', '3.其他'],
    ]);
  });

  it('two label-only lines that do not make a label between them stay header fragments', () => {
    const text = noisy([['\n\t2.其他法律', '\n\t\t备注\n\t\t说明\t\t\n\t2.其他法律']]);
    expect(data(text)).toEqual(expected);
    expect(parseReport(text).tolerances.map((t) => [t.kind, t.found])).toEqual([
      ['header-fragment', '备注'],
      ['header-fragment', '说明'],
    ]);
  });

  it('half-width `(一)` and full-width `（一）` numbering read the same', () => {
    const text = noisy([
      ['（一）予以公开', '(一) 予以公开'],
      ['（三）不予公开', '(三)不予公开'],
      ['（七）总计', '(七) 总计'],
    ]);
    expect(data(text)).toEqual(expected);
    const row = applicationsTable(parseReport(text)).rows.find((r) => r.id === 'disclosed')!;
    expect(row.label?.match.kind).toBe('normalized');
    expect(row.label?.match.numberingDiffers).toBe(false);
  });

  it('`,` and `，` for `、` inside labels read the same', () => {
    const text = noisy([
      ['（区分处理的，只计这一情形，不计其他情形）', '(区分处理的, 只计这一情形, 不计其他情形)'],
      ['逾期不补正、行政机关', '逾期不补正, 行政机关'],
      ['缴纳费用、行政机关', '缴纳费用，行政机关'],
    ]);
    expect(data(text)).toEqual(expected);
    const rows = applicationsTable(parseReport(text)).rows;
    for (const id of ['partiallyDisclosed', 'otherNoCorrection', 'otherUnpaidFee']) {
      expect(rows.find((r) => r.id === id)?.label?.match.kind).toBe('normalized');
    }
  });

  it('known deviations (`社会组织`, `不在处理`, `其他法律法规禁止公开`) match, recorded as deviations with the canonical text', () => {
    const text = noisy([
      ['社会公益组织', '社会组织'],
      ['行政机关不再处理', '行政机关不在处理'],
      ['2.其他法律行政法规禁止公开', '2.其他法律法规禁止公开'],
    ]);
    expect(data(text)).toEqual(expected);
    const table = applicationsTable(parseReport(text));
    const column = table.labels.find((l) => l.text === '社会组织')!;
    expect(column.role).toBe('column');
    expect(column.match).toMatchObject({ id: 'publicInterest', kind: 'deviation', canonical: '社会公益组织' });
    expect(column.match.deviations).toEqual([{ found: '社会组织', canonical: '社会公益组织' }]);
    for (const id of ['otherNoCorrection', 'otherUnpaidFee']) {
      const label = table.rows.find((r) => r.id === id)!.label!;
      expect(label.match.kind).toBe('deviation');
      expect(label.match.deviations).toEqual([{ found: '不在处理', canonical: '不再处理' }]);
    }
    expect(table.rows.find((r) => r.id === 'withheldProhibitedByLaw')!.label!.match.kind).toBe('deviation');
  });

  it('full-width digits in cells are numbers', () => {
    const text = noisy([[/\n51\t52\t/u, '\n５１\t５２\t']]);
    expect(data(text)).toEqual(expected);
  });
});
