import { applicationsTable, naturalPersons } from '../examples.js';
import { identityRule } from '../identity-rule.js';

export default identityRule({
  pointAt: 'left',
  crossYear: true,
  meta: {
    id: 'carryover',
    description: {
      zh: '本年“二、上年结转”应等于上年报告“四、结转下年度继续办理”（逐列）',
      en: "This year's carried over must equal last year's carried forward, column by column",
    },
    severity: 'error',
    details: {
      zh: '需要同一机关上一年度的报告：命令行用 --previous 文件 或 --previous auto（在同一文件夹中按机关名称和年份自动配对），或在 .nianbaorc.json 中配置 previousReport。没有上年报告时不检查。',
      en: "Needs the same agency's report for the year before: --previous FILE, --previous auto (paired in the same folder by agency and year), or previousReport in .nianbaorc.json. Without it the rule does not run.",
    },
    messages: {
      mismatch: {
        zh: '{table}“{place}”列：本年上年结转为 {leftSum}，而上年报告的结转下年度继续办理为 {rightSum}，相差 {diff}。两者应相等。',
        en: "{table}, column “{place}”: carried over this year is {leftSum}, but last year's report carried {rightSum} forward; they differ by {diff}.",
      },
    },
    examples: [
      {
        title: { zh: '上年结转 3 件，本年只接了 2 件', en: 'Last year carried 3 forward, this year took over 2' },
        input: applicationsTable([['carriedOver', naturalPersons(2)]]),
        previous: applicationsTable([['carriedForward', naturalPersons(3)]]),
        findings: [
          { line: 3, column: 22, endLine: 3, endColumn: 23, message: '表三“自然人”列：本年上年结转为 2，而上年报告的结转下年度继续办理为 3，相差 1。两者应相等。' },
          { line: 3, column: 46, endLine: 3, endColumn: 47, message: '表三“总计”列：本年上年结转为 2，而上年报告的结转下年度继续办理为 3，相差 1。两者应相等。' },
        ],
      },
      {
        title: { zh: '两年衔接', en: 'The years connect' },
        input: applicationsTable([['carriedOver', naturalPersons(3)]]),
        previous: applicationsTable([['carriedForward', naturalPersons(3)]]),
        findings: [],
      },
    ],
  },
});
