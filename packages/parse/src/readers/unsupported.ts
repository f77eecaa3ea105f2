import { zipEngine } from './engines.js';
import type { ReadProblem } from './types.js';

/**
 * Formats nianbao does not read, told apart so the user learns what to do with the file. The bytes
 * decide first (a `.doc` renamed `.docx` is still a `.doc`); the name decides only for binary content
 * the bytes do not identify, since sites often serve a Word HTML page or plain text under a `.doc` name.
 */

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const PROBLEMS = {
  'legacy-doc': {
    zh: '这是旧版 Word 文档（.doc），无法直接检查。请在 Word/WPS 中“另存为” .docx 后再检查。',
    en: 'This is a legacy Word document (.doc), which cannot be checked directly. Open it in Word or WPS, "Save As" .docx, and check that file.',
  },
  wps: {
    zh: '这是 WPS 文字文档（.wps），无法直接检查。请在 WPS 中“另存为” .docx 后再检查。',
    en: 'This is a WPS Writer document (.wps), which cannot be checked directly. Open it in WPS, "Save As" .docx, and check that file.',
  },
  ofd: {
    zh: '这是 OFD 版式文件，无法直接检查。请用数科阅读器等软件导出为 PDF 或 .docx 后再检查。',
    en: 'This is an OFD fixed-layout file, which cannot be checked directly. Export it to PDF or .docx with an OFD reader (e.g. Suwell Reader) and check that file.',
  },
  rtf: {
    zh: '这是 RTF 文档，无法直接检查。请在 Word/WPS 中“另存为” .docx 后再检查。',
    en: 'This is an RTF document, which cannot be checked directly. Open it in Word or WPS, "Save As" .docx, and check that file.',
  },
  encrypted: {
    zh: '这个 Office 文件已加密（设置了打开密码），无法检查。请在 Word/WPS 中打开，取消密码后另存为 .docx 再检查。',
    en: 'This Office file is encrypted (it has an open password) and cannot be checked. Open it in Word or WPS, remove the password, save it as .docx and check that file.',
  },
} as const;

function problem(kind: keyof typeof PROBLEMS): ReadProblem {
  // RTF has no code of its own yet; it gets the legacy-doc code, whose advice (save as .docx) it shares.
  const code = kind === 'rtf' ? 'legacy-doc' : kind;
  return { code, fatal: true, message: { ...PROBLEMS[kind] } };
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

/**
 * Whether an OLE compound file has a directory entry of this name. Entries are 128 bytes, aligned to
 * 128 (sectors are 512 or 4096 bytes), the name UTF-16LE in the first 64 and its byte length (with the
 * terminating NUL) at 64: checking the alignment and length keeps document text from matching.
 */
export function oleHasEntry(bytes: Uint8Array, name: string): boolean {
  const size = (name.length + 1) * 2;
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    if (bytes[at + 64] !== size || bytes[at + 65] !== 0) continue;
    let match = true;
    for (let k = 0; k < name.length && match; k++) {
      match = bytes[at + 2 * k] === name.charCodeAt(k) && bytes[at + 2 * k + 1] === 0;
    }
    if (match) return true;
  }
  return false;
}

/** The names of a zip's entries, or undefined when it cannot be read (cut off, say). */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const names: string[] = [];
  try {
    zipEngine()(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
    return names;
  } catch {
    return undefined;
  }
}

/** The name in the first local header of a zip: what is left to read of one cut off. */
function firstZipEntry(bytes: Uint8Array): string | undefined {
  if (bytes.length < 30) return undefined;
  const length = bytes[26]! | (bytes[27]! << 8);
  if (30 + length > bytes.length) return undefined;
  return new TextDecoder().decode(bytes.subarray(30, 30 + length));
}

/** An OFD package holds `OFD.xml` at its root; a zip cut off is judged by its first entry, then by its name. */
function isOfdZip(bytes: Uint8Array, ext: string): boolean {
  const names = zipEntryNames(bytes);
  if (names) return names.some((n) => /^\/?ofd\.xml$/iu.test(n));
  const first = firstZipEntry(bytes);
  return (first !== undefined && /^\/?ofd\.xml$/iu.test(first)) || ext === 'ofd';
}

/** Content with NUL bytes is not text: the name may then say what it is. */
function looksBinary(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, 4096);
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) return true;
  return false;
}

function extension(fileName: string | undefined): string {
  const m = fileName ? /\.([^./\\]+)$/u.exec(fileName) : null;
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * The problem to report for a file in a format nianbao does not read (.doc, .wps, .ofd, .rtf, an
 * encrypted Office file), or undefined for anything else, readable or not.
 */
export function detectUnsupported(bytes: Uint8Array, fileName?: string): ReadProblem | undefined {
  const ext = extension(fileName);
  if (startsWith(bytes, OLE_MAGIC)) {
    // An encrypted .docx/.xlsx is an OLE container holding the encrypted package.
    if (oleHasEntry(bytes, 'EncryptedPackage')) return problem('encrypted');
    return problem(ext === 'wps' ? 'wps' : 'legacy-doc');
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return isOfdZip(bytes, ext) ? problem('ofd') : undefined;
  }
  let at = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) at = 3;
  while (at < bytes.length && at < 64 && (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09)) at++;
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66], at)) return problem('rtf');
  if (bytes.length === 0 || !looksBinary(bytes)) return undefined;
  if (ext === 'doc') return problem('legacy-doc');
  if (ext === 'wps') return problem('wps');
  if (ext === 'ofd') return problem('ofd');
  return undefined;
}
