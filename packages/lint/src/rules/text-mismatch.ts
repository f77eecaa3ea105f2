import { COUNT_TAIL, quantity, SUMMARY_QUANTITIES, type Localized, type QuantityId, type QuantitySource, type SectionId, type TableId } from '@nianbao/format';
import type { ParagraphNode, SentenceNode, Span } from '@nianbao/parse';
import { placedRows, readCell, tableOf, type ReadCell } from '../cells.js';
import { applicationsTable, naturalPersons, reviewTable } from '../examples.js';
import { COMPARISON, flatSpan, flatten, flattenText, yearsIn, type FlatText } from '../text-scan.js';
import type { Locale, Rule, RuleContext } from '../types.js';

/** The end of the format's COUNT_TAIL, as the raw sentence may write it (spaces, full-width digits). */
const COUNT = /[\d\uff10-\uff19][\s\u3000]*(?:件|条|个|宗|起|份|项|例|次)/u;

type Source = QuantitySource;

/** A quantity of the format, as this rule reads it in prose. */
interface Quantity {
  id: QuantityId;
  /** The format's phrase and the count (group 1). Matched against whitespace-free text. */
  pattern: RegExp;
  name: Localized;
  /** What the paragraph must be about for the phrase to mean this quantity. */
  topic: 'requests' | 'requestCount' | 'review';
  /** Whether the sentence as a whole allows this reading. */
  sentence?: (text: string) => boolean;
}

/** Where a phrase stands: its sentence and paragraph (whitespace-free) and section. */
interface Where {
  sentence: string;
  paragraph: string;
  section: SectionId | undefined;
}

/**
 * Whether the phrase is about what the tables count. `受理申请3000件` in a paragraph on the service
 * hall, `办理行政复议案件35件` in a justice bureau's account of its own work, are other things.
 */
function onTopic(quantity: Quantity, where: Where, phrase: string): boolean {
  switch (quantity.topic) {
    case 'requestCount':
      // 收到, 办结: words of every kind of business; the requests must be disclosure requests.
      return where.section === 'applications' || /公开/u.test(phrase) || /依申请|公开申请/u.test(where.paragraph);
    case 'requests':
      return where.section === 'applications' || /申请/u.test(where.paragraph);
    case 'review':
      return (where.section === 'reviewLitigation' || /信息公开|依申请|政务公开/u.test(where.paragraph)) && !/办理|审理|承办|受理/u.test(where.sentence);
  }
}

const RE = (source: string): RegExp => new RegExp(source, 'dgu');

/** A sentence about requests for disclosure, not letters, complaints or reviews. */
const ABOUT_REQUESTS = (text: string): boolean => /申请/u.test(text) && !/复议|诉讼|留言|来信|来电|信访|投诉|举报|咨询|热线|诉求/u.test(text);
/** A sentence about administrative review only (its 维持/纠正 are the review's, not a lawsuit's). */
const ABOUT_REVIEW_ONLY = (text: string): boolean => /行政复议/u.test(text) && !/诉讼|起诉/u.test(text);

/** What each quantity's words must be about, and what the sentence must allow, for the words to mean it. */
const READING: Record<QuantityId, Pick<Quantity, 'topic' | 'sentence'>> = {
  received: { topic: 'requestCount', sentence: (text) => !/复议|诉讼|留言|来信|信访|投诉|举报|咨询|热线/u.test(text) },
  carriedOver: { topic: 'requests' },
  carriedForward: { topic: 'requests' },
  handled: { topic: 'requestCount', sentence: ABOUT_REQUESTS },
  disclosed: { topic: 'requests' },
  partiallyDisclosed: { topic: 'requests' },
  withheld: { topic: 'requests' },
  unavailable: { topic: 'requests' },
  notProcessed: { topic: 'requests' },
  review: { topic: 'review' },
  litigation: { topic: 'review' },
  reviewUpheld: { topic: 'review', sentence: ABOUT_REVIEW_ONLY },
  reviewCorrected: { topic: 'review', sentence: ABOUT_REVIEW_ONLY },
};

const QUANTITIES: Quantity[] = SUMMARY_QUANTITIES.map((q) => ({ id: q.id, name: q.name, pattern: RE(`${q.phrase}${COUNT_TAIL}`), ...READING[q.id] }));

/** A count that belongs to part of the agency or to the whole system, not to the report's tables. */
const OTHER_SCOPE = /各(?:部门|单位|街道|街镇|乡镇|镇街|级|县|区|市)|区直|市直|县直|本级|所属|下属|系统内?共/u;
/** Spread over several items at once: the count of one cannot be told. */
const SPREAD = /分别|平均|每/u;

