import type { FormatSpec, Localized, TableId } from './types.js';

/**
 * The figures a report states in its prose as well as in its tables — 收到申请 95 件, 予以公开 34 件,
 * 行政复议 2 件 — each with the table cells it equals and the words prose names it by. `text-mismatch`
 * compares the prose with the cells; generation writes the same figures into its summary sentence.
 */

export type QuantityId =
  | 'received'
  | 'carriedOver'
  | 'handled'
  | 'carriedForward'
  | 'disclosed'
  | 'partiallyDisclosed'
  | 'withheld'
  | 'unavailable'
  | 'notProcessed'
  | 'review'
  | 'litigation'
  | 'reviewUpheld'
  | 'reviewCorrected'
  | 'documentsInForce';

/** Where a quantity's value is in the tables: one cell, or the sum of cells. */
export interface QuantitySource {
  table: TableId;
  cells: Array<[row: string, column: string]>;
  /** The group whose rows are summed, for messages. */
  group?: string;
}

export interface SummaryQuantity {
  id: QuantityId;
  name: Localized;
  /** The table it is counted in. */
  table: TableId;
  /**
   * How prose names it, up to the count (regex source, matched against whitespace-free text): the
   * count and its unit follow (`COUNT_TAIL`). Absent where prose never names it beyond doubt.
   */
  phrase?: string;
  /**
   * A looser way prose names it (regex source, before the count): another noun or verb that usually
   * means it but may not (`办结依申请公开事项`, `答复申请`). Read as a question, never as certain.
   */
  loosePhrase?: string;
  /**
   * How prose names it with the count first (regex source, whitespace-free text, group 1 the count):
   * `共收到70件申请`, `收到8份政府信息公开申请`. As certain as `phrase`, where there is one.
   */
  countFirst?: string;
  /** Its cells in a format's tables. */
  source: (format: FormatSpec) => QuantitySource;
}

/** A count as prose states it after the words: `共计为15件` (group 1 the number). Approximations (约, 余, 多) never match. */
export const COUNT_TAIL = '(?:共计|总计|合计|共|计)?(?:为|达|是)?(\\d+)(?:件|条|个|宗|起|份|项|例|次)';

/** Words that may stand between a quantity's words and its count without changing what is counted. */
export const OF_REQUESTS = '(?:的)?(?:政府信息公开|信息公开)?(?:申请)?(?:案件)?(?:数量|总数|件数|数)?';

const totalOf = (row: string) => (): QuantitySource => ({ table: 'applications', cells: [[row, 'total']] });
const groupTotal = (group: string) => (format: FormatSpec): QuantitySource => ({
  table: 'applications',
  group,
  cells: format.tables.applications.rows.filter((r) => r.group === group).map((r) => [r.id, 'total']),
});

