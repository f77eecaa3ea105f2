import { AGENCY_KIND_SPECS, AGENCY_KINDS, agencyKindFromName, localize, type AgencyKind } from '@nianbao/format';
import type { Rule, RuleContext } from '../types.js';

const MONTH_DAY = /^(\d{2})-(\d{2})$/u;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The format's deadlines, as the option writes them ("MM-DD"). */
const DEFAULT_DEADLINES: Record<AgencyKind, string> = Object.fromEntries(
  AGENCY_KINDS.map((k) => [k, `${pad(AGENCY_KIND_SPECS[k].deadline.month)}-${pad(AGENCY_KIND_SPECS[k].deadline.day)}`]),
) as Record<AgencyKind, string>;

/**
 * A real day of the year as "MM-DD" (29 February allowed: it moves to the 28th in a common year), for the
 * option's schema: editors and the configuration check refuse `02-30` or `04-31` with the message below.
 */
const REAL_MONTH_DAY = '^(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-9])|(?:0[13-9]|1[0-2])-30|(?:0[13578]|1[02])-31)$';
const NOT_A_DAY = {
  zh: '不是一年中真实的一天：请写成次年的“月-日”（两位数字，"MM-DD"），如 "01-31"、"03-31"',
  en: 'is not a real day of the year: write the month and day of the following year as "MM-DD" (two digits each), e.g. "01-31" or "03-31"',
};

/** A configured "MM-DD", if it is a real day of the year (29 February allowed: checked against a leap year). */
function monthDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = MONTH_DAY.exec(value);
  if (!m) return undefined;
  const d = new Date(Date.UTC(2024, Number(m[1]) - 1, Number(m[2])));
  return d.getUTCMonth() === Number(m[1]) - 1 && d.getUTCDate() === Number(m[2]) ? value : undefined;
}

/** The deadlines in force: the defaults, each replaced by a valid configured one. */
function deadlines(options: Record<string, unknown>): Record<AgencyKind, string> {
  const configured = options['deadlines'];
  const out = { ...DEFAULT_DEADLINES };
  if (configured && typeof configured === 'object') {
    for (const kind of AGENCY_KINDS) {
      const v = monthDay((configured as Record<string, unknown>)[kind]);
      if (v) out[kind] = v;
    }
  }
  return out;
}

/** The deadline as a date of the year after the report year; 29 February moves to 28 in a common year. */
function deadlineIso(reportYear: number, mmdd: string): string {
  const next = reportYear + 1;
  const leap = (next % 4 === 0 && next % 100 !== 0) || next % 400 === 0;
  return `${next}-${mmdd === '02-29' && !leap ? '02-28' : mmdd}`;
}

function zhDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function check(context: RuleContext): void {
  const { document } = context;
  const year = document.reportYear;
  if (year === undefined) return;
  // The report's own 落款 governs. Without one, the date the page or crawl says it was published, if it is
  // plausible: one before the year's end is the site's error (a template date), not the report's.
  const signed = document.signatureDate?.iso ? document.signatureDate : undefined;
  const page = !signed && document.publishedDate?.iso && document.publishedDate.iso > `${year}-12-31` ? document.publishedDate : undefined;
  const date = signed ?? page;
  if (!date?.iso) return;
  // The kind from options or data; failing both, from the title's agency name.
  const kind: AgencyKind | undefined = context.agencyKind ?? (document.title?.agency ? agencyKindFromName(document.title.agency) : undefined);
  if (date.iso <= `${year}-12-31`) {
    context.report({ messageId: 'tooEarly', data: { date: date.text, year, yearEnd: zhDate(`${year}-12-31`) }, span: date.span });
    return;
  }
  const table = deadlines(context.options);
  // An unknown kind gets the latest deadline of all: only a date late for every kind is reported.
  const mmdd = kind ? table[kind] : [...AGENCY_KINDS.map((k) => table[k])].sort().at(-1)!;
  const deadline = deadlineIso(year, mmdd);
  if (date.iso <= deadline) return;
  if (page) {
    // A site's date may be a re-publication's: it asks to be checked rather than asserts a fault.
    context.report({
      messageId: kind ? 'pageLate' : 'pageLateAny',
      severity: 'warning',
      data: { date: date.text, year, kind: kind ? localize(context.locale, { zh: kind, en: AGENCY_KIND_SPECS[kind].description.en.toLowerCase() }) : '', deadline: zhDate(deadline) },
      span: date.span,
    });
    return;
  }
  context.report({
    messageId: kind ? 'late' : 'lateAny',
    data: { date: date.text, year, kind: kind ? localize(context.locale, { zh: kind, en: AGENCY_KIND_SPECS[kind].description.en.toLowerCase() }) : '', deadline: zhDate(deadline) },
    span: date.span,
  });
}

