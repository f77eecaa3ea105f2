import type { AgencyKind } from './agency.js';
import type { FormatYear, TableId } from './types.js';

/** A table cell's value in report data: a number, or `null` for a cell left blank (a blank is not 0). */
export type CellValue = number | null;

/** A table's cells by row id, then column id, as the format data names them. */
export type TableData = Record<string, Record<string, CellValue>>;

export interface ContactData {
  unit?: string;
  address?: string;
  postcode?: string;
  phone?: string;
  email?: string;
  website?: string;
}

export interface ProcessingFeeData {
  /** Whether any 信息处理费 was collected in the year. */
  collected: boolean;
  /** The amount collected, in yuan, when stated. */
  amountYuan?: number | null;
}

export interface PreviousYearData {
  reportYear?: number;
  /** Last year's 现行有效件数 by Table 二 row (2021 format). */
  inForce?: Record<string, CellValue>;
  /** Last year's 四、结转下年度继续办理 by Table 三 column. */
  carriedForward?: Record<string, CellValue>;
}

/** A place in the source document: 1-based line and column (UTF-16 code units). */
export interface SourcePlace {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type ExtractionIssueKind =
  /** a row with more or fewer cells than the format gives it */
  | 'row-shape'
  /** a row of the format not found in the table */
  | 'row-missing'
  /** a table whose data row(s) are absent */
  | 'no-data'
  /** a table not found at all */
  | 'table-missing'
  /** a cell whose text is not a value of its kind */
  | 'cell-value'
  /** a row the layout did not let the reader place (merged cells, digits run together): written `无法读取` in a spreadsheet */
  | 'unreadable';

export interface ExtractionIssue extends Partial<SourcePlace> {
  kind: ExtractionIssueKind;
  table: TableId;
  row?: string;
  /** The row's label as found in the document. */
  label?: string;
  expectedCells?: number;
  /** The row's cells as found, in order. */
  cells?: Array<{ text: string; line: number; column: number }>;
  message: string;
}

/** A report's facts: what extraction produces from a document and what generation renders. */
export interface ReportData {
  $schema?: string;
  title: string | null;
  agency: { name: string | null; kind: AgencyKind | null };
  reportYear: number;
  /** The format the document's tables follow (as detected; see `citedNotice` for the notice it cites). */
  formatYear: FormatYear;
  citedNotice: string | null;
  period: { start: string | null; end: string | null; text?: string } | null;
  publicationDate: string | null;
  contact: ContactData | null;
  processingFee: ProcessingFeeData | null;
  previousYear?: PreviousYearData;
  tables: Record<TableId, TableData>;
  extractionIssues?: ExtractionIssue[];
}
