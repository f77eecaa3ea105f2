/**
 * The .docx reader.
 *
 * Why not mammoth: tried with mammoth 1.13 on documents built with `docx` 9 and by hand, mammoth does
 * keep merged cells (`w:gridSpan` → `colspan`, `w:vMerge` restart/continue → `rowspan`), and it drops
 * deletions and field codes correctly. But it drops `w:gridBefore`/`w:gridAfter` (the row's cells shift
 * left a column), ignores `w:outlineLvl` headings, is asynchronous, and gives HTML without the paragraph
 * and cell places a person needs to find a finding. So this reader reads `word/document.xml` itself,
 * with a small XML scanner (`docx-xml.ts`).
 */
import { readBody } from './docx-body.js';
import { CORRUPT, openDocx, type DocxParts } from './docx-package.js';
import { ListCounter } from './docx-numbering.js';
import { readStyles } from './docx-styles.js';
import { descendant, parseXml, textOf, type CanonicalPrefixes } from './docx-xml.js';
import { noMetadata, type ReadProblem, type SourceMetadata, type SourceView } from './types.js';
import { detectUnsupported } from './unsupported.js';

/** Word's namespaces, transitional and strict, under the prefixes the reader matches. */
const NAMESPACES: CanonicalPrefixes = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
  'http://purl.org/dc/elements/1.1/': 'dc',
};

const EMPTY: ReadProblem = {
  code: 'empty',
  fatal: true,
  message: {
    zh: '这个 .docx 文件是空的（0 字节）。请确认文件已完整下载或保存后再检查。',
    en: 'This .docx file is empty (0 bytes). Make sure it was downloaded or saved completely, then check it again.',
  },
};

const INCOMPLETE: ReadProblem = {
  code: 'corrupt',
  fatal: false,
  message: {
    zh: '这个 .docx 文件的正文不完整，后面的部分内容可能未能读取。请在 Word/WPS 中打开并重新保存为 .docx 后再检查。',
    en: 'The body of this .docx file is incomplete, so some of its end may not have been read. Open it in Word or WPS, save it again as .docx, and check that file.',
  },
};

function failed(problem: ReadProblem): SourceView {
  return { format: 'docx', text: '', encoding: 'binary', blocks: [], places: [], metadata: noMetadata(), problems: [problem] };
}

function metadataOf(parts: DocxParts): SourceMetadata {
  const metadata = noMetadata();
  if (!parts.core) return metadata;
  const title = descendant(parseXml(parts.core, NAMESPACES).root, 'dc:title');
  const value = title ? textOf(title).trim() : '';
  if (value !== '') {
    const field = { key: 'title', value };
    metadata.title = field;
    metadata.fields.push(field);
  }
  return metadata;
}

/** Reads a .docx file's bytes into a view. Never throws: what cannot be read is a problem in the view. */
export function readDocx(bytes: Uint8Array): SourceView {
  if (bytes.length === 0) return failed(EMPTY);
  const unsupported = detectUnsupported(bytes);
  if (unsupported) return failed(unsupported);
  try {
    const parts = openDocx(bytes);
    if ('code' in parts) return failed(parts);
    const document = parseXml(parts.document, NAMESPACES);
    const body = descendant(document.root, 'w:body');
    if (!body) return failed(CORRUPT);
    const styles = parts.styles ? parseXml(parts.styles, NAMESPACES).root : undefined;
    const numbering = parts.numbering ? parseXml(parts.numbering, NAMESPACES).root : undefined;
    const view = readBody(body, readStyles(styles), new ListCounter(numbering));
    return {
      format: 'docx',
      text: view.text,
      encoding: 'binary',
      blocks: view.blocks,
      places: view.places,
      metadata: metadataOf(parts),
      problems: document.complete ? [] : [INCOMPLETE],
    };
  } catch {
    // A bug here must not reach the caller as a throw; the file gets the message a damaged file gets.
    return failed(CORRUPT);
  }
}
