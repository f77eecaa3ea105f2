import { textView, type ParseOptions } from '../parse.js';
import { readDocx } from './docx.js';
import { loadEngines } from './engines.js';
import { readHtml } from './html.js';
import type { SourceFormat, SourceView } from './types.js';
import { detectUnsupported } from './unsupported.js';

/**
 * One entry for every file a user brings: the format is chosen by the bytes (magic numbers, markup),
 * the name only breaking ties, and the matching reader gives the view the parser reads. PDF needs
 * pdf.js, which is asynchronous and large: it is loaded only when a PDF comes.
 */

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

/** A PDF may carry up to 1 KB of junk before `%PDF` (the format allows it). */
function isPdf(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - 4, 1024);
  for (let i = 0; i <= limit; i++) if (bytes[i] === 0x25 && startsWith(bytes, PDF_MAGIC, i)) return true;
  return false;
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|meta[\s>]|body[\s>])/iu;
const HTML_NAME = /\.(?:html?|xhtml|shtml|mht)$/iu;
const MARKDOWN_NAME = /\.(?:md|markdown)$/iu;

function headText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\ufeff/u, '');
}

/** Which reader a file needs, by its content first and its name second. */
export function sniffFormat(bytes: Uint8Array, fileName?: string): SourceFormat | 'unsupported' {
  if (isPdf(bytes)) return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC)) return detectUnsupported(bytes, fileName) ? 'unsupported' : 'docx';
  if (detectUnsupported(bytes, fileName)) return 'unsupported';
  const head = headText(bytes);
  if (HTML_START.test(head) || (fileName !== undefined && HTML_NAME.test(fileName) && /<[a-z][^>]*>/iu.test(head))) return 'html';
  if (fileName !== undefined && MARKDOWN_NAME.test(fileName)) return 'markdown';
  return 'text';
}

function unsupportedView(bytes: Uint8Array, fileName: string | undefined): SourceView {
  const problem = detectUnsupported(bytes, fileName) ?? {
    code: 'binary' as const,
    fatal: true,
    message: { zh: '无法识别这个文件的格式。请提供 .docx、.pdf、网页（.html）、纯文本（.txt）或 Markdown（.md）文件。', en: 'The file’s format is not recognised. Provide a .docx, .pdf, web page (.html), plain text (.txt) or Markdown (.md) file.' },
  };
  return { format: 'text', text: '', encoding: 'binary', metadata: { fields: [] }, problems: [problem] };
}

/**
 * Reads any supported file into its view. Never throws: what cannot be read is a problem in the view.
 * What the view is parsed with later (remark, for Markdown) is loaded here too, so that parsing it
 * needs nothing that only a newer Node loads synchronously (see engines.ts).
 */
export async function readSource(bytes: Uint8Array, fileName?: string, options: ParseOptions = {}): Promise<SourceView> {
  // Telling a .docx from an OFD or an encrypted file reads the zip's entries.
  if (startsWith(bytes, ZIP_MAGIC)) await loadEngines(['zip']);
  const format = sniffFormat(bytes, fileName);
  if (format === 'pdf') {
    const { readPdf } = await import('./pdf.js');
    return readPdf(bytes);
  }
  if (format === 'html') await loadEngines(['html']);
  const view = readSourceSync(bytes, fileName, options);
  if (view.format === 'markdown') await loadEngines(['markdown']);
  return view;
}

/**
 * Reads a file or an editor's buffer synchronously: every format but PDF (whose reader is asynchronous;
 * a PDF given here gets a problem saying so). A string is an editor's buffer: HTML or text by its markup.
 */
export function readSourceSync(input: Uint8Array | string, fileName?: string, options: ParseOptions = {}): SourceView {
  if (typeof input === 'string') {
    const html = HTML_START.test(input.slice(0, 4096)) || (fileName !== undefined && HTML_NAME.test(fileName));
    return html ? readHtml(input) : textView(input, { ...(fileName !== undefined ? { fileName } : {}), ...options });
  }
  const format = sniffFormat(input, fileName);
  switch (format) {
    case 'pdf':
      return {
        format: 'pdf',
        text: '',
        encoding: 'binary',
        metadata: { fields: [] },
        problems: [{ code: 'corrupt', fatal: true, message: { zh: 'PDF 需要异步读取（readSource）。', en: 'A PDF is read asynchronously (readSource).' } }],
      };
    case 'docx':
      return readDocx(input);
    case 'html':
      return readHtml(input);
    case 'unsupported':
      return unsupportedView(input, fileName);
    default:
      return textView(input, { ...(fileName !== undefined ? { fileName } : {}), ...options });
  }
}
