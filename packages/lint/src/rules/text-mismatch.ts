import type { QuantityId } from '@nianbao/format';
import { applicationsTable, naturalPersons, reviewTable } from '../examples.js';
import { cellLabel, countsCarryOver, proseStatements, sourceText, type Statement } from '../prose-quantities.js';
import type { Rule, RuleContext } from '../types.js';

function check(context: RuleContext): void {
  // With no table to check against, a count stated twice must at least agree with itself: each such
  // statement is judged as it comes, against the first of its quantity (a run-on paragraph states a
  // hundred thousand; holding them all to look at each once was most of this rule's memory).
  const first = new Map<QuantityId, Statement>();
  const unchecked = (statement: Statement): void => {
    if (statement.quantity.id === 'received' && statement.includesCarryOver) return;
    const earlier = first.get(statement.quantity.id);
    if (!earlier) {
      first.set(statement.quantity.id, statement);
      return;
    }
    if (earlier.value === statement.value) return;
    context.report({
      messageId: 'inconsistent',
      data: { what: statement.quantity.name[context.locale], stated: statement.value, earlier: earlier.value, line: earlier.span.start.line },
      span: statement.span,
      related: [{ span: earlier.span, messageId: 'earlier', data: { earlier: earlier.value } }],
    });
  };
  for (const { statement, expected } of proseStatements(context)) {
    // Looser words, a rate, or carried-over requests counted as new: `text-check` asks about those.
    if (statement.loose) continue;
    if (!expected) {
      unchecked(statement);
      continue;
    }
    if (statement.value === expected.value || statement.value === expected.alternative?.value || countsCarryOver(context, statement, expected) !== undefined) continue;
    const locale = context.locale;
    context.report({
      messageId: expected.alternative ? 'mismatchWithCarryOver' : 'mismatch',
      data: {
        what: statement.quantity.name[locale],
        stated: statement.value,
        cells: sourceText(context, expected.source, locale),
        expected: expected.value,
        alternative: expected.alternative?.value ?? '',
      },
      span: statement.span,
      related: (expected.alternative?.cells ?? expected.cells).map((c) => ({ span: c.cell.span, text: `${cellLabel(context, expected.source, c)} ${c.value}` })),
    });
  }
}

const applicationsExample = (received: number, disclosed: number): string =>
  applicationsTable([
    ['newReceived', naturalPersons(received)],
    ['carriedOver', naturalPersons(0)],
    ['disclosed', naturalPersons(disclosed)],
  ]);

