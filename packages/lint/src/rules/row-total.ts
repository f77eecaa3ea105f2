import { applicationsTable } from '../examples.js';
import { identityRule } from '../identity-rule.js';

export default identityRule({
  pointAt: 'left',
  meta: {
    id: 'row-total',
    description: {
      zh: '表三每一行：总计 = 六类申请人之和',
      en: 'Table 3, each row: total = the sum of the six applicant columns',
    },
    severity: 'error',
    details: {
      zh: '“法人或其他组织”只是跨列表头，没有小计列，所以总计等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。',
      en: '法人或其他组织 is only a spanning header with no subtotal column, so the total is the sum of the six applicant columns.',
    },
    messages: {
      mismatch: {
        zh: '{table}“{place}”一行：总计为 {leftSum}，而各类申请人之和为 {right} = {rightSum}，相差 {diff}。',
        en: '{table}, row “{place}”: the total is {leftSum}, but the applicants add up to {right} = {rightSum}; they differ by {diff}.',
      },
    },
    examples: [
      {
        title: { zh: '总计少算了一件', en: 'A total one short' },
        input: applicationsTable([['newReceived', [10, 2, 0, 0, 0, 1, 12]]]),
        findings: [{ line: 3, column: 47, endLine: 3, endColumn: 49, message: '表三“一、本年新收政府信息公开申请数量”一行：总计为 12，而各类申请人之和为 自然人 10 + 商业企业 2 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 1 = 13，相差 1。' }],
      },
      {
        title: { zh: '总计正确', en: 'A right total' },
        input: applicationsTable([['newReceived', [10, 2, 0, 0, 0, 1, 13]]]),
        findings: [],
      },
    ],
  },
});