/** A conjunction right before a phrase joins it to the one before (`予以公开和部分公开5件`): a combined count. */
function joinedToPrevious(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === undefined || !/[和及与或、]/u.test(before)) return false;
  // `4件、部分公开2件` is a list, not a join: what comes before the conjunction is a count.
  return !/[件条个宗起份项例次\d]/u.test(text[start - 2] ?? '');
}

/** One count stated in the text. */
interface Statement {
  quantity: Quantity;
  value: number;
  span: Span;
  /** Whether the sentence says carried-over requests are included (`含上年结转`). */
  includesCarryOver: boolean;
}

function sentenceStatements(context: RuleContext, paragraph: ParagraphNode, paragraphText: string, sentence: SentenceNode, reportYear: number | undefined): Statement[] {
  // Every quantity ends in a count and its unit (`15件`): a sentence without one states none.
  if (!COUNT.test(sentence.text)) return [];
  const flat: FlatText = flatten(sentence.text, sentence.span.start.offset);
  const where: Where = { sentence: flat.text, paragraph: paragraphText, section: paragraph.section };
  const text = flat.text;
  // Comparisons, growth, cumulative totals, percentages: not this year's plain count.
  if (COMPARISON.test(text) || OTHER_SCOPE.test(text) || SPREAD.test(text)) return [];
  // Another year named outside a document's name: the count may be that year's.
  if (yearsIn(text).some((y) => !y.inTitle && y.year !== reportYear)) return [];
  const found: Statement[] = [];
  for (const quantity of QUANTITIES) {
    if (quantity.sentence && !quantity.sentence(text)) continue;
    for (const m of text.matchAll(quantity.pattern)) {
      if (joinedToPrevious(text, m.index) || !onTopic(quantity, where, m[0])) continue;
      const [from, to] = m.indices![1]!;
      found.push({
        quantity,
        value: Number(m[1]),
        span: flatSpan(context.document, flat, from, to),
        includesCarryOver: /(?:上年度?|上一年度?|去年)结转|含[^，,。；;]{0,8}结转/u.test(text),
      });
    }
  }
  // The same quantity twice in one sentence with different counts (`全区…500件，其中本机关…64件`): unclear.
  return found.filter((s) => !found.some((o) => o !== s && o.quantity === s.quantity && o.value !== s.value));
}

interface Expected {
  value: number;
  source: Source;
  cells: ReadCell[];
  /** For received requests: received plus carried over, when the text says it includes them. */
  alternative?: { value: number; cells: ReadCell[] };
}

function sumOf(cells: readonly ReadCell[]): number {
  return cells.reduce((n, c) => n + c.value, 0);
}

function read(context: RuleContext, source: Source): ReadCell[] | undefined {
  const rows = placedRows(tableOf(context.document, source.table));
  const cells = source.cells.map(([row, column]) => readCell(rows, row, column));
  return cells.every((c): c is ReadCell => c !== undefined) ? cells : undefined;
}

/** The table cells a quantity must equal, from the format data (so both formats are served). */
function sourceOf(context: RuleContext, id: QuantityId): Source {
  return quantity(id).source(context.tableFormat);
}

function expectedOf(context: RuleContext, statement: Statement): Expected | undefined {
  const source = sourceOf(context, statement.quantity.id);
  const cells = read(context, source);
  if (!cells) return undefined;
  const expected: Expected = { value: sumOf(cells), source, cells };
  if (statement.quantity.id === 'received' && statement.includesCarryOver) {
    const carried = read(context, sourceOf(context, 'carriedOver'));
    if (carried) expected.alternative = { value: expected.value + sumOf(carried), cells: [...cells, ...carried] };
  }
  return expected;
}

const TABLE_NUMBER: Record<TableId, { zh: string; en: string }> = {
  activeDisclosure: { zh: '表二', en: 'Table 2' },
  applications: { zh: '表三', en: 'Table 3' },
  reviewLitigation: { zh: '表四', en: 'Table 4' },
};

/** How a source reads in a message: `表三“（一）予以公开”总计`, or a group's sum by the group's label. */
function sourceText(context: RuleContext, source: Source, locale: Locale): string {
  const spec = context.tableFormat.tables[source.table];
  const table = TABLE_NUMBER[source.table][locale];
  const total = spec.columns.find((c) => c.id === 'total')?.label ?? 'total';
  if (source.group !== undefined) {
    const group = spec.groups.find((g) => g.id === source.group)?.label ?? source.group;
    return locale === 'zh' ? `${table}“${group}”各项${total}之和` : `the sum of ${table}’s “${group}” rows (${total})`;
  }
  return source.cells
    .map(([row, column]) => {
      const r = spec.rows.find((x) => x.id === row)?.label ?? row;
      const c = spec.columns.find((x) => x.id === column)?.label ?? column;
      return locale === 'zh' ? `${table}“${r}”${c}` : `${table} “${r}” ${c}`;
    })
    .join(' + ');
}