export const SUMMARY_QUANTITIES: readonly SummaryQuantity[] = [
  {
    id: 'received',
    name: { zh: '收到的申请', en: 'requests received' },
    table: 'applications',
    phrase: '(?:收到|新收|接到|接收|受理)了?(?:各类)?(?:政府信息公开|信息公开|依)?申请(?:公开)?(?:案件|事项)?(?:的)?(?:数量|总数|件数|数)?',
    // The requests themselves, not an applicant's papers (`收到3份申请材料`, `申请书`, `申请表`).
    countFirst: '(?:收到|新收|接到|接收|受理)了?(?:共计|总计|合计|共|计)?(\\d+)(?:件|份|个)(?:政府信息公开|信息公开|依申请公开)?申请(?!人|书|表|材料)',
    source: totalOf('newReceived'),
  },
  { id: 'carriedOver', name: { zh: '上年结转的申请', en: 'requests carried over from last year' }, table: 'applications', phrase: `(?:上年度?|上一年度?)结转${OF_REQUESTS}`, source: totalOf('carriedOver') },
  {
    id: 'carriedForward',
    name: { zh: '结转下年度的申请', en: 'requests carried forward' },
    table: 'applications',
    phrase: `(?<!上年|上年度|上一年|上一年度|去年)结转(?:至|到)?(?:下一?年度?|次年)?(?:继续)?(?:办理)?${OF_REQUESTS}`,
    source: totalOf('carriedForward'),
  },
  {
    id: 'handled',
    name: { zh: '办结的申请', en: 'requests handled' },
    table: 'applications',
    phrase: `办结(?:了)?${OF_REQUESTS}`,
    loosePhrase: `(?:(?:办结|办理|答复)(?:了)?(?:依申请公开|政府信息公开|信息公开)(?:申请)?事项|(?:办理|答复)(?:了)?(?:政府信息公开|信息公开|依申请公开)?申请(?:案件)?(?:数量|总数|件数|数)?)`,
    source: totalOf('handledTotal'),
  },
  { id: 'disclosed', name: { zh: '予以公开', en: 'disclosed' }, table: 'applications', phrase: `(?<!部分|不)予以公开${OF_REQUESTS}`, source: totalOf('disclosed') },
  { id: 'partiallyDisclosed', name: { zh: '部分公开', en: 'partly disclosed' }, table: 'applications', phrase: `部分(?:予以)?公开${OF_REQUESTS}`, source: totalOf('partiallyDisclosed') },
  { id: 'withheld', name: { zh: '不予公开', en: 'withheld' }, table: 'applications', phrase: `不予(?:以)?公开${OF_REQUESTS}`, source: groupTotal('withheld') },
  { id: 'unavailable', name: { zh: '无法提供', en: 'cannot be provided' }, table: 'applications', phrase: `无法提供${OF_REQUESTS}`, source: groupTotal('unavailable') },
  { id: 'notProcessed', name: { zh: '不予处理', en: 'not processed' }, table: 'applications', phrase: `不予处理${OF_REQUESTS}`, source: groupTotal('notProcessed') },
  {
    id: 'review',
    name: { zh: '行政复议', en: 'administrative reviews' },
    table: 'reviewLitigation',
    phrase: '行政复议(?:申请)?(?:案件)?(?:数量|数)?',
    source: () => ({ table: 'reviewLitigation', cells: [['review', 'total']] }),
  },
  {
    id: 'litigation',
    name: { zh: '行政诉讼', en: 'lawsuits' },
    table: 'reviewLitigation',
    phrase: '行政诉讼(?:案件)?(?:数量|数)?',
    source: () => ({ table: 'reviewLitigation', cells: [['litigationDirect', 'total'], ['litigationAfterReview', 'total']] }),
  },
  {
    id: 'reviewUpheld',
    name: { zh: '行政复议结果维持', en: 'reviews upheld' },
    table: 'reviewLitigation',
    phrase: '(?:结果)?维持(?:原(?:行政)?(?:行为|决定))?(?:的)?',
    source: () => ({ table: 'reviewLitigation', cells: [['review', 'upheld']] }),
  },
  {
    id: 'reviewCorrected',
    name: { zh: '行政复议结果纠正', en: 'reviews corrected' },
    table: 'reviewLitigation',
    phrase: '(?:结果)?纠正(?:的)?',
    source: () => ({ table: 'reviewLitigation', cells: [['review', 'corrected']] }),
  },
  {
    id: 'documentsInForce',
    name: { zh: '现行有效的规范性文件', en: 'normative documents in force' },
    table: 'activeDisclosure',
    // The text may count the whole area's documents where the table counts the agency's own: only ever a question.
    loosePhrase: '现行有效(?:的)?(?:行政)?规范性文件(?:共计|共|总数|数量)?(?:为|达)?',
    // Only the 2021 format counts documents in force (现行有效件数); the 2019 format has no such cell.
    source: (format) => ({
      table: 'activeDisclosure',
      cells: format.tables.activeDisclosure.columns.some((c) => c.id === 'inForce') ? [['normativeDocuments', 'inForce']] : [],
    }),
  },
];

/** A quantity by its id. */
export function quantity(id: QuantityId): SummaryQuantity {
  return SUMMARY_QUANTITIES.find((q) => q.id === id)!;
}

/**
 * A quantity's value from cell values (`cell` gives a cell's number or null): the sum of its cells, or
 * null when any is missing or it has none in this format.
 */
export function quantityValue(q: SummaryQuantity, format: FormatSpec, cell: (table: TableId, row: string, column: string) => number | null | undefined): number | null {
  const { table, cells } = q.source(format);
  if (cells.length === 0) return null;
  let sum = 0;
  for (const [row, column] of cells) {
    const v = cell(table, row, column);
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return Math.round(sum * 100) / 100;
}
