import type { SectionSpec } from './types.js';

/** The six sections, the same in both formats (format.md §2; 条例 第五十条). */
export const SECTIONS: readonly SectionSpec[] = [
  {
    id: 'overview',
    numeral: '一',
    title: '总体情况',
    variants: [],
    misspellings: [],
    subheads: ['主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障'],
    contents: {
      zh: '本年度政府信息公开工作的总体情况，习惯上分为（一）主动公开（二）依申请公开（三）政府信息管理（四）平台建设（五）监督保障五个方面。',
      en: "An overview of the year's disclosure work, customarily under five sub-heads: proactive disclosure, disclosure on request, information management, platforms, and oversight.",
    },
  },
  {
    id: 'activeDisclosure',
    numeral: '二',
    title: '主动公开政府信息情况',
    variants: ['主动公开政府信息的情况'],
    misspellings: [],
    subheads: [],
    table: 'activeDisclosure',
    contents: {
      zh: '表二：依《条例》第二十条第（一）（五）（六）（八）项主动公开的规章、规范性文件、处理决定和收费情况。',
      en: 'Table 2: what was proactively disclosed under Art. 20 items (1), (5), (6) and (8): rules, normative documents, decisions and fees.',
    },
  },
  {
    id: 'applications',
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    variants: ['收到和处理政府信息公开申请的情况'],
    misspellings: [],
    subheads: [],
    table: 'applications',
    contents: {
      zh: '表三：本年新收、上年结转的政府信息公开申请，按申请人类别分列的办理结果，以及结转下年度继续办理的数量。',
      en: 'Table 3: requests received this year and carried over, their outcomes by kind of applicant, and those carried forward to next year.',
    },
  },
  {
    id: 'reviewLitigation',
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼的情况', '政府信息公开行政复议、行政诉讼的情况'],
    misspellings: ['政务信息公开行政复议、行政诉讼情况', '政府信息公开行政法复议、行政诉讼情况'],
    subheads: [],
    table: 'reviewLitigation',
    contents: {
      zh: '表四：因政府信息公开工作被申请行政复议、提起行政诉讼的案件数及其结果（维持、纠正、其他、尚未审结）。',
      en: 'Table 4: administrative reviews and lawsuits over disclosure, with their outcomes (upheld, corrected, other, pending).',
    },
  },
  {
    id: 'problems',
    numeral: '五',
    title: '存在的主要问题及改进情况',
    variants: ['存在的主要问题及改进措施', '政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及改进的情况'],
    misspellings: [],
    subheads: [],
    contents: {
      zh: '本年度工作存在的主要问题、改进措施，以及上一年度报告所列问题的整改情况；各级人民政府的报告还应包括工作考核、社会评议和责任追究结果情况。',
      en: "The main problems and how they will be fixed, and how last year's were; a government's own report also covers appraisal, public evaluation and accountability.",
    },
  },
  {
    id: 'otherMatters',
    numeral: '六',
    title: '其他需要报告的事项',
    variants: ['其它需要报告的事项'],
    misspellings: ['其他报告的事项'],
    subheads: [],
    contents: {
      zh: '其他需要报告的事项；自2021年度报告起应说明收取信息处理费的情况（如“本年度未收取信息处理费”）。',
      en: 'Other matters; from the 2021 reports on it states the information processing fees collected (e.g. none this year).',
    },
  },
];
