import { reviewTable } from '../examples.js';
import { identityRule } from '../identity-rule.js';

export default identityRule({
  pointAt: 'left',
  meta: {
    id: 'litigation-total',
    description: {
      zh: '表四行政诉讼（未经复议直接起诉、复议后起诉各自）：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
      en: 'Table 4, each lawsuit block: total = upheld + corrected + other + pending',
    },
    severity: 'error',
    messages: {
      mismatch: {
        zh: '{table}行政诉讼“{place}”：总计为 {leftSum}，而 {right} = {rightSum}，相差 {diff}。',
        en: '{table}, lawsuits “{place}”: the total is {leftSum}, but {right} = {rightSum}; they differ by {diff}.',
      },
    },
    examples: [
      {
        title: { zh: '复议后起诉：尚未审结 2 件没有计入总计', en: 'After review: 2 pending left out of the total' },
        input: reviewTable([0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0]),
        findings: [{ line: 5, column: 59, endLine: 5, endColumn: 60, message: '表四行政诉讼“复议后起诉”：总计为 0，而 结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 2 = 2，相差 2。' }],
      },
      { title: { zh: '两块总计都正确', en: 'Both totals right' }, input: reviewTable([0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 2]), findings: [] },
    ],
  },
});