const rule: Rule = {
  meta: {
    id: 'text-mismatch',
    description: {
      zh: '正文中的数字应与表格一致（收到、办结、予以公开、不予公开、行政复议等）',
      en: 'Numbers stated in the text agree with the tables (received, handled, disclosed, withheld, reviews…)',
    },
    severity: 'error',
    fixable: false,
    details: {
      zh: '正文常在“依申请公开情况”中复述表三、表四的数字，改了表格忘了改正文（或反过来）是常见错误。本规则以错误报告含义明确的写法（含义较宽的写法、谈比率的句子、把上年结转算作新收的，由 `text-check` 以警告请作者核对）：收到/新收/接到/接收/受理（各类）……申请X件，或数字在前的“收到X件（政府信息公开）申请”“收到X份申请” = 表三“一、本年新收”总计（正文说明含上年结转的，也接受“一”加“二”；“申请人”“申请材料”“申请书”不是申请）；办结X件 = （七）总计；上年结转、上一年度结转X件 = “二”总计；结转X件 = “四、结转下年度继续办理”总计；予以公开、部分公开X件 = （一）、（二）总计；不予公开、无法提供、不予处理X件 = （三）、（四）、（五）各项总计之和；行政复议X件 = 表四行政复议总计；行政诉讼X件 = 两类行政诉讼总计之和；只谈行政复议的句子里的结果维持、结果纠正X件 = 表四相应单元格。表格无法核对时，正文两次说到同一个数量须一致。只含百分比的句子（“其中予以公开34件，占42%”）照常核对。为避免误报，以下不核对：含同比、较上年、增长、下降、累计的句子，提到其他年份的，说到各部门、本级等其他范围的，先说全地区再说“其中本机关……”的，约数（“600余条”）和范围；同一分句里说明了理由的不予公开、无法提供、不予处理（“因保护第三方合法权益不予公开2件”只是（三）中的一项）；前面说了是哪一类的行政诉讼（“未经复议直接提起行政诉讼2件”“复议后提起行政诉讼1件”只是一类）；与前一项用“和”“及”“、”连成一个数的（“予以公开和部分公开9件”“被申请行政复议和提起行政诉讼共4件”）；表格单元格为空或无法读出的也不核对。',
      en: 'Reports often repeat Table 3 and 4 figures in the text, and a figure corrected in one place but not the other is a common fault. Only unambiguous phrases are errors here (looser wordings, sentences about a rate and carried-over requests counted as new are `text-check` warnings): requests received (收到/新收/接到/接收/受理（各类）…申请X件, or count first: 收到X件（政府信息公开）申请, 收到X份申请) = row 一 total (or 一 + 二 when the text says carried-over requests are included; 申请人, 申请材料, 申请书 are not requests); 办结 = （七）总计; 上年结转, 上一年度结转 = row 二; 结转 = row 四; 予以公开, 部分公开 = （一）, （二）; 不予公开, 无法提供, 不予处理 = the sums of （三）, （四）, （五）; 行政复议X件 = the review total; 行政诉讼X件 = both lawsuit totals; 结果维持/纠正 in a sentence about reviews only = those cells. With no table to check against, the same count stated twice must agree. A sentence with a percentage only (其中予以公开34件，占42%) is read. Skipped to avoid false alarms: sentences with comparisons (同比, 较上年, growth), 累计, another year, another scope (各部门, 本级), a wider count followed by the agency’s own (其中本机关…), approximations and ranges; a 不予公开, 无法提供 or 不予处理 count with its reason in its clause (因保护第三方合法权益不予公开2件 is one row of （三）); a lawsuit count after words naming its kind (未经复议直接提起行政诉讼2件, 复议后提起行政诉讼1件: one kind only); a count joined to the one before by 和, 及 or 、 (予以公开和部分公开9件, 被申请行政复议和提起行政诉讼共4件); and blank or unreadable cells.',
    },
    messages: {
      mismatch: {
        zh: '正文写{what} {stated}，而{cells}为 {expected}。',
        en: 'The text gives {what} as {stated}, but {cells} is {expected}.',
      },
      mismatchWithCarryOver: {
        zh: '正文写{what} {stated}，而{cells}为 {expected}（含上年结转为 {alternative}）。',
        en: 'The text gives {what} as {stated}, but {cells} is {expected} ({alternative} with those carried over).',
      },
      inconsistent: {
        zh: '正文写{what} {stated}，与第 {line} 行所写的 {earlier} 不一致。',
        en: 'The text gives {what} as {stated}, but line {line} gives {earlier}.',
      },
      earlier: { zh: '此处写为 {earlier}', en: 'Stated here as {earlier}' },
    },
    examples: [
      {
        title: { zh: '正文与表三不符', en: 'The text contradicts Table 3' },
        input: `本年度共收到政府信息公开申请16件，其中予以公开5件。\n\n${applicationsExample(15, 5)}\n`,
        findings: [{ line: 1, column: 15, endLine: 1, endColumn: 17, message: '正文写收到的申请 16，而表三“一、本年新收政府信息公开申请数量”总计为 15。' }],
      },
      {
        title: { zh: '行政复议的结果与表四不符', en: 'Review outcomes contradict Table 4' },
        input: `本年度因政府信息公开被申请行政复议2件，结果维持1件，结果纠正1件。\n\n${reviewTable([1, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])}\n`,
        findings: [{ line: 1, column: 32, endLine: 1, endColumn: 33, message: '正文写行政复议结果纠正 1，而表四“行政复议”结果纠正为 0。' }],
      },
      {
        title: { zh: '正文与表格一致', en: 'The text agrees with the tables' },
        input: `本年度共收到政府信息公开申请15件，其中予以公开5件。\n\n${applicationsExample(15, 5)}\n`,
        findings: [],
      },
      {
        title: { zh: '同比、累计和约数不核对', en: 'Comparisons, cumulative figures and approximations are not read' },
        input: `本年度共收到政府信息公开申请12件，同比下降20%。全年累计上传各类信息600余条。\n\n${applicationsExample(15, 5)}\n`,
        findings: [],
      },
    ],
  },
  check,
};

export default rule;
