import { reviewTable } from '../examples.js';
import { identityRule } from '../identity-rule.js';

export default identityRule({
  pointAt: 'left',
  meta: {
    id: 'review-total',
    description: {
      zh: '{table}行政复议：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
      en: 'Table 4, administrative review: total = upheld + corrected + other + pending',
    },
    severity: 'error',
    details: {
      zh: '有空白单元格时不作判断（空白由 cell-blank 报告）。表四与表三不对应（案件可能源于往年的申请），不做交叉核对。',
      en: 'Skipped when a cell is blank (cell-blank reports it). Table 4 is not reconciled with Table 3: cases may stem from earlier years.',
    },
    messages: {
      mismatch: {
        zh: '{table}行政复议：总计为 {leftSum}，而 {right} = {rightSum}，相差 {diff}。',
        en: '{table}, administrative review: the total is {leftSum}, but {right} = {rightSum}; they differ by {diff}.',
      },
    },
    examples: [
      {
        title: { zh: '维持 17、纠正 1，总计却写 17', en: '17 upheld and 1 corrected, total 17' },
        input: reviewTable([17, 1, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        findings: [{ line: 5, column: 20, endLine: 5, endColumn: 22, message: '表四行政复议：总计为 17，而 结果维持 17 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 18，相差 1。' }],
      },
      { title: { zh: '总计正确', en: 'A right total' }, input: reviewTable([17, 1, 0, 0, 18, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), findings: [] },
    ],
  },
});
