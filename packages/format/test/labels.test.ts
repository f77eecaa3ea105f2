import { describe, expect, it } from 'vitest';
import { FORMATS, applyDeviations, matchLabel, normalizeLabel, similarity, splitNumbering, type LabelCandidate } from '@nianbao/format';

const table3 = FORMATS[2021].tables.applications;
const deviations = FORMATS[2021].labelDeviations;
/** Table 三's row labels followed by its column labels, as a table parser would offer them. */
const candidates: LabelCandidate[] = [
  ...table3.rows.map((r) => ({ id: `row:${r.id}`, label: r.label })),
  ...table3.columns.map((c) => ({ id: `column:${c.id}`, label: c.label })),
];
const match = (text: string, options: Parameters<typeof matchLabel>[2] = { deviations }) => matchLabel(text, candidates, options);

describe('normalizeLabel', () => {
  it('folds full/half width, removes every kind of space, unifies quotes', () => {
    expect(normalizeLabel('（一）予以公开')).toBe('(一)予以公开');
    expect(normalizeLabel('(一) 予以公开')).toBe('(一)予以公开');
    expect(normalizeLabel('自 然 人')).toBe('自然人');
    expect(normalizeLabel('\ufeff结\u3000果\u00a0维\u200b持\t')).toBe('结果维持');
    expect(normalizeLabel('３．危及“三安全一稳定”')).toBe('3.危及"三安全一稳定"');
    expect(normalizeLabel('3.危及"三安全一稳定"')).toBe(normalizeLabel('3.危及“三安全一稳定”'));
    expect(normalizeLabel('3.危及「三安全一稳定」')).toBe(normalizeLabel('3.危及“三安全一稳定”'));
  });

  it('folds the Kangxi radicals and compatibility ideographs that PDF text extraction yields (NFKC)', () => {
    expect(normalizeLabel('\u2f83然\u2f08')).toBe('自然人');
    expect(normalizeLabel('\u2f8f政许可')).toBe('行政许可');
    expect(normalizeLabel('\uf967予处\uf9e4')).toBe('不予处理');
    expect(normalizeLabel('\u2474主动公开')).toBe('(1)主动公开');
  });

  it('writes the numbering separator of 1、 / 1． / 1，as 1.', () => {
    for (const s of ['1.属于国家秘密', '1、属于国家秘密', '1．属于国家秘密', '１.属于国家秘密', '1，属于国家秘密', '1 . 属于国家秘密']) {
      expect(normalizeLabel(s), s).toBe('1.属于国家秘密');
    }
  });

  it('treats 、 and ， (or ,) inside a label as the same', () => {
    const official = '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请';
    expect(normalizeLabel('1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请')).toBe(normalizeLabel(official));
    expect(normalizeLabel('1.申请人无正当理由逾期不补正,行政机关不再处理其政府信息公开申请')).toBe(normalizeLabel(official));
    expect(normalizeLabel('（二）部分公开（区分处理的,只计这一情形、不计其他情形）')).toBe(
      normalizeLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
    );
  });

  it('drops trailing punctuation', () => {
    expect(normalizeLabel('行政许可：')).toBe('行政许可');
    expect(normalizeLabel('1.申请人无正当理由逾期不补正、')).toBe('1.申请人无正当理由逾期不补正');
    expect(normalizeLabel('')).toBe('');
  });
});

describe('splitNumbering', () => {
  it.each([
    ['（一）予以公开', '(一)', '予以公开'],
    ['(七)总计', '(七)', '总计'],
    ['1.属于国家秘密', '1.', '属于国家秘密'],
    ['12.其他', '12.', '其他'],
    ['1、属于国家秘密', '1.', '属于国家秘密'],
    ['三、本年度办理结果', '三、', '本年度办理结果'],
    ['四、结转下年度继续办理', '四、', '结转下年度继续办理'],
    ['(1)主动公开', '(1)', '主动公开'],
    ['自然人', '', '自然人'],
    ['总计', '', '总计'],
  ])('%s → %s + %s', (text, numbering, core) => {
    expect(splitNumbering(normalizeLabel(text))).toEqual({ numbering, core });
  });
});

describe('applyDeviations and similarity', () => {
  it('corrects known deviations once, not inside the canonical text', () => {
    expect(applyDeviations('社会组织', deviations)).toEqual({ text: '社会公益组织', applied: [{ found: '社会组织', canonical: '社会公益组织' }] });
    expect(applyDeviations('社会公益组织', deviations)).toEqual({ text: '社会公益组织', applied: [] });
  });

  it('is 1 for equal strings and falls with the edit distance', () => {
    expect(similarity('总计', '总计')).toBe(1);
    expect(similarity('', '')).toBe(1);
    expect(similarity('保护第三方合法权益', '保护第三方合法权')).toBeCloseTo(1 - 1 / 9);
  });
});

