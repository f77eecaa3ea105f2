import type { FormatYear, LabelMatch, SectionId, TableId } from '@nianbao/format';
import type { TextEncoding } from './decode.js';
import type { Span } from './source.js';
import type { PlaceMark, ReadProblem, SourceFormat, SourceMetadata, ViewOrigin } from './readers/types.js';

/** Which reader produced the blocks: Markdown through micromark, or the layout-aware plain-text reader. */
export type SourceLayout = 'markdown' | 'text';

/** How a heading's numeral compares with the canonical one (`三、`). */
export type NumeralStatus = 'canonical' | 'arabic' | 'missing' | 'wrong' | 'other-style';

/** How a heading's wording compares with the format's. */
export type HeadingWording = 'canonical' | 'normalized' | 'variant' | 'misspelling' | 'fuzzy';

export interface HeadingNode {
  section: SectionId;
  /** The heading as written, without Markdown markers. */
  text: string;
  /** The whole heading text (numeral included). */
  span: Span;
  numeral: { text: string; span: Span; status: NumeralStatus };
  /** The words after the numeral. */
  title: { text: string; span: Span; wording: HeadingWording; score: number };
  /** 1–6 for a Markdown heading; absent for a plain line. */
  markdownDepth?: number;
}

export interface SectionNode {
  id: SectionId;
  heading: HeadingNode;
  /** From the heading to the start of the next section (or the end of the document). */
  span: Span;
}

/** A paragraph's leading enumerator: `（一）`, `(1)`, `1.`, `一、`. */
export interface EnumeratorNode {
  text: string;
  span: Span;
  style: 'paren-cjk' | 'paren-arabic' | 'arabic' | 'cjk';
  value: number;
}

export interface NumberNode {
  text: string;
  value: number;
  span: Span;
}

export interface SentenceNode {
  text: string;
  span: Span;
  numbers: NumberNode[];
}

export interface ParagraphNode {
  text: string;
  span: Span;
  section?: SectionId;
  enumerator?: EnumeratorNode;
  /** A short line that is only an enumerator and a few words: a sub-heading. */
  headingLike: boolean;
  sentences: SentenceNode[];
}

export type LabelRole = 'row' | 'column' | 'group' | 'block' | 'header';

export interface LabelNode {
  /** As written (pieces of a broken label joined). */
  text: string;
  span: Span;
  role: LabelRole;
  /** The format label it was matched to. */
  match: LabelMatch;
  /** Where a label broken over lines was found in pieces. */
  pieces?: Span[];
}

export type CellKind = 'number' | 'blank' | 'text';

export interface CellNode {
  /** The column the cell was placed in; absent when the row's shape did not allow placing it. */
  column?: string;
  text: string;
  span: Span;
  kind: CellKind;
  /** The value, for a number cell; `null` for a blank or text cell. */
  value: number | null;
  /** A unit written in the cell (`元`, `万元`, `件`). */
  unit?: string;
  /**
   * How the cell's number was recovered from a layout that lost the cell boundaries: `split` from digits
   * run together with their neighbours, `join` from a number broken over two lines. Only ever set when the
   * format's identities allow exactly one reading, so a finding on such a cell can say how it was read.
   */
  recovered?: 'split' | 'join';
}

/**
 * `too-many` / `too-few`: the layout delimits cells and the row has the wrong count (a fault of the
 * table). `unplaced`: the layout cannot show where each number stands (a crawl that merged identical
 * neighbouring cells, digits run together with no reading the identities make unique), so the row is
 * reported once as unreadable and no cell of it is judged.
 */
export type RowShape = 'ok' | 'too-many' | 'too-few' | 'unplaced';

export interface RowNode {
  /** The format's row id; absent for a row that could not be recognized. */
  id?: string;
  label?: LabelNode;
  cells: CellNode[];
  span: Span;
  expectedCells: number;
  shape: RowShape;
  /** Whether a row with this id was already found earlier in the table. */
  duplicate: boolean;
}

