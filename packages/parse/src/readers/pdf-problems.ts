import type { ReadProblem } from './types.js';

/** What the PDF reader tells the user when a file cannot be read, or only in part, and what to do. */

export function emptyPdf(): ReadProblem {
  return {
    code: 'empty',
    fatal: true,
    message: {
      zh: '文件是空的（0 字节），无法检查。请重新导出或下载这个 PDF。',
      en: 'The file is empty (0 bytes) and cannot be checked. Export or download the PDF again.',
    },
  };
}

export function corruptPdf(detail?: string): ReadProblem {
  const why = detail ? `（${detail}）` : '';
  return {
    code: 'corrupt',
    fatal: true,
    message: {
      zh: `这个文件不是有效的 PDF，或已损坏、不完整${why}，无法检查。请重新下载或重新导出 PDF，或提供 Word/WPS 原文件。`,
      en: `This file is not a valid PDF, or it is damaged or truncated${detail ? ` (${detail})` : ''}, so it cannot be checked. Download or export the PDF again, or provide the Word/WPS file.`,
    },
  };
}

export function unreadablePages(pages: readonly number[]): ReadProblem {
  const list = pages.join('、');
  return {
    code: 'corrupt',
    fatal: false,
    message: {
      zh: `PDF 第 ${list} 页已损坏，无法读取，只检查了其余页面。请重新导出 PDF 后再检查。`,
      en: `Page(s) ${pages.join(', ')} of the PDF are damaged and could not be read; only the other pages were checked. Export the PDF again and re-check.`,
    },
  };
}

export function encryptedPdf(): ReadProblem {
  return {
    code: 'encrypted',
    fatal: true,
    message: {
      zh: '这个 PDF 设有打开密码（已加密），无法检查。请去掉密码后重新导出 PDF，或提供 Word/WPS 原文件。',
      en: 'This PDF is password-protected (encrypted) and cannot be checked. Remove the password and export the PDF again, or provide the Word/WPS file.',
    },
  };
}

export function scannedPdf(): ReadProblem {
  return {
    code: 'scanned-pdf',
    fatal: true,
    message: {
      zh: '这个 PDF 是扫描件（没有文字层），无法检查。请提供 Word/WPS 原文件，或先用 OCR 软件识别成文字再检查。',
      en: 'This PDF is a scan (it has no text layer) and cannot be checked. Provide the Word/WPS file, or run OCR on it first.',
    },
  };
}

export function blankPdf(): ReadProblem {
  return {
    code: 'empty',
    fatal: true,
    message: {
      zh: '这个 PDF 没有任何文字或图像，无法检查。请确认导出的是年度报告本身。',
      en: 'This PDF holds no text and no images, so there is nothing to check. Make sure the export is the report itself.',
    },
  };
}

export function scannedPages(pages: readonly number[]): ReadProblem {
  return {
    code: 'scanned-pdf',
    fatal: false,
    message: {
      zh: `PDF 第 ${pages.join('、')} 页没有文字层（扫描图片），这些页的内容没有检查。请提供 Word/WPS 原文件，或先用 OCR 软件识别这些页。`,
      en: `Page(s) ${pages.join(', ')} of the PDF have no text layer (scanned images); their content was not checked. Provide the Word/WPS file, or run OCR on those pages.`,
    },
  };
}

export function garbledPdf(): ReadProblem {
  return {
    code: 'garbled-text',
    fatal: true,
    message: {
      zh: '这个 PDF 的字体没有对应到文字（提取出来是乱码），无法检查。请在 Word/WPS 中重新导出 PDF 并嵌入字体，或直接提供 Word/WPS 原文件。',
      en: "This PDF's fonts do not map to text (what comes out is garbled), so it cannot be checked. Export the PDF again from Word/WPS with fonts embedded, or provide the Word/WPS file.",
    },
  };
}

/** Private-use glyphs, replacement characters and control characters: what unmapped glyphs come out as. */
const UNMAPPED = /[\ue000-\uf8ff\ufffd\u{f0000}-\u{10ffff}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
const CJK = /[\p{Script=Han}]/gu;
/** Characters a Chinese report's text is made of besides Han: ASCII, CJK and full-width punctuation, digits. */
const ORDINARY = /[\p{Script=Han}\u0020-\u007e\u3000-\u303f\uff00-\uffef\u2010-\u2027\u00b7\u00d7\u2160-\u217f\u2460-\u24ff]/gu;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/**
 * Whether extracted text is what a PDF gives when its fonts have no usable mapping to Unicode: mostly
 * private-use or replacement characters, or a long text without a single Han character made mostly of
 * characters a report never holds. Short texts are never judged: a cover page may hold only a date.
 */
export function looksGarbled(text: string): boolean {
  const visible = text.replace(/\s+/gu, '');
  const total = [...visible].length;
  if (total < 40) return false;
  if (count(visible, UNMAPPED) > total * 0.2) return true;
  const han = count(visible, CJK);
  if (han > total * 0.02) return false;
  const odd = total - count(visible, ORDINARY);
  if (odd > total * 0.3) return true;
  // ASCII junk (glyph ids read as Latin-1): letters without vowels and punctuation run together.
  const letters = count(visible, /[a-z]/giu);
  const vowels = count(visible, /[aeiou]/giu);
  const symbols = count(visible, /[!-/:-@[-`{-~]/gu);
  return symbols > total * 0.35 || (letters > total * 0.5 && vowels < letters * 0.12);
}
