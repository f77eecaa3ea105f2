import { DATE_DIGIT } from '@nianbao/format';
import type { DateNode, ReportDocument, Span } from '@nianbao/parse';
import { flattenText, spanAt } from '../text-scan.js';
import type { Rule, RuleContext } from '../types.js';

/**
 * A date range that covers a calendar year written without the 统计期限 keyword (`本报告所列数据时间为
 * 2023年1月1日至2023年12月31日`): the statement is there in other words, so it is not missing.
 */
const UNKEYED_FULL_YEAR = /\d{4}年1月1日起?[至到—–\-~～－]+(?:\d{4}年)?12月31日/u;

/** The place a missing statement is reported at: the title, else the first line. */
function topOf(document: ReportDocument): Span {
  return document.title?.span ?? spanAt(document, 0, 0);
}

/** Whether a period clause reads as a statement at all (digits or a year); `统计时间节点` is not one. */
function hasDateWords(text: string): boolean {
  return DATE_DIGIT.test(text);
}

/** `统计期限为2023年度` / `2023年全年`: a year named without dates. */
const YEAR_ONLY = /^[^\d]*(\d{4})年(?:度|全年)?(?:全年)?[^\d]*$/u;

function isoOf(date: DateNode | null): string | null {
  return date?.iso ?? null;
}

function check(context: RuleContext): void {
  const { document } = context;
  const period = document.period;
  if (!period || !hasDateWords(period.text)) {
    if (!document.isReport) return;
    if (UNKEYED_FULL_YEAR.test(flattenText(document.text))) return;
    context.report({ messageId: 'missing', severity: 'warning', span: topOf(document) });
    return;
  }
  const start = isoOf(period.start);
  const end = isoOf(period.end);
  if (start === null || end === null) {
    const flat = flattenText(period.text);
    const yearOnly = period.start === null && period.end === null ? YEAR_ONLY.exec(flat) : null;
    if (yearOnly) {
      context.report({ messageId: 'yearOnly', severity: 'warning', data: { found: period.text, year: yearOnly[1]! }, span: period.span });
      return;
    }
    // The date that is there but cannot be read, or the whole statement when a date is absent.
    const bad = period.start && !period.start.iso ? period.start : period.end && !period.end.iso ? period.end : undefined;
    context.report({ messageId: 'garbled', data: { found: period.text }, span: bad?.span ?? period.span });
    return;
  }
  const startYear = Number(start.slice(0, 4));
  const endYear = Number(end.slice(0, 4));
  const titleYear = document.title?.year ?? null;
  // Years that differ from each other while one is the title's: year-mismatch points at the wrong one.
  const yearsDiffer = startYear !== endYear && !(titleYear !== null && (startYear === titleYear || endYear === titleYear));
  const startWrong = start.slice(5) !== '01-01';
  const endWrong = end.slice(5) !== '12-31';
  if (!startWrong && !endWrong && !yearsDiffer) return;
  const year = titleYear ?? startYear;
  const at = startWrong ? period.start! : endWrong ? period.end! : period.span;
  context.report({
    messageId: 'notCalendarYear',
    data: { found: period.text, start, end, year },
    span: 'span' in at ? at.span : at,
  });
}

const rule: Rule = {
  meta: {
    id: 'period-statement',
    description: {
      zh: '统计期限应写明，且为报告年度的完整自然年（YYYY年1月1日至YYYY年12月31日）',
      en: 'The statistical period is stated and is the full calendar year (1 January to 31 December)',
    },
    severity: 'error',
    fixable: false,
    details: {
      zh: '年度报告的数据统计期限一律是自然年：`本报告中所列数据统计期限为YYYY年1月1日至YYYY年12月31日`。这句话通常在报告开头（总体情况之前），也有写在“六、其他需要报告的事项”里的，两处都可以。没有这句话时给出提示（warning）；日期读不出（如 `202011日`）、只写到半年、起止不是1月1日和12月31日时报错（error）。只写年份（`统计期限为2023年度`）的给出提示，请写成完整日期。统计期限的年份与标题年份是否一致由 year-mismatch 检查。',
      en: 'The data of an annual report always cover the calendar year: `本报告中所列数据统计期限为YYYY年1月1日至YYYY年12月31日`. The sentence usually stands before section 一, sometimes in section 六; both are fine. A missing statement is a warning; a date that cannot be read (`202011日`), a truncated period, or one that does not run from 1 January to 31 December is an error. A period given only as a year is a warning. Whether its year is the title’s is year-mismatch’s check.',
    },
    messages: {
      missing: {
        zh: '未找到统计期限的说明。应写明“本报告中所列数据统计期限为YYYY年1月1日至YYYY年12月31日”。',
        en: 'No statistical period found. Expected “本报告中所列数据统计期限为YYYY年1月1日至YYYY年12月31日”.',
      },
      garbled: {
        zh: '统计期限“{found}”中的日期无法读出，应写作“YYYY年1月1日至YYYY年12月31日”。',
        en: 'The dates of the statistical period “{found}” cannot be read; expected “YYYY年1月1日至YYYY年12月31日”.',
      },
      yearOnly: {
        zh: '统计期限“{found}”只写了年份，应写明“{year}年1月1日至{year}年12月31日”。',
        en: 'The statistical period “{found}” gives only a year; write “{year}年1月1日至{year}年12月31日”.',
      },
      notCalendarYear: {
        zh: '统计期限为 {start} 至 {end}，不是完整的自然年，应为“{year}年1月1日至{year}年12月31日”。',
        en: 'The statistical period runs from {start} to {end}, not the full calendar year; expected “{year}年1月1日至{year}年12月31日”.',
      },
    },
    examples: [
      {
        title: { zh: '日期残缺', en: 'A garbled date' },
        input: '本报告中所列数据统计期限为202011日至2020年12月31日。\n',
        findings: [{ line: 1, column: 9, endLine: 1, endColumn: 33, message: '统计期限“统计期限为202011日至2020年12月31日”中的日期无法读出，应写作“YYYY年1月1日至YYYY年12月31日”。' }],
      },
      {
        title: { zh: '不是完整的自然年', en: 'Not the full calendar year' },
        input: '本报告中所列数据统计期限为2023年1月1日至2023年11月30日。\n',
        findings: [{ line: 1, column: 24, endLine: 1, endColumn: 35, message: '统计期限为 2023-01-01 至 2023-11-30，不是完整的自然年，应为“2023年1月1日至2023年12月31日”。' }],
      },
      {
        title: { zh: '缺少统计期限', en: 'No statistical period' },
        input: '某某区教育局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n2023年，我局认真贯彻落实《条例》。\n',
        findings: [{ line: 1, column: 1, endLine: 1, endColumn: 24, severity: 'warning', message: '未找到统计期限的说明。应写明“本报告中所列数据统计期限为YYYY年1月1日至YYYY年12月31日”。' }],
      },
      {
        title: { zh: '完整的自然年', en: 'The full calendar year' },
        input: '本报告中所列数据统计期限为2023年1月1日至2023年12月31日。\n',
        findings: [],
      },
      {
        title: { zh: '写在“六、其他需要报告的事项”中', en: 'Stated in section 六' },
        input: '六、其他需要报告的事项\n\n本年度报告所列数据统计期限为2020年1月1日—2020年12月31日。\n',
        findings: [],
      },
    ],
  },
  check,
};

export default rule;
