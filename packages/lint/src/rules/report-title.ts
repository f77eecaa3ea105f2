import { CJK_YEAR_SOURCE } from '@nianbao/format';
import { compactCjk } from '@nianbao/parse';
import { spanOf, TITLE_PHRASE } from '../structure.js';
import type { Rule } from '../types.js';

/** The title's words compared without spaces, widths, 《》 or quotes, which conversion changes. */
function comparable(text: string): string {
  return compactCjk(text.normalize('NFKC'))
    .replace(/[\s《》〈〉“”"]/gu, '');
}

/** Where a title's agency name ends: its year, or the words of the report's name. */
const TITLE_SPLIT = new RegExp(`\\d{4}|${CJK_YEAR_SOURCE}|政府信息公开|政务公开|信息公开`, 'u');

const rule: Rule = {
  meta: {
    id: 'report-title',
    description: {
      zh: '报告应有标题，写明年度和“政府信息公开工作年度报告”',
      en: 'The report has a title naming the year and 政府信息公开工作年度报告',
    },
    severity: 'warning',
    fixable: false,
    details: {
      zh: '标题是读者和检索找到报告的依据，惯例写法为“机关名称 + YYYY年 + 政府信息公开工作年度报告”，如“南岗区通达街道办事处2023年政府信息公开工作年度报告”。检查：有没有标题；标题有没有年度；有没有“政府信息公开工作年度报告”字样。空格、全角半角、书名号的差异不算问题，“2023年度”与“2023年”同样可以。标题年度与正文是否一致由 year-mismatch 检查。只检查看得出是年度报告的文档（有表格或至少两个章节），不检查片段。',
      en: 'The title is how readers and search find a report; it is customarily “agency + YYYY年 + 政府信息公开工作年度报告”. Checked: that there is a title, that it names the year, and that it says 政府信息公开工作年度报告. Spaces, full/half width and 《》 do not matter, and 2023年度 is as good as 2023年. Whether the title’s year agrees with the text is year-mismatch’s. Only documents that read as a report (a table or two sections) are checked, not fragments.',
    },
    messages: {
      missing: {
        zh: '没有找到报告标题：应在开头写明“{expected}”这样的标题。',
        en: 'No report title found: the report should open with a title such as “{expected}”.',
      },
      noYear: {
        zh: '标题“{found}”没有写明年度：应写作“{expected}”这样的形式。',
        en: 'Title “{found}” does not name the year: expected a title such as “{expected}”.',
      },
      wording: {
        zh: '标题“{found}”缺少“{phrase}”字样：应写作“{expected}”这样的形式。',
        en: 'Title “{found}” does not say “{phrase}”: expected a title such as “{expected}”.',
      },
    },
    examples: [
      {
        title: { zh: '标题没有年度', en: 'A title without the year' },
        input: '# 某某街道办事处政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n',
        findings: [{ line: 1, column: 3, endLine: 1, endColumn: 22, message: '标题“某某街道办事处政府信息公开工作年度报告”没有写明年度：应写作“某某街道办事处YYYY年政府信息公开工作年度报告”这样的形式。' }],
      },
      {
        title: { zh: '标题措辞不全', en: 'Incomplete wording' },
        input: '# 某某街道办事处2023年政务公开年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n',
        findings: [{ line: 1, column: 3, endLine: 1, endColumn: 23, message: '标题“某某街道办事处2023年政务公开年度报告”缺少“政府信息公开工作年度报告”字样：应写作“某某街道办事处2023年政府信息公开工作年度报告”这样的形式。' }],
      },
      {
        title: { zh: '规范标题（“年度”也可以）', en: 'A good title (年度 is fine too)' },
        input: '# 某某街道办事处 2023 年度政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n',
        findings: [],
      },
    ],
  },
  check(context) {
    const { document } = context;
    const title = document.title;
    const year = title?.year ?? document.reportYear;
    const before = title ? compactCjk(title.text).split(TITLE_SPLIT)[0]! : '';
    const agency = title?.agency ?? (before !== '' ? before : undefined) ?? document.contact?.unit ?? '某某机关';
    const expected = `${agency}${year ?? 'YYYY'}年${TITLE_PHRASE}`;
    if (!title) {
      if (!document.isReport) return;
      // At the first line with anything on it: where a title belongs.
      const first = /\S/u.exec(document.text);
      const at = first ? first.index : 0;
      let end = document.text.indexOf('\n', at);
      if (end < 0) end = document.text.length;
      if (document.text[end - 1] === '\r') end--;
      context.report({ messageId: 'missing', data: { expected }, span: spanOf(document, at, end) });
      return;
    }
    const found = title.text;
    // The title span may carry Markdown markers: point at the words.
    const raw = document.text.slice(title.span.start.offset, title.span.end.offset);
    const lead = /^\s*(?:#{1,6}\s+)?/u.exec(raw)![0].length;
    const span = spanOf(document, title.span.start.offset + lead, title.span.end.offset);
    if (title.year === null) {
      context.report({ messageId: 'noYear', data: { found, expected }, span });
      return;
    }
    if (!comparable(found).includes(TITLE_PHRASE)) {
      context.report({ messageId: 'wording', data: { found, phrase: TITLE_PHRASE, expected }, span });
    }
  },
};

export default rule;