const rule: Rule = {
  meta: {
    id: 'publish-deadline',
    description: {
      zh: '落款日期应在报告年度结束之后、发布时限之前（部门和乡镇街道1月31日，人民政府3月31日）',
      en: 'The signature date falls after the report year and by the deadline (departments and townships 31 January, governments 31 March)',
    },
    severity: 'error',
    fixable: false,
    details: {
      zh: '《政府信息公开条例》第四十九条：各部门应于每年1月31日前公布本部门上一年度的年度报告，县级以上人民政府应于每年3月31日前公布本级政府上一年度的年度报告；乡镇街道的时限由各地通知规定，一般为1月31日。机关类别取自配置（agencyKind）或报告数据，否则按标题判断：区、县、市、省（人民政府）本级为人民政府，街道、乡、镇为乡镇街道，其余（含人民政府办公室）为部门。类别无法判断时按最晚的时限检查。报告没有落款日期时，看网页或抓取记录里的发布时间（如“发布时间：2024-02-05”）：晚于时限时给一个提示（警告）请作者核对；早于报告年度结束的发布时间是网站的错误，不采用。当地对某类机关另有规定时，可用选项 deadlines 设置（格式 "MM-DD"）。',
      en: 'Article 49 of the Regulations: departments publish by 31 January, county-level and higher governments their own report by 31 March of the following year; townships and street offices follow local notices, usually 31 January. The kind comes from the configuration (agencyKind) or the report data, else from the title. With no kind known, the latest deadline applies. A report with no signature date is judged by the date its page or crawl says it was published (a warning asking to check, when late); a page date before the end of the year is an error of the site and is not used. A locality with another date sets it with the option deadlines ("MM-DD").',
    },
    messages: {
      tooEarly: {
        zh: '落款日期 {date} 早于 {year} 年度结束，年度报告应在 {yearEnd} 之后落款。',
        en: 'The signature date {date} is before the end of {year}; an annual report is signed after {yearEnd}.',
      },
      late: {
        zh: '落款日期 {date} 晚于{kind}的发布时限：{year} 年度报告应在 {deadline} 前公布。',
        en: 'The signature date {date} is after the deadline for {kind}: the {year} report is due by {deadline}.',
      },
      pageLate: {
        zh: '报告没有落款日期；网页上的发布时间 {date} 晚于{kind}的发布时限（{year} 年度报告应在 {deadline} 前公布）。请核对报告的公布日期，并在报告末尾写明落款日期。',
        en: 'The report has no signature date; the page gives it as published on {date}, after the deadline for {kind} (the {year} report is due by {deadline}). Check when it was published, and sign and date the report.',
      },
      pageLateAny: {
        zh: '报告没有落款日期；网页上的发布时间 {date} 晚于任何机关的发布时限（{year} 年度报告最迟应在 {deadline} 前公布）。请核对报告的公布日期，并在报告末尾写明落款日期。',
        en: 'The report has no signature date; the page gives it as published on {date}, after every deadline (the {year} report is due by {deadline} at the latest). Check when it was published, and sign and date the report.',
      },
      lateAny: {
        zh: '落款日期 {date} 晚于任何机关的发布时限：{year} 年度报告最迟应在 {deadline} 前公布。',
        en: 'The signature date {date} is after every deadline: the {year} report is due by {deadline} at the latest.',
      },
    },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        deadlines: {
          type: 'object',
          description: '各类机关的发布时限（报告年度次年的月-日，"MM-DD"）',
          additionalProperties: false,
          properties: Object.fromEntries(AGENCY_KINDS.map((k) => [k, { type: 'string', pattern: REAL_MONTH_DAY, description: AGENCY_KIND_SPECS[k].description.zh, patternErrorMessage: NOT_A_DAY.zh, 'x-message': NOT_A_DAY }])),
        },
      },
    },
    defaultOptions: { deadlines: DEFAULT_DEADLINES },
    examples: [
      {
        title: { zh: '没有落款，网页发布时间晚于时限', en: 'No signature, the page published after the deadline' },
        input: '标题：某某区教育局2023年政府信息公开工作年度报告\n发布时间：2024-02-20\n正文：\n某某区教育局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度工作平稳。\n',
        findings: [{ line: 2, column: 6, endLine: 2, endColumn: 16, severity: 'warning', message: '报告没有落款日期；网页上的发布时间 2024-02-20 晚于部门的发布时限（2023 年度报告应在 2024年1月31日 前公布）。请核对报告的公布日期，并在报告末尾写明落款日期。' }],
      },
      {
        title: { zh: '网页发布时间早于年度结束：网站的错误，不采用', en: 'A page date before the year ends: the site\u2019s error, not used' },
        input: '标题：某某区教育局2023年政府信息公开工作年度报告\n发布时间：2023-01-01\n正文：\n某某区教育局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度工作平稳。\n',
        findings: [],
      },
      {
        title: { zh: '部门报告在2月落款', en: 'A department signs in February' },
        input: '某某区教育局2023年政府信息公开工作年度报告\n\n某某区教育局\n2024年2月5日\n',
        findings: [{ line: 4, column: 1, endLine: 4, endColumn: 10, message: '落款日期 2024年2月5日 晚于部门的发布时限：2023 年度报告应在 2024年1月31日 前公布。' }],
      },
      {
        title: { zh: '在报告年度结束前落款', en: 'Signed before the year ends' },
        input: '某某街道办事处2023年政府信息公开工作年度报告\n\n某某街道办事处\n2023年12月20日\n',
        findings: [{ line: 4, column: 1, endLine: 4, endColumn: 12, message: '落款日期 2023年12月20日 早于 2023 年度结束，年度报告应在 2023年12月31日 之后落款。' }],
      },
      {
        title: { zh: '区人民政府本级报告3月落款', en: 'A district government signs in March' },
        input: '某某区2023年政府信息公开工作年度报告\n\n某某区人民政府\n2024年3月20日\n',
        findings: [],
      },
      {
        title: { zh: '当地规定乡镇街道2月底前公布', en: 'A locality sets end of February for townships' },
        input: '某某镇人民政府2023年政府信息公开工作年度报告\n\n某某镇人民政府\n2024年2月20日\n',
        options: { deadlines: { 乡镇街道: '02-28' } },
        findings: [],
      },
    ],
  },
  check,
};

export default rule;
