import type { Block } from '../blocks.js';
import type { TextEncoding } from '../decode.js';

/**
 * What every reader gives the parser, whatever the file was: the report's text as the recognisers read
 * it (the "view"), the blocks over that text, and how to get from a place in the view back to the file.
 *
 * The view is plain text: one block a line (`\n`), table cells of a line separated by `\t`. For a text or
 * Markdown file it is the decoded file itself, offset for offset. For an HTML page it is the article's
 * text, with `origin` mapping each view offset to an offset in the decoded HTML. A `.docx` or PDF has no
 * text a person can open at a line, so its view carries `places` instead (page and line, paragraph, table
 * cell). Everything after the reader works on the view alone; the edges map positions back.
 */
export interface SourceView {
  /** The file format the reader read. */
  format: SourceFormat;
  /** The text the recognisers read; every offset in `blocks` and in the model is an offset into it. */
  text: string;
  /** How the bytes were decoded (for text-like formats), or `binary` for .docx and PDF. */
  encoding: TextEncoding | 'string';
  /**
   * The view's blocks. Absent when the view is plain text that the line reader splits itself (a PDF's
   * rebuilt lines, say); present when the format gives structure the text cannot hold (an HTML or .docx
   * table's merged cells).
   */
  blocks?: Block[];
  /**
   * For a view drawn out of another text (HTML): the text the file holds and, for every view offset
   * `0 … text.length`, the offset in `sourceText` it came from. Positions reported to the user are
   * positions in `sourceText`.
   */
  origin?: ViewOrigin;
  /** For a source without lines (.docx, PDF): where a person finds each stretch of the view, in order of `start`. */
  places?: PlaceMark[];
  /** What the file says about the report without being the report: page title, crawl header lines, dates. */
  metadata: SourceMetadata;
  /** Why the file could not be read, or only in part. Empty when it was read. */
  problems: ReadProblem[];
}

export type SourceFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

export interface ViewOrigin {
  sourceText: string;
  /** `offsets[i]` is the source offset of view offset `i`; length `text.length + 1`. Non-decreasing. */
  offsets: Int32Array;
}

/**
 * A place in a file without lines. From `start` (a view offset) until the next mark's `start`, the view
 * comes from this place. Fields are 1-based; `line` is the line on the page (PDF) and `paragraph` the
 * paragraph in the document body (.docx, tables counted apart); `table`/`row`/`column` name a table cell.
 */
export interface PlaceMark {
  start: number;
  page?: number;
  line?: number;
  paragraph?: number;
  table?: number;
  row?: number;
  column?: number;
}

/** A value found around the report rather than in it: `标题：…`, `发布时间：…`, `<title>`, `<meta>`. */
export interface MetaField {
  /** What the value is, in the source's own words where it has them (`发布时间`, `来源`, `title`). */
  key: string;
  value: string;
  /** View offsets of the value, when it is in the view; absent when it is not (an HTML `<title>`). */
  start?: number;
  end?: number;
}

export interface SourceMetadata {
  /** A title the source gives apart from the body (crawl `标题`, page `<title>`, article title element). */
  title?: MetaField;
  /** A publication date the page or crawl gives (`发布时间`, `时间：`): not the report's signature. */
  published?: MetaField;
  /** Every field found, in order. */
  fields: MetaField[];
  /** View offset where the report's own text begins (after crawl headers and page chrome). */
  bodyStart?: number;
}

export type ReadProblemCode =
  | 'empty'
  | 'binary'
  | 'corrupt'
  | 'scanned-pdf'
  | 'encrypted'
  | 'garbled-text'
  | 'legacy-doc'
  | 'wps'
  | 'ofd'
  | 'no-article';

/** A reason a file could not be read, or only in part, with what the user should do about it. */
export interface ReadProblem {
  code: ReadProblemCode;
  /** Whether nothing at all could be read (a scan, an encrypted PDF): the file is not linted. */
  fatal: boolean;
  message: { zh: string; en: string };
}

/** An empty metadata record, for readers that find none. */
export function noMetadata(): SourceMetadata {
  return { fields: [] };
}
