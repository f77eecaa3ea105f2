import { FORMAT_2021 } from '@nianbao/format';
import { applicationsTable, naturalPersons } from '../examples.js';
import { identityRule } from '../identity-rule.js';

/** The outcome rows of the identity, from the format data, in order. */
const OUTCOME_ROWS = FORMAT_2021.identities.find((i) => i.rule === 'outcome-total')!.right.map((t) => t.ref);
/** The outcomes the example fills in; every other outcome row is 0. */
const FILLED: Record<string, number> = { disclosed: 4, partiallyDisclosed: 2, unavailableNotHeld: 3 };

function table(total: number): string {
  return applicationsTable([
    ...OUTCOME_ROWS.map((id) => [id, naturalPersons(FILLED[id] ?? 0)] as const),
    ['handledTotal', naturalPersons(total)],
  ]);
}

export default identityRule({
  pointAt: 'left',
  meta: {
    id: 'outcome-total',
    description: {
      zh: '表三每一列：（七）总计 = 各项办理结果之和',
      en: 'Table 3, each column: the handled total = the sum of every outcome row',
    },
    severity: 'error',
    details: {
      zh: '（七）总计 =（一）予以公开 +（二）部分公开 +（三）不予公开 1–8 +（四）无法提供 1–3 +（五）不予处理 1–5 +（六）其他处理 1–3（2019年格式的（六）只有一行）。（七）总计写错时 balance 仍可能成立，所以要单独核对。',
      en: 'The handled total is the sum of all outcome rows ((六) is one row in the 2019 format). Checked on its own because a wrong total can still satisfy balance.',
    },
    messages: {
      mismatch: {
        zh: '{table}“{place}”列：{totalLabel}为 {leftSum}，而各项办理结果之和为 {right} = {rightSum}，相差 {diff}。',
        en: '{table}, column “{place}”: the handled total is {leftSum}, but the outcome rows add up to {right} = {rightSum}; they differ by {diff}.',
      },
    },
    examples: [
      {
        title: { zh: '各项结果之和是 9，总计写了 8', en: 'Outcomes add up to 9, total says 8' },
        input: table(8),
        findings: [
          { line: 24, column: 11, endLine: 24, endColumn: 12, message: '表三“自然人”列：（七）总计为 8，而各项办理结果之和为 （一）予以公开 4 + （二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 + 1.本机关不掌握相关政府信息 3（其余 18 项为 0） = 9，相差 1。' },
          { line: 24, column: 35, endLine: 24, endColumn: 36, message: '表三“总计”列：（七）总计为 8，而各项办理结果之和为 （一）予以公开 4 + （二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 + 1.本机关不掌握相关政府信息 3（其余 18 项为 0） = 9，相差 1。' },
        ],
      },
      { title: { zh: '总计与各项之和一致', en: 'Total matches the outcomes' }, input: table(9), findings: [] },
    ],
  },
});
