import { localize, sectionSpec } from '@nianbao/format';
import { headingOf, mainSections, sectionAt } from '../structure.js';
import type { Rule } from '../types.js';

const rule: Rule = {
  meta: {
    id: 'fee-statement',
    description: {
      zh: '2021年度起，第六部分应说明收取信息处理费的情况',
      en: 'From the 2021 reports on, section 六 states the information processing fees collected',
    },
    severity: 'warning',
    fixable: false,
    details: {
      zh: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）自2021年1月1日起施行，2021年度起的年度报告应在“六、其他需要报告的事项”中说明本年度收取信息处理费的情况，没有收取也要写明，如“本年度未收取信息处理费”。“信息费”“处理费”的写法同样认可；只在书名号里提到办法名称不算说明。2019、2020年度的报告不需要这一项。没有第六部分时由 section-missing 报告，这里不再重复；年度不明时不检查。',
      en: 'The fee rules of 国办函〔2020〕109号 apply from 2021-01-01, so from the 2021 reports on, “六、其他需要报告的事项” states the information processing fees collected, none included (e.g. 本年度未收取信息处理费). 信息费 and 处理费 are accepted wordings; naming the regulation in 《》 alone is not a statement. Reports for 2019 and 2020 need none. Without a section 六 this is left to section-missing; with the year unknown it is not checked.',
    },
    messages: {
      missing: {
        zh: '第六部分“{heading}”没有说明信息处理费情况：{year}年度报告应写明本年度收取信息处理费的情况（未收取也应写明，如“本年度未收取信息处理费”）。',
        en: 'Section 六 “{heading}” says nothing about information processing fees: a report for {year} states the fees collected, none included (e.g. 本年度未收取信息处理费).',
      },
      elsewhere: {
        zh: '第六部分“{heading}”没有说明信息处理费情况：报告在{where}提到了，按国家格式应写在“{expected}”中。',
        en: 'Section 六 “{heading}” says nothing about information processing fees: the report states them in {where}; the national format puts them in “{expected}”.',
      },
      statedHere: { zh: '信息处理费情况写在这里', en: 'The fees are stated here' },
    },
    examples: [
      {
        title: { zh: '第六部分没有提到信息处理费', en: 'Section 六 silent on fees' },
        input: '# 某某街道办事处2023年政府信息公开工作年度报告\n\n五、存在的主要问题及改进情况\n\n加强培训。\n\n六、其他需要报告的事项\n\n无其他需要报告的事项。\n',
        findings: [{ line: 7, column: 1, endLine: 7, endColumn: 12, message: '第六部分“六、其他需要报告的事项”没有说明信息处理费情况：2023年度报告应写明本年度收取信息处理费的情况（未收取也应写明，如“本年度未收取信息处理费”）。' }],
      },
      {
        title: { zh: '写明了未收取', en: 'None collected, stated' },
        input: '# 某某街道办事处2023年政府信息公开工作年度报告\n\n六、其他需要报告的事项\n\n本年度未收取信息处理费。\n',
        findings: [],
      },
      {
        title: { zh: '2020年度报告不需要', en: 'Not needed for 2020' },
        input: '# 某某街道办事处2020年政府信息公开工作年度报告\n\n六、其他需要报告的事项\n\n无其他需要报告的事项。\n',
        findings: [],
      },
    ],
  },
  check(context) {
    const { document, format } = context;
    // Without the year the format due cannot be told; year-mismatch and report-title speak to that.
    if (document.reportYear === undefined || !format.feeStatementRequired) return;
    const others = mainSections(document).filter((s) => s.id === 'otherMatters');
    if (others.length === 0) return;
    const fee = document.fee;
    // The parser looks in section 六 first: a statement found elsewhere means 六 has none.
    const feeSection = fee ? sectionAt(document, fee.span.start.offset) : undefined;
    if (fee && feeSection?.id === 'otherMatters') return;
    const six = others[0]!;
    const heading = six.heading.text;
    if (fee) {
      const where = feeSection
        ? localize(context.locale, { zh: `第${sectionSpec(feeSection.id).numeral}部分`, en: `section ${sectionSpec(feeSection.id).numeral}` })
        : localize(context.locale, { zh: '报告开头', en: 'the opening' });
      context.report({
        messageId: 'elsewhere',
        data: { heading, where, expected: headingOf('otherMatters') },
        span: six.heading.span,
        related: [{ span: fee.span, messageId: 'statedHere' }],
      });
      return;
    }
    context.report({ messageId: 'missing', data: { heading, year: document.reportYear }, span: six.heading.span });
  },
};

export default rule;
