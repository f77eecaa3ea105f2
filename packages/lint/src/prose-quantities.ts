import { COUNT_TAIL, localize, quantity, SUMMARY_QUANTITIES, tableName, type Localized, type QuantityId, type QuantitySource, type SectionId } from '@nianbao/format';
import type { ParagraphNode, SentenceNode, Span } from '@nianbao/parse';
import { placedRows, readCell, tableOf, type ReadCell } from './cells.js';
import { COMPARISON, flatParagraphText, flatSentence, flatSpan, matchesOf, yearsIn, type FlatText } from './text-scan.js';
import type { Locale, RuleContext } from './types.js';

/**
 * The figures of the tables as prose states them (`收到政府信息公开申请17件`), each with the cells it
 * must equal. Two rules read them: `text-mismatch` where the words name a table quantity beyond doubt
 * (an error), `text-check` where they name it more loosely, in a sentence about a rate, or counting the
 * carried-over requests as new (a warning that asks).
 */

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
  topic: 'requests' | 'requestCount' | 'review' | 'documents';
  /** Whether the sentence as a whole allows this reading. */
  sentence?: (text: string) => boolean;
  /** A looser wording of the quantity: what it finds is asked about, never an error. */
  loose?: boolean;
  /**
   * Whether words before it in the sentence make the count a part or a kind of the quantity, not all of
   * it: `因保护第三方合法权益不予公开2件` is one reason’s share of the eight 不予公开 rows, `未经复议直接
   * 提起行政诉讼5件` one of the two kinds of lawsuit.
   */
  partial?: (before: string) => boolean;
}

/** Where a phrase stands: its sentence and paragraph (whitespace-free) and section. */
interface Where {
  sentence: string;
  /** Whether the paragraph's words match: asked once per paragraph and pattern, as a paragraph may be a whole run-on file. */
  paragraph: (pattern: RegExp) => boolean;
  section: SectionId | undefined;
}

/** The paragraph tests of `Where`, each answered once for the paragraph. */
function paragraphWords(text: string): (pattern: RegExp) => boolean {
  const answers = new Map<RegExp, boolean>();
  return (pattern) => {
    let answer = answers.get(pattern);
    if (answer === undefined) {
      answer = pattern.test(text);
      answers.set(pattern, answer);
    }
    return answer;
  };
}

const ABOUT_DISCLOSURE_REQUESTS = /依申请|公开申请/u;
const ABOUT_APPLYING = /申请/u;
const ABOUT_DISCLOSURE = /信息公开|依申请|政务公开/u;
const CARRY_OVER_INCLUDED = /(?:上年度?|上一年度?|去年)结转|含[^，,。；;]{0,8}结转/u;

/**
 * Whether the phrase is about what the tables count. `受理申请3000件` in a paragraph on the service
 * hall, `办理行政复议案件35件` in a justice bureau's account of its own work, are other things.
 */
function onTopic(quantity: Quantity, where: Where, phrase: string): boolean {
  switch (quantity.topic) {
    case 'documents':
      // In force: never a count of one year's new documents (`本年制发…现行有效` is one phrase about stock).
      return !/本年(?:新)?制发|废止/u.test(where.sentence);
    case 'requestCount':
      // 收到, 办结: words of every kind of business; the requests must be disclosure requests.
      return where.section === 'applications' || /公开/u.test(phrase) || where.paragraph(ABOUT_DISCLOSURE_REQUESTS);
    case 'requests':
      return where.section === 'applications' || where.paragraph(ABOUT_APPLYING);
    case 'review':
      return (where.section === 'reviewLitigation' || where.paragraph(ABOUT_DISCLOSURE)) && !/办理|审理|承办|受理/u.test(where.sentence);
  }
}

const RE = (source: string): RegExp => new RegExp(source, 'dgu');

