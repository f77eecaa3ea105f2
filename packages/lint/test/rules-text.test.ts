import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '@nianbao/parse';
import { lint, type LintOptions } from '@nianbao/lint';
import { applicationsTable, naturalPersons, reviewTable } from '../src/examples.js';

const IDS = ['period-statement', 'year-mismatch', 'publish-deadline', 'text-mismatch'];
const CORPUS = new URL('../../../test/fixtures/corpus/', import.meta.url);

type Found = [rule: string, line: number, column: number, severity: string];

function run(text: string, options: LintOptions = {}, fileName = 'report.md'): Found[] {
  return lint(parseReport(text, { fileName }), { only: IDS, ...options })
    .filter((d) => d.ruleId !== 'internal-error' || expect.fail(d.message))
    .map((d) => [d.ruleId, d.line, d.column, d.severity]);
}

function corpus(prefix: string): string {
  const name = readdirSync(CORPUS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!;
  return readFileSync(new URL(name, CORPUS), 'utf8');
}

function corpusFindings(prefix: string, text = corpus(prefix)): Found[] {
  return run(text, {}, `${prefix}.txt`);
}

/** Replaces `from` by `to` in a text, failing when `from` is not there (a fixture that changed). */
function edit(text: string, ...pairs: Array<[string, string]>): string {
  for (const [from, to] of pairs) {
    expect(text.includes(from), from).toBe(true);
    text = text.replace(from, to);
  }
  return text;
}

const TITLE_2023 = '某某区教育局2023年政府信息公开工作年度报告';
const PERIOD_2023 = '本报告中所列数据统计期限为2023年1月1日至2023年12月31日。';

describe('the corpus', () => {
  it('000, 001, 003 and 004 give none of these findings', () => {
    for (const p of ['000', '001', '003', '004']) expect(corpusFindings(p), p).toEqual([]);
  });

  it('002 has exactly two year-mismatch findings, at the years', () => {
    expect(corpusFindings('002')).toEqual([
      ['year-mismatch', 5, 125, 'error'],
      ['year-mismatch', 9, 1, 'error'],
    ]);
    const lines = corpus('002').split('\n');
    expect(lines[4]!.slice(124, 128)).toBe('2021');
    expect(lines[8]!.slice(0, 4)).toBe('2021');
  });

  it('002: a changed number in its application summary is found at that number', () => {
    const text = edit(corpus('002'), ['予以公开 4 条', '予以公开 5 条'], ['无法提供 8 条', '无法提供 7 条']);
    const found = corpusFindings('002', text).filter((f) => f[0] === 'text-mismatch');
    expect(found.map((f) => f.slice(0, 3))).toEqual([
      ['text-mismatch', 15, 45],
      ['text-mismatch', 15, 63],
    ]);
  });

  it('004: changed request and review counts are each found', () => {
    const text = edit(corpus('004'), ['案件64件', '案件65件'], ['结果纠正1件', '结果纠正2件']);
    expect(corpusFindings('004', text)).toEqual([
      ['text-mismatch', 9, 14, 'error'],
      ['text-mismatch', 9, 46, 'error'],
    ]);
  });

  it('003: signed a month late for a 乡镇街道', () => {
    const text = edit(corpus('003'), ['2021年1月27日', '2021年2月27日']);
    expect(corpusFindings('003', text)).toEqual([['publish-deadline', 119, 1, 'error']]);
  });

  it('003: a garbled period in section 六', () => {
    const text = edit(corpus('003'), ['统计期限为2020年1月1日', '统计期限为202011日']);
    expect(corpusFindings('003', text)).toEqual([['period-statement', 111, 10, 'error']]);
  });
});

describe('period-statement', () => {
  it('a report without a period: one warning at the title', () => {
    expect(run(`${TITLE_2023}\n\n一、总体情况\n\n2023年，我局认真贯彻落实《条例》。\n`)).toEqual([['period-statement', 1, 1, 'warning']]);
  });

  it('a fragment that is not a report is not asked for a period', () => {
    expect(run('2023年，我局认真贯彻落实《条例》。\n')).toEqual([]);
  });

  it('the period stated in other words is not missing', () => {
    expect(run(`${TITLE_2023}\n\n本报告所列数据时间为2023年1月1日至2023年12月31日。\n\n一、总体情况\n`)).toEqual([]);
  });

  it('an end written without its year (至12月31日) is the full year', () => {
    expect(run(`${TITLE_2023}\n\n本报告中所列数据统计期限为2023年1月1日至12月31日。\n`)).toEqual([]);
  });

  it('a period given only as a year: a warning', () => {
    expect(run(`${TITLE_2023}\n\n本报告中所列数据统计期限为2023年度。\n`)).toEqual([['period-statement', 3, 9, 'warning']]);
  });

  it('an impossible date is garbled', () => {
    expect(run(`${TITLE_2023}\n\n本报告中所列数据统计期限为2023年1月1日至2023年12月32日。\n`)).toEqual([['period-statement', 3, 24, 'error']]);
  });

  it('a start after 1 January is not the full year', () => {
    expect(run(`${TITLE_2023}\n\n本报告中所列数据统计期限为2023年3月1日至2023年12月31日。\n`)).toEqual([['period-statement', 3, 14, 'error']]);
  });

  it('an end year other than the title’s is year-mismatch’s, not reported twice', () => {
    expect(run(`${TITLE_2023}\n\n本报告中所列数据统计期限为2023年1月1日至2022年12月31日。\n`)).toEqual([['year-mismatch', 3, 24, 'error']]);
  });

  it('a period across two years with no title: not a calendar year', () => {
    expect(run('本报告中所列数据统计期限为2022年7月1日至2023年6月30日。\n')).toEqual([['period-statement', 1, 14, 'error']]);
  });
});

describe('year-mismatch', () => {
  const report = (year: number, ...body: string[]): string =>
    [`某某区人民政府办公室${year}年政府信息公开工作年度报告`, '', `本报告中所列数据统计期限为${year}年1月1日至${year}年12月31日。`, '', '一、总体情况', '', ...body.flatMap((b) => [b, ''])].join('\n');

  it('an opening after a sub-head lead-in', () => {
    expect(run(report(2022, '（一）主动公开情况。2021年，我办主动公开政府信息120条。'))).toEqual([['year-mismatch', 7, 11, 'error']]);
  });

  it('an opening without a comma, straight into the subject', () => {
    expect(run(report(2022, '2021年我办接到政府信息公开申请15件。'))).toEqual([['year-mismatch', 7, 1, 'error']]);
  });

  it('a year in Chinese digits', () => {
    expect(run(report(2022, '二〇二一年，我办认真贯彻落实《条例》。'))).toEqual([['year-mismatch', 7, 1, 'error']]);
  });

  it('the report naming itself with another year', () => {
    expect(run(report(2023, '现发布《某某区2022年政府信息公开工作年度报告》。'))).toEqual([['year-mismatch', 7, 8, 'error']]);
  });

  it('a sub-head on its own line, run on into the opening (plain text export)', () => {
    const text = ['某某区人民政府办公室2022年政府信息公开工作年度报告', '本报告中所列数据统计期限为2022年1月1日至2022年12月31日。', '一、总体情况', '（一）主动公开情况', '2021年，我办主动公开政府信息120条。', ''].join('\n');
    expect(run(text, {}, 'report.txt')).toEqual([['year-mismatch', 5, 1, 'error']]);
  });

  it('现将…年度报告公布如下', () => {
    expect(run(report(2023, '现将某某区2022年度政府信息公开工作年度报告公布如下。'))).toEqual([['year-mismatch', 7, 6, 'error']]);
  });

  it('legitimate other years are not findings', () => {
    const text = report(
      2023,
      '根据《关于做好2023年政府信息公开工作年度报告编制与发布工作的通知》（〔2024〕1号）和国办公开办函〔2021〕30号要求，现发布《某某区2023年政府信息公开工作年度报告》。',
      '2022年，我办共收到申请10件；较上年有所增加。',
      '2022年，我区在全市政务公开考核中排名第一。',
      '2018年，我区出台了《政府信息公开工作办法》。',
      '2024年，我办将进一步提升政务公开质量。',
      '指导区财政局更新《2022年行政事业性收费目录清单》。',
      '2022年12月，我办组织开展了专项培训。',
      '某某区人民政府办公室\n2024年1月20日',
    );
    expect(run(text)).toEqual([]);
  });

  it('a sentence contrasting last year with this one is not a finding', () => {
    expect(run(report(2023, '2022年，我办共收到申请10件，2023年共收到15件。'))).toEqual([]);
  });

  it('a year opening a sentence in the middle of a paragraph is not read', () => {
    expect(run(report(2023, '我办认真贯彻落实《条例》。2022年，全区开展了专项检查。'))).toEqual([]);
  });

  it('with no title, the period gives the year', () => {
    expect(run('本报告中所列数据统计期限为2023年1月1日至2023年12月31日。\n\n2022年，我办认真贯彻落实《条例》。\n')).toEqual([['year-mismatch', 3, 1, 'error']]);
  });
});

describe('publish-deadline', () => {
  const signed = (title: string, agency: string, date: string): string => `${title}\n\n${PERIOD_2023}\n\n${agency}\n${date}\n`;

  it('a department signing on 31 January is on time, on 1 February late', () => {
    expect(run(signed(TITLE_2023, '某某区教育局', '2024年1月31日'))).toEqual([]);
    expect(run(signed(TITLE_2023, '某某区教育局', '2024年2月1日'))).toEqual([['publish-deadline', 6, 1, 'error']]);
  });

  it('a government office is a department (1月31日)', () => {
    expect(run(signed('某某区人民政府办公室2023年政府信息公开工作年度报告', '某某区人民政府办公室', '2024年3月1日'))).toEqual([['publish-deadline', 6, 1, 'error']]);
  });

  it('a district government’s own report: 3月31日', () => {
    const title = '某某区2023年政府信息公开工作年度报告';
    expect(run(signed(title, '某某区人民政府', '2024年3月31日'))).toEqual([]);
    expect(run(signed(title, '某某区人民政府', '2024年4月1日'))).toEqual([['publish-deadline', 6, 1, 'error']]);
  });

  it('the configured kind overrides the title', () => {
    expect(run(signed(TITLE_2023, '某某区教育局', '2024年3月1日'), { agencyKind: '人民政府' })).toEqual([]);
  });

  it('a locality’s deadline for 乡镇街道, as an option', () => {
    const text = signed('某某镇人民政府2023年政府信息公开工作年度报告', '某某镇人民政府', '2024年2月20日');
    expect(run(text)).toEqual([['publish-deadline', 6, 1, 'error']]);
    expect(run(text, { rules: { 'publish-deadline': ['error', { deadlines: { 乡镇街道: '02-28' } }] } })).toEqual([]);
  });

  it('an invalid configured date falls back to the format’s', () => {
    const text = signed('某某镇人民政府2023年政府信息公开工作年度报告', '某某镇人民政府', '2024年2月20日');
    expect(run(text, { rules: { 'publish-deadline': ['error', { deadlines: { 乡镇街道: '02-30' } }] } })).toEqual([['publish-deadline', 6, 1, 'error']]);
  });

  it('signed within the report year', () => {
    expect(run(signed(TITLE_2023, '某某区教育局', '2023年12月31日'))).toEqual([['publish-deadline', 6, 1, 'error']]);
  });

  it('a date in Chinese numerals, on a line of its own', () => {
    expect(run(`${TITLE_2023}\n\n${PERIOD_2023}\n\n二〇二四年一月二十日\n`)).toEqual([]);
    expect(run(`${TITLE_2023}\n\n${PERIOD_2023}\n\n二〇二四年二月二十日\n`)).toEqual([['publish-deadline', 5, 1, 'error']]);
  });

  it('no signature date, no finding', () => {
    expect(run(`${TITLE_2023}\n\n${PERIOD_2023}\n\n某某区教育局\n`)).toEqual([]);
  });

  it('with no kind known, only a date late for every kind', () => {
    const text = (date: string): string => `${PERIOD_2023}\n\n${date}\n`;
    expect(run(text('2024年3月1日'))).toEqual([]);
    expect(run(text('2024年4月1日'))).toEqual([['publish-deadline', 3, 1, 'error']]);
  });
});

describe('text-mismatch', () => {
  const table = (rows: Array<[string, number]>): string => applicationsTable(rows.map(([id, n]) => [id, naturalPersons(n)]));
  const basic = table([
    ['newReceived', 15],
    ['carriedOver', 2],
    ['disclosed', 5],
    ['handledTotal', 16],
    ['carriedForward', 1],
  ]);
  const withTable = (prose: string, t = basic): string => `${TITLE_2023}\n\n${PERIOD_2023}\n\n三、收到和处理政府信息公开申请情况\n\n${prose}\n\n${t}\n`;

  it('received, handled and carried forward agree', () => {
    expect(run(withTable('本年度新收政府信息公开申请15件，上年结转2件，办结16件，结转下年度继续办理1件。'))).toEqual([]);
  });

  it('each wrong count is found at its number', () => {
    expect(run(withTable('本年度新收政府信息公开申请14件，上年结转3件，办结17件，结转下年度继续办理2件。'))).toEqual([
      ['text-mismatch', 7, 14, 'error'],
      ['text-mismatch', 7, 22, 'error'],
      ['text-mismatch', 7, 27, 'error'],
      ['text-mismatch', 7, 40, 'error'],
    ]);
  });

  it('received including those carried over, when the text says so', () => {
    expect(run(withTable('本年度共收到政府信息公开申请17件（含上年结转2件）。'))).toEqual([]);
    // New plus carried over, unsaid: a question (text-check), not an error.
    expect(run(withTable('本年度共收到政府信息公开申请17件。'), { only: ['text-mismatch', 'text-check'] })).toEqual([['text-check', 7, 15, 'warning']]);
    expect(run(withTable('本年度共收到政府信息公开申请18件。'))).toEqual([['text-mismatch', 7, 15, 'error']]);
  });

  it('carried forward in the same sentence does not make received include the carried over', () => {
    expect(run(withTable('本年度共收到政府信息公开申请17件，结转下年度继续办理1件。'), { only: ['text-mismatch', 'text-check'] })).toEqual([['text-check', 7, 15, 'warning']]);
  });

  it('messages in English name the quantity, the table and both numbers', () => {
    const d = lint(parseReport(withTable('本年度共收到政府信息公开申请16件。'), { fileName: 'r.md' }), { only: ['text-mismatch'], locale: 'en' });
    expect(d.map((x) => x.message)).toEqual(['The text gives requests received as 16, but Table 3 “一、本年新收政府信息公开申请数量” 总计 is 15.']);
  });

  it('sentences it cannot read with certainty are skipped', () => {
    for (const prose of [
      '本年度共收到政府信息公开申请20件，同比增长33%。',
      '本年度共收到政府信息公开申请20件，较上年有所增加。',
      '2022年共收到政府信息公开申请20件。',
      '累计收到政府信息公开申请200件。',
      '各部门共收到政府信息公开申请200件。',
      '本年度共收到政府信息公开申请约20件。',
      '本年度共收到政府信息公开申请20余件。',
      '本年度共收到政府信息公开申请10-20件。',
      '其中予以公开和部分公开共9件。',
      '予以公开、不予公开分别为5件、1件。',
    ]) {
      expect(run(withTable(prose)).filter((f) => f[0] === 'text-mismatch'), prose).toEqual([]);
    }
  });

  it('counts of other business are not requests for disclosure', () => {
    const text = `${TITLE_2023}\n\n${PERIOD_2023}\n\n一、总体情况\n\n区政务服务中心全年受理申请3000件，办结3000件。\n\n三、收到和处理政府信息公开申请情况\n\n${basic}\n`;
    expect(run(text)).toEqual([]);
  });

  it('a blank table cell is not checked against', () => {
    const t = applicationsTable([['newReceived', ['', 0, 0, 0, 0, 0, '']]]);
    expect(run(withTable('本年度共收到政府信息公开申请20件。', t))).toEqual([]);
  });

  it('with no table, the same count stated twice must agree', () => {
    const text = `${TITLE_2023}\n\n${PERIOD_2023}\n\n一、总体情况\n\n本年度共收到政府信息公开申请15件。\n\n三、收到和处理政府信息公开申请情况\n\n本年度共收到政府信息公开申请16件。\n`;
    expect(run(text)).toEqual([['text-mismatch', 11, 15, 'error']]);
  });

  it('sums of the withheld, unavailable and not-processed groups', () => {
    const t = applicationsTable([
      ['withheldThirdParty', naturalPersons(1)],
      ...['withheldStateSecret', 'withheldProhibitedByLaw', 'withheldSecurityStability', 'withheldInternalAffairs', 'withheldProcess', 'withheldEnforcementFile', 'withheldQuery'].map(
        (id) => [id, naturalPersons(0)] as const,
      ),
    ]);
    expect(run(withTable('其中不予公开1件。', t))).toEqual([]);
    expect(run(withTable('其中不予公开2件。', t))).toEqual([['text-mismatch', 7, 7, 'error']]);
    // With one of the eight rows absent, the sum cannot be known.
    const partial = applicationsTable([['withheldThirdParty', naturalPersons(1)]]);
    expect(run(withTable('其中不予公开2件。', partial))).toEqual([]);
  });

  it('reviews and lawsuits against Table 四', () => {
    const t4 = reviewTable([1, 1, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
    const text = (prose: string): string => `${TITLE_2023}\n\n${PERIOD_2023}\n\n四、政府信息公开行政复议、行政诉讼情况\n\n${prose}\n\n${t4}\n`;
    expect(run(text('本年度被申请行政复议2件，结果维持1件，结果纠正1件；被提起行政诉讼1件。'))).toEqual([]);
    expect(run(text('本年度被申请行政复议3件。发生行政诉讼2件。'))).toEqual([
      ['text-mismatch', 7, 11, 'error'],
      ['text-mismatch', 7, 20, 'error'],
    ]);
    // 维持 in a sentence that also speaks of lawsuits is not the review's.
    expect(run(text('行政复议和行政诉讼中，结果维持5件。'))).toEqual([]);
  });

  it('a justice bureau’s own review work is not Table 四', () => {
    const t4 = reviewTable([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const text = `${TITLE_2023}\n\n${PERIOD_2023}\n\n一、总体情况\n\n全年共办理行政复议案件35件，结果维持30件。\n\n四、政府信息公开行政复议、行政诉讼情况\n\n${t4}\n`;
    expect(run(text)).toEqual([]);
  });

  it('the count before the noun (收到70件申请) is read as surely as after it', () => {
    expect(run(withTable('本年度共收到15件政府信息公开申请。'))).toEqual([]);
    expect(run(withTable('本年度共收到15份申请，办结16件。'))).toEqual([]);
    expect(run(withTable('本年度全区共收到14件申请，及时依法依规办结16件。'))).toEqual([['text-mismatch', 7, 9, 'error']]);
    expect(run(withTable('全年共收到18份政府信息公开申请。'))).toEqual([['text-mismatch', 7, 6, 'error']]);
    // An applicant's papers are not requests.
    expect(run(withTable('全年共收到20份申请材料，受理3件申请人的补正说明。'))).toEqual([]);
  });

  it('收到各类申请 and 上一年度结转 are read', () => {
    expect(run(withTable('全年共收到各类政府信息公开申请18件。'))).toEqual([['text-mismatch', 7, 16, 'error']]);
    expect(run(withTable('上一年度结转政府信息公开申请2件。'))).toEqual([]);
    expect(run(withTable('上一年度结转政府信息公开申请3件。'))).toEqual([['text-mismatch', 7, 15, 'error']]);
  });

  it('one reason’s part of a group, one kind of lawsuit, a joined count and the agency’s part of a wider count are not the quantity', () => {
    const t = applicationsTable([
      ['withheldThirdParty', naturalPersons(1)],
      ['withheldInternalAffairs', naturalPersons(2)],
      ...['withheldStateSecret', 'withheldProhibitedByLaw', 'withheldSecurityStability', 'withheldProcess', 'withheldEnforcementFile', 'withheldQuery'].map((id) => [id, naturalPersons(0)] as const),
    ]);
    expect(run(withTable('对政府信息公开申请，因保护第三方合法权益不予公开1件，属于三类内部事务信息不予公开2件。', t))).toEqual([]);
    // The group's total, with its reasons after it, is still read.
    expect(run(withTable('其中不予公开4件，主要涉及第三方合法权益。', t))).toEqual([['text-mismatch', 7, 7, 'error']]);
    const t4 = reviewTable([1, 0, 0, 0, 1, 2, 0, 0, 0, 2, 1, 0, 0, 0, 1]);
    const text = (prose: string): string => `${TITLE_2023}\n\n${PERIOD_2023}\n\n四、政府信息公开行政复议、行政诉讼情况\n\n${prose}\n\n${t4}\n`;
    expect(run(text('未经复议直接提起行政诉讼2件，复议后提起行政诉讼1件。'))).toEqual([]);
    expect(run(text('经行政复议后，又被提起行政诉讼1件。'))).toEqual([]);
    expect(run(text('本年度被申请行政复议和提起行政诉讼共4件。'))).toEqual([]);
    // Both kinds named after the total leave the total read.
    expect(run(text('本年度被提起行政诉讼4件，其中直接起诉2件，复议后再起诉1件。'))).toEqual([['text-mismatch', 7, 11, 'error']]);
    expect(run(withTable('全区共受理政府信息公开申请80件，其中本机关受理15件。'))).toEqual([]);
  });

  it('the related places are the table cells with their values', () => {
    const d = lint(parseReport(withTable('本年度共收到政府信息公开申请16件。'), { fileName: 'r.md' }), { only: ['text-mismatch'] });
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toContain('16');
    expect(d[0]!.message).toContain('15');
    expect(d[0]!.related.map((r) => r.message)).toEqual(['一、本年新收政府信息公开申请数量 总计 15']);
  });
});
