/**
 * Every layout of the corpus README as a writer, with the file name a user's file in it would carry
 * (the parser chooses its reader from the name and the content). `layoutsUnderTest` lists the layouts
 * whose reader exists; the lead extends READ_LAYOUTS as readers land.
 */
import type { LayoutDocument } from './document.js';
import { writeCellPerLineNoTabs, writeCellPerLineTabs } from './writers/cell-per-line.js';
import type { WriterOptions } from './writers/common.js';
import { writeCrawl } from './writers/crawl.js';
import { writeDocx } from './writers/docx.js';
import { writeHtml } from './writers/html.js';
import { writeMarkdown } from './writers/markdown.js';
import { writeOneLine } from './writers/one-line.js';
import { writePdf } from './writers/pdf.js';
import { writePipes } from './writers/pipes.js';
import { writeSpaceAligned } from './writers/space-aligned.js';
import { writeWordText } from './writers/word-text.js';

export type LayoutId =
  | 'markdown'
  | 'word-text'
  | 'cell-per-line-tabs'
  | 'cell-per-line'
  | 'pipes'
  | 'space-aligned'
  | 'one-line'
  | 'crawl'
  | 'html'
  | 'html-mso'
  | 'docx'
  | 'pdf';

export interface Layout {
  id: LayoutId;
  /** The corpus file it imitates, for failure messages. */
  like: string;
  fileName: string;
  /** Binary layouts (docx, pdf) resolve to bytes; text layouts return a string. */
  write: (doc: LayoutDocument, options?: WriterOptions) => string | Promise<Uint8Array>;
}

export const LAYOUTS: Readonly<Record<LayoutId, Layout>> = {
  markdown: { id: 'markdown', like: '002 (headings)', fileName: 'report.md', write: writeMarkdown },
  'word-text': { id: 'word-text', like: '000', fileName: 'report.txt', write: writeWordText },
  'cell-per-line-tabs': { id: 'cell-per-line-tabs', like: '001, 004', fileName: 'report.txt', write: writeCellPerLineTabs },
  'cell-per-line': { id: 'cell-per-line', like: '012', fileName: 'report.txt', write: writeCellPerLineNoTabs },
  pipes: { id: 'pipes', like: '015', fileName: 'report.txt', write: writePipes },
  'space-aligned': { id: 'space-aligned', like: '010 (pdftotext -layout)', fileName: 'report.txt', write: writeSpaceAligned },
  'one-line': { id: 'one-line', like: '013, 014', fileName: 'report.txt', write: writeOneLine },
  crawl: { id: 'crawl', like: '005–009', fileName: 'page.txt', write: writeCrawl },
  html: { id: 'html', like: '011', fileName: 'report.html', write: (doc, options) => writeHtml(doc, { ...options, mso: false }) },
  'html-mso': { id: 'html-mso', like: '011 (Word-pasted)', fileName: 'report.html', write: (doc, options) => writeHtml(doc, { ...options, mso: true }) },
  docx: { id: 'docx', like: 'a Word original', fileName: 'report.docx', write: writeDocx },
  pdf: { id: 'pdf', like: '010 (.pdf)', fileName: 'report.pdf', write: writePdf },
};

/** Layouts whose reader has landed: extend this as readers do. */
export const READ_LAYOUTS: LayoutId[] = ['markdown', 'word-text'];

/** The layouts the round-trip property tests run over. */
export function layoutsUnderTest(extra: readonly LayoutId[] = []): Layout[] {
  return [...new Set([...READ_LAYOUTS, ...extra])].map((id) => LAYOUTS[id]);
}

/** Writes a document in a layout; binary output as bytes, text as a string. */
export async function writeLayout(id: LayoutId, doc: LayoutDocument, seed: number): Promise<string | Uint8Array> {
  return LAYOUTS[id].write(doc, { seed });
}