/** A sentence about requests for disclosure, not letters, complaints or reviews. */
const ABOUT_REQUESTS = (text: string): boolean => /申请/u.test(text) && !/复议|诉讼|留言|来信|来电|信访|投诉|举报|咨询|热线|诉求/u.test(text);
/** A sentence about administrative review only (its 维持/纠正 are the review's, not a lawsuit's). */
const ABOUT_REVIEW_ONLY = (text: string): boolean => /行政复议/u.test(text) && !/诉讼|起诉/u.test(text);

/**
 * A reason given in the count's own clause (`因…`, `属于…`, `以…为由`): the count is that reason's rows of a
 * group (不予公开, 无法提供, 不予处理), not the group's sum.
 */
const FOR_A_REASON = (before: string): boolean => /(?:因|由于|属于|涉及|鉴于|为由|依据|根据|按照)[^，,；;。：:]*$/u.test(before);
/** One kind of lawsuit named before the count: filed directly, or after a review — not both totals. */
const ONE_KIND_OF_LAWSUIT = (before: string): boolean => /直接(?:提起|起诉|向)|未经(?:行政)?复议|复议后|经(?:行政)?复议/u.test(before);

/** What each quantity's words must be about, and what the sentence must allow, for the words to mean it. */
const READING: Record<QuantityId, Pick<Quantity, 'topic' | 'sentence' | 'partial'>> = {
  received: { topic: 'requestCount', sentence: (text) => !/复议|诉讼|留言|来信|信访|投诉|举报|咨询|热线/u.test(text) },
  carriedOver: { topic: 'requests' },
  carriedForward: { topic: 'requests' },
  handled: { topic: 'requestCount', sentence: ABOUT_REQUESTS },
  disclosed: { topic: 'requests' },
  partiallyDisclosed: { topic: 'requests' },
  withheld: { topic: 'requests', partial: FOR_A_REASON },
  unavailable: { topic: 'requests', partial: FOR_A_REASON },
  notProcessed: { topic: 'requests', partial: FOR_A_REASON },
  review: { topic: 'review' },
  litigation: { topic: 'review', partial: ONE_KIND_OF_LAWSUIT },
  reviewUpheld: { topic: 'review', sentence: ABOUT_REVIEW_ONLY },
  reviewCorrected: { topic: 'review', sentence: ABOUT_REVIEW_ONLY },
  documentsInForce: { topic: 'documents' },
};

const QUANTITIES: Quantity[] = [
  ...SUMMARY_QUANTITIES.filter((q) => q.phrase !== undefined).map((q) => ({ id: q.id, name: q.name, pattern: RE(`${q.phrase!}${COUNT_TAIL}`), ...READING[q.id] })),
  ...SUMMARY_QUANTITIES.filter((q) => q.countFirst !== undefined).map((q) => ({ id: q.id, name: q.name, pattern: RE(q.countFirst!), ...READING[q.id] })),
  ...SUMMARY_QUANTITIES.filter((q) => q.loosePhrase !== undefined).map((q) => ({ id: q.id, name: q.name, pattern: RE(`${q.loosePhrase!}${COUNT_TAIL}`), ...READING[q.id], loose: true })),
];

/** A rate stated with the counts (`按时办结率100%`, `答复率达百分之百`): the counts may be of something else. */
const RATE = /率[^，,。；;]{0,6}?(?:[%％‰]|百分之)|[%％‰]|百分之/u;
const RATE_WORD = /率/u;
/** The end of the year as a point in time: `截至年底`, `截至2023年12月31日`. */
const YEAR_END = /截[至止](?:本?年[底末]|\d{4}年(?:[底末]|12月31日)|12月31日)/gu;

/**
 * A count that belongs to part of the agency or to the whole system, not to the report's tables; or a
 * sentence that gives a wider count and then the agency's own (`全区共受理…500件，其中本机关受理64件`).
 */
