import { identityRule } from '../identity-rule.js';

function activeTable(regulations: readonly number[], documents: readonly number[]): string {
  return [
    '第二十条第（一）项',
    '',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '| --- | --- | --- | --- |',
    `| 规章 | ${regulations.join(' | ')} |`,
    `| 行政规范性文件 | ${documents.join(' | ')} |`,
  ].join('\n');
}

export default identityRule({
  pointAt: 'left',
  crossYear: true,
  meta: {
    id: 'stock-rollforward',
    description: {
      zh: '现行有效件数 ≈ 上年现行有效件数 + 本年制发件数 − 本年废止件数（提示）',
      en: "In force ≈ last year's in force + issued − repealed (a warning)",
    },
    severity: 'warning',
    details: {
      zh: '集中清理文件会合理地打破这一关系，所以只作提示。需要上一年度的报告（见 carryover）。',
      en: 'A clean-up of old documents breaks it legitimately, so it is only a warning. Needs last year’s report (see carryover).',
    },
    messages: {
      mismatch: {
        zh: '表二“{place}”：现行有效件数为 {leftSum}，而 {right} = {rightSum}，相差 {diff}。如本年做过文件清理，可在此行上方注明理由后忽略。',
        en: 'Table 2, “{place}”: {leftSum} in force, but {right} = {rightSum}; they differ by {diff}. If documents were cleaned up this year, suppress with a reason.',
      },
    },
    examples: [
      {
        title: { zh: '上年 15 件，本年制发 4、废止 1，现行有效却写 20', en: '15 last year, 4 issued, 1 repealed, 20 in force' },
        input: activeTable([0, 0, 2], [4, 1, 20]),
        previous: activeTable([0, 0, 2], [2, 0, 15]),
        findings: [{ line: 6, column: 21, endLine: 6, endColumn: 23, severity: 'warning', message: '表二“行政规范性文件”：现行有效件数为 20，而 上年现行有效件数 15 + 本年制发件数 4 − 本年废止件数 1 = 18，相差 2。如本年做过文件清理，可在此行上方注明理由后忽略。' }],
      },
      { title: { zh: '存量衔接', en: 'The stock rolls forward' }, input: activeTable([0, 0, 2], [4, 1, 18]), previous: activeTable([0, 0, 2], [2, 0, 15]), findings: [] },
    ],
  },
});