describe('matchLabel', () => {
  it('exact: the official text as it is', () => {
    expect(match('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toMatchObject({
      id: 'row:partiallyDisclosed',
      kind: 'exact',
      score: 1,
      numberingDiffers: false,
      deviations: [],
    });
    expect(match('3.危及“三安全一稳定”')).toMatchObject({ id: 'row:withheldSecurityStability', kind: 'exact' });
    expect(match('自然人')).toMatchObject({ id: 'column:naturalPerson', kind: 'exact' });
  });

  it('normalized: spaces, widths, quotes and 、 versus , are conversion noise', () => {
    expect(match('(二) 部分公开(区分处理的,只计这一情形,不计其他情形)')).toMatchObject({ id: 'row:partiallyDisclosed', kind: 'normalized', score: 1, numberingDiffers: false });
    expect(match('自 然 人')).toMatchObject({ id: 'column:naturalPerson', kind: 'normalized' });
    expect(match('3、危及"三安全一稳定"')).toMatchObject({ id: 'row:withheldSecurityStability', kind: 'normalized', numberingDiffers: false });
    expect(match('1.申请人无正当理由逾期不补正,行政机关不再处理其政府信息公开申请')).toMatchObject({ id: 'row:otherNoCorrection', kind: 'normalized' });
    expect(match('１．属于国家秘密')).toMatchObject({ id: 'row:withheldStateSecret', kind: 'normalized', numberingDiffers: false });
  });

  it('reports a missing or different numbering apart from the text', () => {
    expect(match('予以公开')).toMatchObject({ id: 'row:disclosed', kind: 'normalized', numberingDiffers: true });
    expect(match('(1)予以公开')).toMatchObject({ id: 'row:disclosed', numberingDiffers: true });
    expect(match('（一）予以公开')).toMatchObject({ numberingDiffers: false });
  });

  it('deviation: 社会组织 → 社会公益组织, 不在处理 → 不再处理, with the deviation named', () => {
    expect(match('社会组织')).toEqual({
      id: 'column:publicInterest',
      canonical: '社会公益组织',
      kind: 'deviation',
      score: 1,
      numberingDiffers: false,
      deviations: [{ found: '社会组织', canonical: '社会公益组织' }],
    });
    expect(match('2.申请人逾期未按收费通知要求缴纳费用、行政机关不在处理其政府信息公开申请')).toMatchObject({
      id: 'row:otherUnpaidFee',
      kind: 'deviation',
      deviations: [{ found: '不在处理', canonical: '不再处理' }],
    });
    expect(match('2. 其他法律法规禁止公开')).toMatchObject({ id: 'row:withheldProhibitedByLaw', kind: 'deviation' });
    expect(match('5.属于三类内容事务信息')).toMatchObject({ id: 'row:withheldInternalAffairs', kind: 'deviation' });
    expect(match('（二）部分公开（区分处理的，只计这一情况，不计其他情形）')).toMatchObject({ id: 'row:partiallyDisclosed', kind: 'deviation' });
  });

  it('without the deviations list, a deviation is at best a fuzzy match', () => {
    const m = matchLabel('2.申请人逾期未按收费通知要求缴纳费用、行政机关不在处理其政府信息公开申请', candidates);
    expect(m).toMatchObject({ id: 'row:otherUnpaidFee', kind: 'fuzzy' });
    expect(m!.score).toBeLessThan(1);
    expect(m!.deviations).toEqual([]);
  });

  it('fuzzy: a close text above minScore, nothing below it', () => {
    const m = match('4.保护第三方合法权利');
    expect(m).toMatchObject({ id: 'row:withheldThirdParty', kind: 'fuzzy', numberingDiffers: false });
    expect(m!.score).toBeGreaterThanOrEqual(0.8);
    expect(m!.score).toBeLessThan(1);
    expect(match('本机关不掌握相关政府息')).toMatchObject({ id: 'row:unavailableNotHeld', kind: 'fuzzy', numberingDiffers: true });
    expect(match('行政许可')).toBeUndefined();
    expect(match('4.保护第三方合法权利', { deviations, minScore: 0.95 })).toBeUndefined();
    expect(match('')).toBeUndefined();
    expect(match('  ')).toBeUndefined();
  });

  it('prefix: the start of a label broken over lines, only when asked for and long enough', () => {
    const text = '1.申请人无正当理由逾期不补正、';
    expect(match(text, { deviations })?.kind).not.toBe('prefix');
    const m = match(text, { deviations, prefixMinLength: 4 });
    expect(m).toMatchObject({ id: 'row:otherNoCorrection', kind: 'prefix', numberingDiffers: false });
    expect(m!.score).toBeGreaterThan(0.5);
    expect(m!.score).toBeLessThan(0.9);
    expect(match('2.申请人逾期未按收费通知', { deviations, prefixMinLength: 4 })).toMatchObject({ id: 'row:otherUnpaidFee', kind: 'prefix' });
    expect(match('2.申请', { deviations, prefixMinLength: 4 })).toBeUndefined();
  });

  it('numbering breaks ties: 3.其他 is the row, 其他 the column', () => {
    expect(match('3.其他')).toMatchObject({ id: 'row:otherOther', kind: 'exact', numberingDiffers: false });
    expect(match('3、其他')).toMatchObject({ id: 'row:otherOther', kind: 'normalized' });
    expect(match('其他')).toMatchObject({ id: 'column:other', kind: 'exact', numberingDiffers: false });
    expect(match(' 其 他 ')).toMatchObject({ id: 'column:other' });
    // 总计 is both a column and the core of （七）总计
    expect(match('总计')).toMatchObject({ id: 'column:total' });
    expect(match('（七）总计')).toMatchObject({ id: 'row:handledTotal' });
    expect(match('(七) 总计')).toMatchObject({ id: 'row:handledTotal', kind: 'normalized' });
  });

  it('keeps the earlier candidate on a full tie', () => {
    const twice = [
      { id: 'a', label: '其他' },
      { id: 'b', label: '其他' },
    ];
    expect(matchLabel('其他', twice)?.id).toBe('a');
    expect(matchLabel('其他', [...twice].reverse())?.id).toBe('b');
  });
});
