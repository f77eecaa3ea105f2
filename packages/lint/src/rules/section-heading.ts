import { canonicalHeading, sectionSpec } from '@nianbao/format';
import type { HeadingNode } from '@nianbao/parse';
import type { Rule, Severity } from '../types.js';

/** What is wrong with a heading, worst first; undefined when it is canonical (or differs only in spacing). */
function problemOf(heading: HeadingNode): { messageId: 'numeral' | 'wording' | 'variant'; severity: Severity } | undefined {
  const wording = heading.title.wording;
  if (wording === 'misspelling' || wording === 'fuzzy') return { messageId: 'wording', severity: 'error' };
  if (heading.numeral.status !== 'canonical') return { messageId: 'numeral', severity: 'error' };
  if (wording === 'variant') return { messageId: 'variant', severity: 'warning' };
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'section-heading',
    description: {
      zh: '六个章节标题的序号和措辞应与国家格式一致',
      en: "The six section headings' numerals and wording follow the national format",
    },
    severity: 'error',
    fixable: true,
    details: {
      zh: '错误（error）：序号错误（`3、` 应为 `三、`，或缺序号 `、主动公开…`）、改变含义或错字（`政务信息公开…`、`行政法复议`、`其他报告的事项`）。提示（warning）：可接受的变体，如 `…的情况`、`存在的主要问题及改进措施`、《条例》原文措辞。两者的修复都是换成规范标题。空格、全角半角的差异是转换噪声，不报告。',
      en: 'Error: a wrong numeral (`3、` for `三、`, or none) or changed wording (`政务信息公开…`, `其他报告的事项`). Warning: an accepted variant (`…的情况`, `…改进措施`, the regulation’s own wording). Both are fixed to the canonical heading. Spacing and full/half width are conversion noise and not reported.',
    },
    messages: {
      numeral: {
        zh: '章节标题“{found}”的序号有误：第{numeral}部分应以“{numeral}、”开头，应为“{expected}”。',
        en: 'Heading “{found}” has a wrong numeral: section {numeral} starts with “{numeral}、”; expected “{expected}”.',
      },
      wording: {
        zh: '章节标题“{found}”与国家格式不符，应为“{expected}”。',
        en: 'Heading “{found}” does not follow the national format; expected “{expected}”.',
      },
      variant: {
        zh: '章节标题“{found}”是可接受的变体，国家格式的写法为“{expected}”。',
        en: 'Heading “{found}” is an accepted variant; the national format writes “{expected}”.',
      },
    },
    examples: [
      {
        title: { zh: '阿拉伯数字序号', en: 'An Arabic numeral' },
        input: '3、 收到和处理政府信息公开申请情况\n',
        findings: [{ line: 1, column: 1, endLine: 1, endColumn: 19, severity: 'error', message: '章节标题“3、 收到和处理政府信息公开申请情况”的序号有误：第三部分应以“三、”开头，应为“三、收到和处理政府信息公开申请情况”。' }],
        fixed: '三、收到和处理政府信息公开申请情况\n',
      },
      {
        title: { zh: '改变了措辞', en: 'Changed wording' },
        input: '## 六、其他报告的事项\n',
        findings: [{ line: 1, column: 4, endLine: 1, endColumn: 13, severity: 'error', message: '章节标题“六、其他报告的事项”与国家格式不符，应为“六、其他需要报告的事项”。' }],
        fixed: '## 六、其他需要报告的事项\n',
      },
      {
        title: { zh: '可接受的变体', en: 'An accepted variant' },
        input: '五、存在的主要问题及改进措施\n',
        findings: [{ line: 1, column: 1, endLine: 1, endColumn: 15, severity: 'warning', message: '章节标题“五、存在的主要问题及改进措施”是可接受的变体，国家格式的写法为“五、存在的主要问题及改进情况”。' }],
        fixed: '五、存在的主要问题及改进情况\n',
      },
      { title: { zh: '规范标题', en: 'Canonical headings' }, input: '一、总体情况\n\n二、主动公开政府信息情况\n', findings: [] },
    ],
  },
  check(context) {
    for (const section of context.document.sections) {
      const heading = section.heading;
      const problem = problemOf(heading);
      if (!problem) continue;
      const expected = canonicalHeading(sectionSpec(section.id));
      context.report({
        messageId: problem.messageId,
        severity: problem.severity,
        data: { found: heading.text, expected, numeral: sectionSpec(section.id).numeral },
        span: heading.span,
        fix: { start: heading.span.start.offset, end: heading.span.end.offset, text: expected },
      });
    }
  },
};

export default rule;
