import { FORMAT_2021 } from '@nianbao/format';
import { identityRule } from '../identity-rule.js';

/** Table 二's 第二十条第（一）项 block with the given cells for 规章 and 规范性文件 (labels from the format). */
function activeTable(regulations: readonly number[], documents: readonly number[]): string {
  const spec = FORMAT_2021.tables.activeDisclosure;
  const block = spec.blocks[0]!;
  const label = (id: string): string => spec.columns.find((c) => c.id === id)!.label;
  const [first, second] = block.rows.map((id) => spec.rows.find((r) => r.id === id)!.label);
  return [
    block.label,
    '',
    `| ${spec.headerTexts[0]!} | ${block.columns.map(label).join(' | ')} |`,
    `|${' --- |'.repeat(block.columns.length + 1)}`,
    `| ${first!} | ${regulations.join(' | ')} |`,
    `| ${second!} | ${documents.join(' | ')} |`,
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
        zh: '{table}“{place}”：{totalLabel}为 {leftSum}，而 {right} = {rightSum}，相差 {diff}。如本年做过文件清理，可在此行上方注明理由后忽略。',
        en: '{table}, “{place}”: {leftSum} in force, but {right} = {rightSum}; they differ by {diff}. If documents were cleaned up this year, suppress with a reason.',
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