export const OTHER_SCOPE = /各(?:部门|单位|街道|街镇|乡镇|镇街|级|县|区|市)|区直|市直|县直|本级|所属|下属|系统内?共|其中(?:本机关|本单位|本部门|我(?:局|办|委|厅|处|院|中心))/u;
/** Spread over several items at once: the count of one cannot be told. */
export const SPREAD = /分别|平均|每/u;

/**
 * A conjunction right before a phrase joins it to the one before (`予以公开和部分公开5件`, `被申请行政复议和
 * 提起行政诉讼共3件`, a verb between them): a combined count.
 */
function joinedToPrevious(text: string, start: number): boolean {
  const verb = /(?:被)?(?:提起|申请)$/u.exec(text.slice(Math.max(0, start - 3), start));
  const at = start - (verb ? verb[0].length : 0);
  const before = text[at - 1];
  if (before === undefined || !/[和及与或、]/u.test(before)) return false;
  // `4件、部分公开2件` is a list, not a join: what comes before the conjunction is a count.
  return !/[件条个宗起份项例次\d]/u.test(text[at - 2] ?? '');
}

/** One count stated in the text. */
export interface Statement {
  quantity: Quantity;
  value: number;
  span: Span;
  /** Whether the sentence says carried-over requests are included (`含上年结转`). */
  includesCarryOver: boolean;
  /**
   * Why the words may not mean the table's quantity exactly: a looser noun (`办结依申请公开事项`, `答复申请`)
   * or a sentence about a rate (`按时办结率100%`). Absent where they name it beyond doubt.
   */
  loose?: 'noun' | 'rate';
}

function sentenceStatements(context: RuleContext, paragraph: ParagraphNode, paragraphHas: (pattern: RegExp) => boolean, sentence: SentenceNode, reportYear: number | undefined): Statement[] {
  // Every quantity ends in a count and its unit (`15件`): a sentence without one states none.
  if (!COUNT.test(sentence.text)) return [];
  const flat: FlatText = flatSentence(sentence);
  const where: Where = { sentence: flat.text, paragraph: paragraphHas, section: paragraph.section };
  const text = flat.text;
  // Comparisons, growth, cumulative totals: not this year's plain count. A percentage alone (`占42%`)
  // leaves the counts plain; a rate (`办结率100%`) makes them a question.
  const rate = RATE.test(text);
  // `截至年底` names the end of the report year (stock at year end), not a cumulative figure.
  const withoutRate = (rate ? text.replace(new RegExp(RATE.source, 'gu'), '') : text).replace(YEAR_END, '');
  if (COMPARISON.test(withoutRate) || OTHER_SCOPE.test(text) || SPREAD.test(text)) return [];
  const aboutRate = rate && RATE_WORD.test(text);
  // Another year named outside a document's name: the count may be that year's.
  if (yearsIn(text).some((y) => !y.inTitle && y.year !== reportYear)) return [];
  const found: Statement[] = [];
  const includesCarryOver = CARRY_OVER_INCLUDED.test(text);
  for (const quantity of QUANTITIES) {
    if (quantity.sentence && !quantity.sentence(text)) continue;
    for (const m of matchesOf(quantity.pattern, text)) {
      if (joinedToPrevious(text, m.index) || !onTopic(quantity, where, m[0]) || quantity.partial?.(text.slice(0, m.index))) continue;
      const [from, to] = m.indices![1]!;
      const statement: Statement = {
        quantity,
        value: Number(m[1]),
        span: flatSpan(context.document, flat, from, to),
        includesCarryOver,
      };
      if (quantity.loose) statement.loose = 'noun';
      else if (aboutRate) statement.loose = 'rate';
      // A loose wording that a plain one also matched where it stands is the plain one's.
      if (quantity.loose && found.some((f) => f.quantity.id === quantity.id && f.span.start.offset === statement.span.start.offset)) continue;
      found.push(statement);
    }
  }
  // The same quantity twice in one sentence with different counts (`全区…500件，其中本机关…64件`): unclear.
  return found.filter((s) => !found.some((o) => o !== s && o.quantity.id === s.quantity.id && o.value !== s.value));
}

