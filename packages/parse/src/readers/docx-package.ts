import { zipEngine } from './engines.js';
import { attr, isElement, parseXml } from './docx-xml.js';
import type { ReadProblem } from './types.js';

/** The parts of a .docx the reader uses, as text. */
export interface DocxParts {
  document: string;
  styles?: string;
  numbering?: string;
  core?: string;
}

export const CORRUPT: ReadProblem = {
  code: 'corrupt',
  fatal: true,
  message: {
    zh: '无法打开这个 .docx 文件（文件已损坏或不完整）。请在 Word/WPS 中打开并重新保存为 .docx 后再检查。',
    en: 'This .docx file cannot be opened (it is damaged or incomplete). Open it in Word or WPS, save it again as .docx, and check that file.',
  },
};

export const NOT_WORD: ReadProblem = {
  code: 'corrupt',
  fatal: true,
  message: {
    zh: '这个文件不是 Word 文档（.docx 压缩包里没有正文 word/document.xml）。请在 Word/WPS 中打开并重新保存为 .docx 后再检查。',
    en: 'This file is not a Word document (the package has no word/document.xml). Open it in Word or WPS, save it as .docx, and check that file.',
  },
};

const DEFAULT_MAIN = 'word/document.xml';

/** Parts are UTF-8 unless they carry a UTF-16 byte order mark (allowed, and written by a few tools). */
export function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

function unzipSome(bytes: Uint8Array, wanted: ReadonlySet<string>): Record<string, Uint8Array> | undefined {
  try {
    return zipEngine()(bytes, { filter: (file) => wanted.has(file.name) });
  } catch {
    return undefined;
  }
}

/** The main document's path as the package relationships name it (a few generators do not use the default). */
function mainPartName(rels: Uint8Array | undefined): string | undefined {
  if (!rels) return undefined;
  const tree = parseXml(decodePart(rels));
  const root = tree.root.children.find(isElement);
  for (const r of root?.children ?? []) {
    if (!isElement(r) || !/(?:^|:)Relationship$/u.test(r.name)) continue;
    const type = attr(r, 'Type') ?? '';
    const target = attr(r, 'Target');
    if (target && /\/officeDocument$/u.test(type)) return target.replace(/^\//u, '');
  }
  return undefined;
}

/** Opens the zip and takes out the parts the reader needs; a problem when it cannot. */
export function openDocx(bytes: Uint8Array): DocxParts | ReadProblem {
  const first = unzipSome(bytes, new Set(['_rels/.rels', DEFAULT_MAIN, 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml']));
  if (!first) return CORRUPT;
  let main = first[DEFAULT_MAIN];
  let files = first;
  let stylesName = 'word/styles.xml';
  let numberingName = 'word/numbering.xml';
  if (!main) {
    const name = mainPartName(first['_rels/.rels']);
    if (!name) return NOT_WORD;
    stylesName = name.replace(/[^/]*$/u, 'styles.xml');
    numberingName = name.replace(/[^/]*$/u, 'numbering.xml');
    const second = unzipSome(bytes, new Set([name, stylesName, numberingName]));
    main = second?.[name];
    if (!second || !main) return NOT_WORD;
    files = { ...first, ...second };
  }
  const parts: DocxParts = { document: decodePart(main) };
  const styles = files[stylesName];
  const numbering = files[numberingName];
  const core = files['docProps/core.xml'];
  if (styles) parts.styles = decodePart(styles);
  if (numbering) parts.numbering = decodePart(numbering);
  if (core) parts.core = decodePart(core);
  return parts;
}