export interface TableNode {
  id: TableId;
  span: Span;
  /** The section the table stands in, if it stands in one. */
  section?: SectionId;
  /** How the table was written: one row per line, one cell per line after a tab (Word), a real grid (GFM, HTML, .docx), or a stream of one text node per line with no cell boundaries (web crawls and copies, run-together text). */
  mode: 'row-per-line' | 'cell-per-line' | 'grid' | 'stream';
  /** Labels of headers, columns, groups and blocks, as found. */
  labels: LabelNode[];
  rows: RowNode[];
  /** Rows of numbers or text that matched no row of the format. */
  unrecognized: RowNode[];
  /** Row ids of the format not found (only meaningful when `hasData`). */
  missingRows: string[];
  /** Whether any data row holds a value or a blank cell. */
  hasData: boolean;
  /**
   * Why part of the table could not be placed with confidence, when it could not: the evidence for the
   * one `table-unreadable` finding. Rows concerned have shape `unplaced`.
   */
  unreadable?: UnreadableNode;
}

export interface UnreadableNode {
  /** `merged-cells`: rows carry fewer numbers than the format has cells and the layout cannot show blanks; `split-numbers`: more numbers than cells, a number broken over lines with no unique way to rejoin it; `run-together`: digits with no separator and no unique split; `unnamed-rows`: rows of numbers whose labels the reading lost, beside rows of the format not found. */
  reasons: Array<'merged-cells' | 'run-together' | 'split-numbers' | 'unnamed-rows'>;
  /** The rows concerned, as found: label (canonical), numbers found, cells expected. */
  rows: Array<{ row?: string; label: string; found: number; expected: number; text: string; span: Span }>;
}

export interface ArtifactNode {
  /** `browser-menu`: a word of a browser's selection menu (`翻译`, `复制`) alone on a line at the end of a copied page. */
  kind: 'bookmark' | 'control-character' | 'replacement-character' | 'zero-width' | 'browser-menu';
  text: string;
  span: Span;
}

export interface CommentNode {
  /** The comment's inner text. */
  text: string;
  span: Span;
}

export interface DateNode {
  text: string;
  span: Span;
  /** ISO date, when the text is a valid date. */
  iso: string | null;
}

export interface PeriodNode {
  text: string;
  span: Span;
  start: DateNode | null;
  end: DateNode | null;
}

export interface NoticeNode {
  text: string;
  span: Span;
  /** Normalized, e.g. 国办公开办函〔2021〕30号. */
  normalized: string;
  /** The format the notice defines, if it is one of the two format notices. */
  formatYear?: FormatYear;
}

export interface TitleNode {
  text: string;
  span: Span;
  year: number | null;
  yearSpan?: Span;
  agency: string | null;
}

/** What the parser had to tolerate to read the document: noise to accept, not a finding in itself. */
export interface ToleranceNode {
  kind: 'split-label' | 'spaced-label' | 'width' | 'header-fragment';
  span: Span;
  found: string;
  canonical?: string;
}

export interface ContactFacts {
  unit?: string;
  address?: string;
  postcode?: string;
  phone?: string;
  email?: string;
  website?: string;
}

export interface FeeStatement {
  text: string;
  span: Span;
  collected: boolean | null;
  amountYuan: number | null;
}

/** Where the document came from, beyond its text: the file format, the way back to it, what it said apart from the report. */
export interface DocumentSource {
  format: SourceFormat;
  origin?: ViewOrigin;
  places?: PlaceMark[];
  metadata: SourceMetadata;
  problems: ReadProblem[];
}

/** A report as the parser understood it, with a source position for everything it found. */
export interface ReportDocument {
  /**
   * The text all positions refer to: the reader's view (for a text or Markdown file, the file itself).
   * `source` says how to get from it to the file; edges map positions with `locatorFor(document.source)`.
   */
  text: string;
  encoding: TextEncoding | 'string';
  layout: SourceLayout;
  source: DocumentSource;
  title?: TitleNode;
  sections: SectionNode[];
  paragraphs: ParagraphNode[];
  tables: TableNode[];
  artifacts: ArtifactNode[];
  comments: CommentNode[];
  period?: PeriodNode;
  notices: NoticeNode[];
  signatureDate?: DateNode;
  /**
   * The date a page or crawl header says the report was published (`发布时间`), apart from the report's
   * own signature: a site's date, which may be wrong (a date before the year's end is a site error).
   */
  publishedDate?: DateNode;
  contact?: ContactFacts;
  fee?: FeeStatement;
  /** The report year: from the title, else the 统计期限, else absent. */
  reportYear?: number;
  /** The format the tables follow, from their shapes; absent when no table was read. */
  tableFormatYear?: FormatYear;
  tolerances: ToleranceNode[];
  /** Whether anything marks this as an annual report (title, sections or tables). */
  isReport: boolean;
}
