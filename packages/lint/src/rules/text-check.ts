import { applicationsTable, naturalPersons } from '../examples.js';
import { cellLabel, countsCarryOver, proseStatements, sourceText } from '../prose-quantities.js';
import type { Rule } from '../types.js';

/**
 * The prose figures that may contradict the tables but may also count something else: a looser noun
 * (`办结依申请公开事项403件`), a sentence about a rate (`按时办结率100%`), requests received counted with
 * those carried over. `text-mismatch` reports the certain ones as errors; these are warnings that ask.
 */
const rule: Rule = {
  meta: {
    id: 'text-check',
    description: {
      zh: '正文中的数字可能与表格不符，请核对（措辞较宽、谈比率、把上年结转算作新收）',
      en: 'A number in the text may contradict the tables: please check (looser wording, a rate, carried-over requests counted as new)',
    },
    severity: 'warning',
    fixable: false,
    details: {
      zh: '与 `text-mismatch` 核对同样的数量，但只在措辞不能确定是同一数量时，以警告请作者核对：名词较宽（“办结依申请公开事项X件”“答复申请X件”“办理政府信息公开申请X件”对应（七）总计）；句子在谈比率（“按时办结率100%”）；“收到申请X件”恰好等于表三“一、本年新收”加“二、上年结转”而正文没有说含上年结转（消息说明似乎把上年结转算作了新收）；“现行有效规范性文件X件”对应表二“行政规范性文件”的现行有效件数（正文可能说的是全地区的文件，所以只请核对；2019 年格式没有现行有效件数，不核对）。含义明确的写法由 `text-mismatch` 以错误报告；同比、累计、其他年份、其他范围、约数照旧不核对。',
      en: 'The quantities of `text-mismatch`, where the words do not make certain they are the same: a looser noun (办结依申请公开事项X件, 答复申请X件, 办理政府信息公开申请X件 against （七）总计), a sentence about a rate (按时办结率100%), or requests received equal to new plus carried over while the text does not say so (the message says the carried-over requests seem counted as new); and 现行有效规范性文件X件 against Table 二’s 现行有效件数 of normative documents (the text may count the whole area’s, so only asked; the 2019 format has no such cell). Warnings that ask the author to check; the certain wordings are `text-mismatch` errors, and comparisons, cumulative figures, other years, other scopes and approximations are still not read.',
    },
    messages: {
      check: {
        zh: '正文写{what} {stated}，而{cells}为 {expected}：若两者指的是同一数量，请核对。',
        en: 'The text gives {what} as {stated}, while {cells} is {expected}: if they mean the same, please check.',
      },
      carryOver: {
        zh: '正文的 {stated} 件似乎把上年结转的 {carried} 件算作新收：{cells}为 {expected}，请核对。',
        en: 'The text’s {stated} seems to count the {carried} carried over from last year as new: {cells} is {expected}; please check.',
      },
    },
    examples: [
      {
        title: { zh: '措辞较宽、句子谈比率', en: 'A looser noun, in a sentence about a rate' },
        input: `依法按时办结依申请公开事项40件，按时办结率100%。\n\n${applicationsTable([
          ['newReceived', naturalPersons(15)],
          ['carriedOver', naturalPersons(0)],
          ['handledTotal', naturalPersons(15)],
          ['carriedForward', naturalPersons(0)],
        ])}\n`,
        findings: [
          {
            line: 1,
            column: 14,
            endLine: 1,
            endColumn: 16,
            message: '正文写办结的申请 40，而表三“（七）总计”总计为 15：若两者指的是同一数量，请核对。',
          },
        ],
      },
      {
        title: { zh: '把上年结转算作新收', en: 'Carried-over requests counted as new' },
        input: `本年度收到政府信息公开申请75件。\n\n${applicationsTable([
          ['newReceived', naturalPersons(74)],
          ['carriedOver', naturalPersons(1)],
        ])}\n`,
        findings: [
          {
            line: 1,
            column: 14,
            endLine: 1,
            endColumn: 16,
            message: '正文的 75 件似乎把上年结转的 1 件算作新收：表三“一、本年新收政府信息公开申请数量”总计为 74，请核对。',
          },
        ],
      },
      {
        title: { zh: '与表格一致', en: 'Agreeing with the tables' },
        input: `本年度办理政府信息公开申请15件，按时答复率100%；收到申请75件（含上年结转1件）。\n\n${applicationsTable([
          ['newReceived', naturalPersons(74)],
          ['carriedOver', naturalPersons(1)],
          ['handledTotal', naturalPersons(15)],
        ])}\n`,
        findings: [],
      },
    ],
  },
  check(context) {
    for (const { statement, expected } of proseStatements(context)) {
      if (!expected) continue;
      const locale = context.locale;
      const cells = sourceText(context, expected.source, locale);
      const related = expected.cells.map((c) => ({ span: c.cell.span, text: `${cellLabel(context, expected.source, c)} ${c.value}` }));
      const carried = statement.loose ? undefined : countsCarryOver(context, statement, expected);
      if (carried !== undefined) {
        context.report({ messageId: 'carryOver', data: { stated: statement.value, carried, cells, expected: expected.value }, span: statement.span, related });
        continue;
      }
      if (!statement.loose || statement.value === expected.value || statement.value === expected.alternative?.value) continue;
      context.report({ messageId: 'check', data: { what: statement.quantity.name[locale], stated: statement.value, cells, expected: expected.value }, span: statement.span, related });
    }
  },
};

export default rule;
