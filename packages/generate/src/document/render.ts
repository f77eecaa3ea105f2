/** The parsed report to a page or a Word document in one call: layout, then the writer. */
import type { ReportDocument } from '@nianbao/parse';
import { layoutDocx, type DocxOptions } from './docx.js';
import { layoutHtml, type HtmlOptions } from './html.js';
import { layoutReport, type LayoutOptions, type ReportLayout } from './layout.js';

export type DocumentOptions = LayoutOptions & HtmlOptions & DocxOptions;

export interface RenderedDocument<T> {
  output: T;
  layout: ReportLayout;
}

/** A standalone web page of the report. */
export function reportHtml(doc: ReportDocument, options: DocumentOptions = {}): RenderedDocument<string> {
  const layout = layoutReport(doc, options);
  return { output: layoutHtml(layout, options), layout };
}

/** A .docx of the report in 公文 style. */
export async function reportDocx(doc: ReportDocument, options: DocumentOptions = {}): Promise<RenderedDocument<Uint8Array>> {
  const layout = layoutReport(doc, options);
  return { output: await layoutDocx(layout, options), layout };
}