function cellLabel(context: RuleContext, source: Source, cell: ReadCell): string {
  const spec = context.tableFormat.tables[source.table];
  const row = spec.rows.find((r) => r.id === cell.row.id)?.label ?? cell.row.id ?? '';
  const column = spec.columns.find((c) => c.id === cell.cell.column)?.label ?? cell.cell.column ?? '';
  return `${row} ${column}`;
}

function check(context: RuleContext): void {
  const { document } = context;
  const statements: Statement[] = [];
  const paragraphs: ParagraphNode[] = document.paragraphs;
  for (const p of paragraphs) {
    if (!p.sentences.some((s) => COUNT.test(s.text))) continue;
    const paragraphText = flattenText(p.text);
    for (const s of p.sentences) statements.push(...sentenceStatements(context, p, paragraphText, s, document.reportYear));
  }

  const unchecked: Statement[] = [];
  for (const statement of statements) {
    const expected = expectedOf(context, statement);
    if (!expected) {
      unchecked.push(statement);
      continue;
    }
    if (statement.value === expected.value || statement.value === expected.alternative?.value) continue;
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

  // With no table to check against, a count stated twice must at least agree with itself.
  const first = new Map<QuantityId, Statement>();
  for (const statement of unchecked) {
    if (statement.quantity.id === 'received' && statement.includesCarryOver) continue;
    const earlier = first.get(statement.quantity.id);
    if (!earlier) {
      first.set(statement.quantity.id, statement);
      continue;
    }
    if (earlier.value === statement.value) continue;
    context.report({
      messageId: 'inconsistent',
      data: { what: statement.quantity.name[context.locale], stated: statement.value, earlier: earlier.value, line: earlier.span.start.line },
      span: statement.span,
      related: [{ span: earlier.span, messageId: 'earlier', data: { earlier: earlier.value } }],
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
      zh: '正文常在“依申请公开情况”中复述表三、表四的数字，改了表格忘了改正文（或反过来）是常见错误。本规则核对含义明确的写法：收到/新收/接到/受理……申请X件 = 表三“一、本年新收”总计（正文说明含上年结转的，也接受“一”加“二”）；办结X件 = （七）总计；上年结转X件 = “二”总计；结转X件 = “四、结转下年度继续办理”总计；予以公开、部分公开X件 = （一）、（二）总计；不予公开、无法提供、不予处理X件 = （三）、（四）、（五）各项总计之和；行政复议X件 = 表四行政复议总计；行政诉讼X件 = 两类行政诉讼总计之和；只谈行政复议的句子里的结果维持、结果纠正X件 = 表四相应单元格。表格无法核对时，正文两次说到同一个数量须一致。为避免误报，以下句子不核对：含同比、较上年、增长、下降、累计、百分比的，提到其他年份的，说到各部门、本级等其他范围的，约数（“600余条”）和范围；表格单元格为空或无法读出的也不核对。',
      en: 'Reports often repeat Table 3 and 4 figures in the text, and a figure corrected in one place but not the other is a common fault. Only unambiguous phrases are checked: requests received (收到/新收/接到/受理…申请X件) = row 一 total (or 一 + 二 when the text says carried-over requests are included); 办结 = （七）总计; 上年结转 = row 二; 结转 = row 四; 予以公开, 部分公开 = （一）, （二）; 不予公开, 无法提供, 不予处理 = the sums of （三）, （四）, （五）; 行政复议X件 = the review total; 行政诉讼X件 = both lawsuit totals; 结果维持/纠正 in a sentence about reviews only = those cells. With no table to check against, the same count stated twice must agree. Skipped to avoid false alarms: sentences with comparisons (同比, 较上年, growth), 累计, percentages, another year, another scope (各部门, 本级), approximations and ranges, and blank or unreadable cells.',
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
        findings: [{ line: 1, column: 15 }],
      },
      {
        title: { zh: '行政复议的结果与表四不符', en: 'Review outcomes contradict Table 4' },
        input: `本年度因政府信息公开被申请行政复议2件，结果维持1件，结果纠正1件。\n\n${reviewTable([1, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])}\n`,
        findings: [{ line: 1, column: 32 }],
      },
      {
        title: { zh: '正文与表格一致', en: 'The text agrees with the tables' },
        input: `本年度共收到政府信息公开申请15件，其中予以公开5件。\n\n${applicationsExample(15, 5)}\n`,
        findings: [],
      },
      {
        title: { zh: '同比、百分比和约数不核对', en: 'Comparisons, percentages and approximations are not read' },
        input: `本年度共收到政府信息公开申请12件，同比下降20%。全年累计上传各类信息600余条。\n\n${applicationsExample(15, 5)}\n`,
        findings: [],
      },
    ],
  },
  check,
};

export default rule;
