/** Text in both languages the project speaks: Chinese first, English for `--locale en`. */
export interface Localized {
  zh: string;
  en: string;
}

/** The two national formats: 国办公开办函〔2019〕60号 and 国办公开办函〔2021〕30号. */
export type FormatYear = 2019 | 2021;

export type SectionId =
  | 'overview'
  | 'activeDisclosure'
  | 'applications'
  | 'reviewLitigation'
  | 'problems'
  | 'otherMatters';

export type TableId = 'activeDisclosure' | 'applications' | 'reviewLitigation';

export interface SectionSpec {
  id: SectionId;
  /** 一 … 六 */
  numeral: string;
  /** The heading text without its numeral, e.g. 总体情况. */
  title: string;
  /** Accepted wordings (format.md §2): a warning with a fix to `title`. */
  variants: string[];
  /** Known wrong wordings: an error with a fix to `title`. */
  misspellings: string[];
  /** What the section must contain, for hover texts and template guidance. */
  contents: Localized;
  /** The customary sub-heads, in order (section 一 only). */
  subheads: string[];
  /** The table the section holds, if any. */
  table?: TableId;
}

/**
 * What a cell may hold (format.md §6 V-integer):
 * - count: a non-negative integer;
 * - signedCount: an integer that may be negative (2019 本年增/减);
 * - amountWan: a non-negative decimal in 万元, no unit text in the cell;
 * - amountYuan: a non-negative decimal whose unit (元 or 万元) may be written in the cell (2019 采购总金额).
 */
export type ValueKind = 'count' | 'signedCount' | 'amountWan' | 'amountYuan';

export interface ColumnSpec {
  id: string;
  label: string;
  /** The spanning header it sits under (法人或其他组织). */
  group?: string;
  /** What the column counts, for hover texts. */
  description: Localized;
  valueKind: ValueKind;
}

export interface RowSpec {
  id: string;
  /** Canonical label with its official numbering, e.g. `1.属于国家秘密`. */
  label: string;
  description: Localized;
  /** The columns this row has cells in, in order. */
  columns: string[];
  /** Id of the spanning group label the row sits under, if any. */
  group?: string;
  /** Id of the Table 二 block the row belongs to. */
  block?: string;
}

/** A label that spans rows or columns and holds no numbers (〈（三）不予公开〉, 法人或其他组织). */
export interface GroupSpec {
  id: string;
  label: string;
  description: Localized;
  /** The group this one sits under (〈（三）不予公开〉 under 〈三、本年度办理结果〉). */
  parent?: string;
  /** Whether it spans columns (a header) rather than rows. */
  spansColumns?: boolean;
}

/** A block of Table 二: its own header row and columns. */
export interface BlockSpec {
  id: string;
  /** 第二十条第（一）项 */
  label: string;
  columns: string[];
  rows: string[];
}

/**
 * How the table's numbers are laid out on the page:
 * - blocks: Table 二, small blocks each with its own header;
 * - matrix: Table 三, one labelled row per quantity, the same columns for all;
 * - singleRow: Table 四, one unlabelled row whose cells run through every row spec in order.
 */
export type TableLayout = 'blocks' | 'matrix' | 'singleRow';

export interface TableSpec {
  id: TableId;
  /** 二 / 三 / 四 */
  numeral: string;
  title: string;
  section: SectionId;
  layout: TableLayout;
  columns: ColumnSpec[];
  rows: RowSpec[];
  groups: GroupSpec[];
  blocks: BlockSpec[];
  /** Header texts that belong to the table and are neither row, column nor group labels. */
  headerTexts: string[];
}

/** One term of an identity: a cell chosen by row or column, this year's or last year's. */
export interface IdentityTerm {
  /** For per-column identities: the row; for per-row identities: the column. */
  ref: string;
  sign?: 1 | -1;
  /** Take the value from last year's report of the same agency. */
  previousYear?: boolean;
}

/**
 * A 勾稽关系 as data: `Σ left = Σ right`, checked once per column (`per: 'column'`, terms name rows)
 * or once per row (`per: 'row'`, terms name columns).
 */
export interface Identity {
  id: string;
  /** The lint rule that checks it. */
  rule: string;
  severity: 'error' | 'warning';
  table: TableId;
  per: 'column' | 'row';
  /** The columns (per column) or rows (per row) it is checked for; all when absent. */
  over?: string[];
  left: IdentityTerm[];
  right: IdentityTerm[];
  description: Localized;
}

/** A wording seen in real reports for part of a label, with the canonical wording (format.md §4). */
export interface LabelDeviation {
  found: string;
  canonical: string;
}

export interface FormatSpec {
  year: FormatYear;
  /** The notice that defines it, e.g. 国办公开办函〔2021〕30号. */
  notice: string;
  /** Document number as it is cited: 〔2021〕30号. */
  noticeNumber: string;
  /** Date of issue, where the notice gives it. */
  issued?: string;
  /** First and last report year it applies to (inclusive; last absent = still in force). */
  appliesFrom: number;
  appliesTo?: number;
  sections: SectionSpec[];
  tables: Record<TableId, TableSpec>;
  identities: Identity[];
  labelDeviations: LabelDeviation[];
  /** Whether section 六 must state the 信息处理费 collected (国办函〔2020〕109号, from 2021). */
  feeStatementRequired: boolean;
}
