import { CJK_YEAR_SOURCE } from '@nianbao/format';
import type { DateNode, ParagraphNode, SentenceNode, Span } from '@nianbao/parse';
import { COMPARISON, flatIndexAt, flatSpan, spanAt, flattenText, insideBookTitle, YEAR_DIGITS, yearsIn, yearValue, type FlatText, flatSentence } from '../text-scan.js';
import type { ReportDescriptor, Rule, RuleContext } from '../types.js';

/**
 * `在总结2021年政府信息公开工作的基础上` / `全面总结了2020年…年度政府信息公开工作`: the work the report sums
 * up is this year's, whatever else the sentence says.
 */
const SUMMARY = new RegExp(`总结了?(${YEAR_DIGITS})年度?[^。；;，,《》]{0,30}?(?:政府信息公开|政务公开|信息公开)`, 'dgu');

/** `现发布《平房区2023年政府信息公开工作年度报告》`: the report naming itself. */
const SELF_NAME = new RegExp(
  `(?:现|特)(?:将|(?:予以)?(?:公布|发布|编制|印发))[^。；;]{0,30}?(${YEAR_DIGITS})年度?[^。；;，,《》]{0,25}?(?:政府信息公开|政务公开)(?:工作)?年度报告`,
  'dgu',
);

/**
 * A sentence that opens with a year and goes on about what the agency did: `2021年，我办…`,
 * `2022年我办接到…`. A year followed by a month (`2022年12月，…`) is a dated event, not the report year.
 */
const OPENING = new RegExp(`^(${YEAR_DIGITS})年度?(?:[，,]|(?=我|本(?:单位|机关|部门|街道|镇|乡)|全(?:年|区|市|县|镇|乡|街|局|委|办)|共))`, 'u');

/**
 * Besides comparisons: plans (`2024年，我办将…`), last year's report or assessment (`2022年报告中…`,
 * `2022年，我区在全市考核中…`): years that are rightly not this one.
 */
const NOT_THIS_YEAR = /将|计划|拟|预计|力争|报告|年报|整改|考核|评估|评议|排名|被评|获评|荣获|获得(?!感)|被确定|被列为|入选/u;

/** An enumerator and a few words that lead a paragraph (`（二）依申请公开情况。`). */
/** Four digits (possibly spaced out by PDF export, or in Chinese numerals): where a year can be. */
const YEARISH = new RegExp(`[\\d\\uff10-\\uff19][\\s\\u3000]*[\\d\\uff10-\\uff19][\\s\\u3000]*[\\d\\uff10-\\uff19][\\s\\u3000]*[\\d\\uff10-\\uff19]|${CJK_YEAR_SOURCE}`, 'u');

function isLeadIn(paragraph: ParagraphNode, sentence: SentenceNode): boolean {
  return paragraph.enumerator !== undefined && sentence.span.start.offset <= paragraph.enumerator.span.start.offset && sentence.text.length <= 24;
}

/** The sentences that open a paragraph: the first, or the one after a lead-in. */
function openingSentences(paragraph: ParagraphNode): SentenceNode[] {
  const [first, second] = paragraph.sentences;
  if (!first) return [];
  if (second && isLeadIn(paragraph, first)) return [second];
  return [first];
}

/**
 * Where the sentence's own words may start: after an enumerator (`（一）2021年，…`), or after a sub-head
 * on a line of its own that the paragraph runs on from (`（一）主动公开情况\n2021年，…`, with no blank line).
 */
function openings(paragraph: ParagraphNode, sentence: SentenceNode, flat: FlatText): Array<{ text: string; shift: number }> {
  const e = paragraph.enumerator;
  if (!e || e.span.start.offset !== sentence.span.start.offset) return [{ text: flat.text, shift: 0 }];
  const lineEnd = sentence.text.indexOf('\n');
  const ends = [e.span.end.offset, ...(lineEnd >= 0 && lineEnd <= 30 ? [sentence.span.start.offset + lineEnd] : [])];
  return ends
    .map((end) => flatIndexAt(flat, end))
    .filter((shift) => shift >= 0)
    .map((shift) => ({ text: flat.text.slice(shift), shift }));
}

interface Place {
  /** What the report's year was read from, for the message. */
  source: 'title' | 'period';
  year: number;
  span: Span;
}

/** The year digits of a written date. */
function yearSpanOf(context: RuleContext, date: DateNode): Span | undefined {
  const m = new RegExp(YEAR_DIGITS, 'u').exec(date.text);
  if (!m) return undefined;
  const start = date.span.start.offset + m.index;
  return spanAt(context.document, start, start + m[0].length);
}

