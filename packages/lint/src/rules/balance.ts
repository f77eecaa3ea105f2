import { applicationsTable, naturalPersons } from '../examples.js';
import { identityRule } from '../identity-rule.js';

export default identityRule({
  pointAt: 'right',
  meta: {
    id: 'balance',
    description: {
      zh: '表三每一列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理',
      en: 'Table 3, each column: received + carried over = handled total + carried forward',
    },
    severity: 'error',
    details: {
      zh: '这是表三表头写明的勾稽关系（“第一项加第二项之和，等于第三项加第四项之和”）。（七）总计错了时，这一条仍可能成立，所以另有 outcome-total 单独核对（七）总计。任何一项为空白或无法读出时不作判断。',
      en: "The identity printed in Table 3's own header. A wrong handled total can still satisfy it, which is why outcome-total checks that total on its own. A column with a blank or unreadable term is skipped.",
    },
    messages: {
      mismatch: {
        zh: '{table}“{place}”列：{left} = {leftSum}，而 {right} = {rightSum}，相差 {diff}。第一项加第二项之和应等于第三项加第四项之和。',
        en: '{table}, column “{place}”: {left} = {leftSum}, but {right} = {rightSum}; they differ by {diff}. Received plus carried over must equal handled plus carried forward.',
      },
    },
    examples: [
      {
        title: { zh: '新收 15 件，办结只写了 14 件', en: '15 received, only 14 handled' },
        input: applicationsTable([
          ['newReceived', naturalPersons(15)],
          ['carriedOver', naturalPersons(0)],
          ['handledTotal', naturalPersons(14)],
          ['carriedForward', naturalPersons(0)],
        ]),
        findings: [
          { line: 5, column: 11, endLine: 5, endColumn: 13, message: '表三“自然人”列：一、本年新收政府信息公开申请数量 15 + 二、上年结转政府信息公开申请数量 0 = 15，而 （七）总计 14 + 四、结转下年度继续办理 0 = 14，相差 1。第一项加第二项之和应等于第三项加第四项之和。' },
          { line: 5, column: 36, endLine: 5, endColumn: 38, message: '表三“总计”列：一、本年新收政府信息公开申请数量 15 + 二、上年结转政府信息公开申请数量 0 = 15，而 （七）总计 14 + 四、结转下年度继续办理 0 = 14，相差 1。第一项加第二项之和应等于第三项加第四项之和。' },
        ],
      },
      {
        title: { zh: '收支平衡', en: 'Balanced' },
        input: applicationsTable([
          ['newReceived', naturalPersons(15)],
          ['carriedOver', naturalPersons(2)],
          ['handledTotal', naturalPersons(16)],
          ['carriedForward', naturalPersons(1)],
        ]),
        findings: [],
      },
    ],
  },
});