/**
 * Every count the document's prose states, in order, with what the tables say it should be. Given one
 * at a time: a caller reads each once, and a long run-on paragraph states hundreds of thousands.
 */
export function* proseStatements(context: RuleContext): Generator<{ statement: Statement; expected: Expected | undefined }> {
  const { document } = context;
  // What the tables say depends only on the quantity and whether carried-over requests are counted in.
  const expectations = new Map<string, Expected | undefined>();
  for (const p of document.paragraphs) {
    if (!p.sentences.some((s) => COUNT.test(s.text))) continue;
    // text-check and text-mismatch both read every paragraph: its flat words are made once.
    const paragraphHas = paragraphWords(flatParagraphText(p));
    for (const s of p.sentences) {
      for (const statement of sentenceStatements(context, p, paragraphHas, s, document.reportYear)) {
        const key = `${statement.quantity.id} ${statement.includesCarryOver}`;
        if (!expectations.has(key)) expectations.set(key, expectedOf(context, statement));
        yield { statement, expected: expectations.get(key) };
      }
    }
  }
}

/** The carried-over requests, when the text's count of requests received is new plus carried over though it does not say so. */
export function countsCarryOver(context: RuleContext, statement: Statement, expected: Expected): number | undefined {
  if (statement.quantity.id !== 'received' || statement.includesCarryOver || statement.value === expected.value) return undefined;
  const carried = read(context, sourceOf(context, 'carriedOver'));
  const n = carried ? sumOf(carried) : 0;
  return n > 0 && statement.value === expected.value + n ? n : undefined;
}

export interface Expected {
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
export function sourceOf(context: RuleContext, id: QuantityId): Source {
  return quantity(id).source(context.tableFormat);
}

export function expectedOf(context: RuleContext, statement: Statement): Expected | undefined {
  const source = sourceOf(context, statement.quantity.id);
  // A quantity the table's format does not count (现行有效 in the 2019 format) cannot be checked.
  if (source.cells.length === 0) return undefined;
  const cells = read(context, source);
  if (!cells) return undefined;
  const expected: Expected = { value: sumOf(cells), source, cells };
  if (statement.quantity.id === 'received' && statement.includesCarryOver) {
    const carried = read(context, sourceOf(context, 'carriedOver'));
    if (carried) expected.alternative = { value: expected.value + sumOf(carried), cells: [...cells, ...carried] };
  }
  return expected;
}

/** How a source reads in a message: `表三“（一）予以公开”总计`, or a group's sum by the group's label. */
export function sourceText(context: RuleContext, source: Source, locale: Locale): string {
  const spec = context.tableFormat.tables[source.table];
  const table = tableName(spec, locale);
  const total = spec.columns.find((c) => c.id === 'total')?.label ?? 'total';
  if (source.group !== undefined) {
    const group = spec.groups.find((g) => g.id === source.group)?.label ?? source.group;
    return localize(locale, { zh: `${table}“${group}”各项${total}之和`, en: `the sum of ${table}’s “${group}” rows (${total})` });
  }
  return source.cells
    .map(([row, column]) => {
      const r = spec.rows.find((x) => x.id === row)?.label ?? row;
      const c = spec.columns.find((x) => x.id === column)?.label ?? column;
      return localize(locale, { zh: `${table}“${r}”${c}`, en: `${table} “${r}” ${c}` });
    })
    .join(' + ');
}

export function cellLabel(context: RuleContext, source: Source, cell: ReadCell): string {
  const spec = context.tableFormat.tables[source.table];
  const row = spec.rows.find((r) => r.id === cell.row.id)?.label ?? cell.row.id ?? '';
  const column = spec.columns.find((c) => c.id === cell.cell.column)?.label ?? cell.cell.column ?? '';
  return `${row} ${column}`;
}