function check(context: RuleContext): void {
  const { document } = context;
  const title = document.title;
  const periodStart = document.period?.start?.iso ? document.period.start : undefined;
  const reference: Place | undefined =
    title?.year != null && title.yearSpan
      ? { source: 'title', year: title.year, span: title.yearSpan }
      : periodStart
        ? { source: 'period', year: Number(periodStart.iso!.slice(0, 4)), span: periodStart.span }
        : undefined;
  if (!reference) return;
  const expected = reference.year;
  const related = (): ReportDescriptor['related'] => [
    { span: reference.span, messageId: reference.source === 'title' ? 'titleYear' : 'periodYear', data: { year: expected } },
  ];

  // The 统计期限's written years against the title's.
  if (reference.source === 'title' && document.period) {
    const wrong = [document.period.start, document.period.end].filter(
      (d): d is DateNode => d !== null && d.iso !== null && Number(d.iso.slice(0, 4)) !== expected && new RegExp(YEAR_DIGITS, 'u').test(d.text),
    );
    const first = wrong[0];
    const span = first ? yearSpanOf(context, first) : undefined;
    if (first && span) {
      context.report({
        messageId: 'period',
        data: { found: Number(first.iso!.slice(0, 4)), expected, text: document.period.text },
        span,
        related: related(),
      });
    }
  }

  // Where the title and the statistical period name the same year, the report's year is certain: a
  // wrong year in the prose is replaced by it (Arabic digits written in one piece only).
  const periodYear = document.period?.start?.iso ? Number(document.period.start.iso.slice(0, 4)) : undefined;
  const certain = reference.source === 'title' && periodYear === expected;
  const seen = new Set<number>();
  const report = (messageId: 'summary' | 'opening' | 'selfName', flat: FlatText, start: number, found: number, text: string): void => {
    const span = flatSpan(document, flat, start, start + 4);
    if (seen.has(span.start.offset)) return;
    seen.add(span.start.offset);
    const written = document.text.slice(span.start.offset, span.end.offset);
    const fix = certain && /^\d{4}$/u.test(written) ? { start: span.start.offset, end: span.end.offset, text: String(expected) } : undefined;
    context.report({ messageId, data: { found, expected, text }, span, related: related(), ...(fix ? { fix } : {}) });
  };

  for (const paragraph of document.paragraphs) {
    for (const sentence of paragraph.sentences) {
      // Both patterns name a year: a sentence without four digits in a row has none to check.
      if (!YEARISH.test(sentence.text)) continue;
      const flat = flatSentence(sentence);
      for (const re of [SUMMARY, SELF_NAME]) {
        for (const m of flat.text.matchAll(re)) {
          const year = yearValue(m[1]!);
          const at = m.indices![1]![0];
          // A year inside 《…》 is part of a name (`《关于做好2023年…的通知》`) unless it is this report's own name.
          if (re === SUMMARY && insideBookTitle(flat.text, at)) continue;
          if (year === expected) continue;
          report(re === SUMMARY ? 'summary' : 'selfName', flat, at, year, excerpt(flat.text, m.index, m.index + m[0].length));
        }
      }
    }
    for (const sentence of openingSentences(paragraph)) {
      if (!YEARISH.test(sentence.text)) continue;
      const flat = flatSentence(sentence);
      const opening = openings(paragraph, sentence, flat).find((o) => OPENING.test(o.text));
      if (!opening) continue;
      const { text, shift } = opening;
      const m = OPENING.exec(text)!;
      const year = yearValue(m[1]!);
      // Last year's is the year a reused report leaves behind. A later year is a plan; an older one at a
      // paragraph's start is history (`2018年，我区出台…`): neither is read as this year.
      if (year !== expected - 1) continue;
      // The whole sentence, up to its full stop: a contrast often follows a semicolon (`…10件；较上年…`).
      const whole = flattenText(document.text.slice(sentence.span.start.offset, fullStop(document.text, sentence.span.start.offset, paragraph.span.end.offset)));
      if (COMPARISON.test(whole) || NOT_THIS_YEAR.test(whole)) continue;
      // A sentence that names this year too is contrasting the two (`2022年…，2023年…`).
      if (yearsIn(whole).some((y) => y.year === expected && !y.inTitle)) continue;
      report('opening', flat, shift, year, excerpt(text, 0, Math.min(text.length, 16)));
    }
  }
}

/** The offset just past the first full stop after `from` (semicolons do not end it), or `end`. */
function fullStop(text: string, from: number, end: number): number {
  const m = /[。！？!?]/u.exec(text.slice(from, end));
  return m ? from + m.index + 1 : end;
}

function excerpt(text: string, start: number, end: number): string {
  const part = text.slice(start, end);
  return end < text.length && end - start >= 16 ? `${part}…` : part;
}

const rule: Rule = {
  meta: {
    id: 'year-mismatch',
    description: {
      zh: '标题年份、统计期限年份与正文中指本年度的年份应一致',
      en: 'The title year, the statistical period’s year and the year the text speaks of as this year agree',
    },
    severity: 'error',
    fixable: true,
    details: {
      zh: '常见的复制粘贴错误：沿用上年报告时留下了上年的年份，如前言中的“在总结 2021 年政府信息公开工作的基础上”、总体情况开头的“2021 年，我办……”。本规则只检查含义明确的写法：统计期限的年份、“总结……年……政府信息公开工作”、“现发布……年政府信息公开工作年度报告”，以及段落开头以上一年“YYYY年，”叙述本单位工作的句子（更早的年份在段首多是沿革，不报告）。以下年份是正当的，不报告：文号（`〔2021〕30号`、`〔2024〕1号`）、书名号中的文件名称（`《2022年…目录清单》`）、下一年度的计划（`2024年将…`）、与上年对比的句子（含“同比”“较上年”“上年”等）、落款或发布日期。标题与统计期限的年份一致时，年份是确定的：`--fix` 把正文中写错的年份（一次写成的四位阿拉伯数字）改为报告年度；统计期限本身的年份不自动修改。',
      en: 'A common copy-paste fault: last year’s year left in when reusing last year’s report, as in `在总结 2021 年政府信息公开工作的基础上` or a section opening `2021 年，我办…`. Only unambiguous patterns are checked: the statistical period’s years, “总结…年…政府信息公开工作”, the report naming itself, and a paragraph that opens with last year (`YYYY年，`) and goes on about the agency’s work (an older year there is usually history and is not reported). Legitimate other years are not reported: document numbers (`〔2021〕30号`), names in 《…》, next year’s plans (`2024年将…`), sentences contrasting with last year (同比, 较上年, 上年), and the signature or publication date. Where the title and the statistical period name the same year, the year is certain: `--fix` replaces a wrong year in the prose (four Arabic digits written in one piece) with the report year; the period’s own year is never changed automatically.',
    },
    messages: {
      period: {
        zh: '统计期限“{text}”的年份为 {found}，与报告年度 {expected} 不一致。',
        en: 'The statistical period “{text}” is in {found}, but the report is for {expected}.',
      },
      summary: {
        zh: '“{text}”总结的是 {found} 年的工作，本报告为 {expected} 年度报告，应为 {expected} 年。',
        en: '“{text}” sums up the work of {found}, but this is the {expected} report; expected {expected}.',
      },
      selfName: {
        zh: '“{text}”中报告的年份为 {found}，本报告为 {expected} 年度报告。',
        en: '“{text}” names the report as {found}’s, but this is the {expected} report.',
      },
      opening: {
        zh: '“{text}”以 {found} 年开头叙述本年度工作，本报告为 {expected} 年度报告，应为 {expected} 年。',
        en: '“{text}” opens with {found} to tell this year’s work, but this is the {expected} report; expected {expected}.',
      },
      titleYear: { zh: '标题中的年份 {year}', en: 'The title’s year, {year}' },
      periodYear: { zh: '统计期限的年份 {year}', en: 'The statistical period’s year, {year}' },
    },
    examples: [
      {
        title: { zh: '沿用了上年的年份', en: 'Last year’s year left in' },
        input: [
          '某某区人民政府办公室2022年政府信息公开工作年度报告',
          '',
          '我办在总结2021年政府信息公开工作的基础上，编制了此报告。本报告中所列数据统计期限为2022年1月1日至2022年12月31日。',
          '',
          '一、总体情况',
          '',
          '2021年，我办认真贯彻落实《条例》要求。',
          '',
        ].join('\n'),
        findings: [
          { line: 3, column: 6, endLine: 3, endColumn: 10, message: '“总结2021年政府信息公开”总结的是 2021 年的工作，本报告为 2022 年度报告，应为 2022 年。' },
          { line: 7, column: 1, endLine: 7, endColumn: 5, message: '“2021年，我办认真贯彻落实《条…”以 2021 年开头叙述本年度工作，本报告为 2022 年度报告，应为 2022 年。' },
        ],
        // The title and the period agree on 2022: the prose's 2021s are replaced by it.
        fixed: [
          '某某区人民政府办公室2022年政府信息公开工作年度报告',
          '',
          '我办在总结2022年政府信息公开工作的基础上，编制了此报告。本报告中所列数据统计期限为2022年1月1日至2022年12月31日。',
          '',
          '一、总体情况',
          '',
          '2022年，我办认真贯彻落实《条例》要求。',
          '',
        ].join('\n'),
      },
      {
        title: { zh: '统计期限的年份与标题不符', en: 'The period’s year differs from the title’s' },
        input: '某某街道办事处2023年政府信息公开工作年度报告\n\n本报告中所列数据统计期限为2022年1月1日至2022年12月31日。\n',
        findings: [{ line: 3, column: 14, endLine: 3, endColumn: 18, message: '统计期限“统计期限为2022年1月1日至2022年12月31日”的年份为 2022，与报告年度 2023 不一致。' }],
      },
      {
        title: { zh: '文号、文件名称、计划和对比中的其他年份', en: 'Other years in document numbers, names, plans and comparisons' },
        input: [
          '某某区人民政府办公室2022年政府信息公开工作年度报告',
          '',
          '根据《通知》（国办公开办函〔2021〕30号）要求，我办在总结2022年政府信息公开工作的基础上，编制了此报告。',
          '',
          '一、总体情况',
          '',
          '2022年，我办更新《2022年行政事业性收费目录清单》。',
          '',
          '2021年，我办共收到申请10件，2022年同比增长50%。',
          '',
          '2023年，我办将进一步提升政务公开质量。',
          '',
          '2023年1月20日',
          '',
        ].join('\n'),
        findings: [],
      },
    ],
  },
  check,
};

export default rule;
