import { createRequire } from 'node:module';
import type { ReportDocument } from '@nianbao/parse';

type Iconv = typeof import('iconv-lite');

let iconv: Iconv | undefined;

/**
 * iconv-lite, loaded by the one write that needs it (half a megabyte of code tables no other run uses).
 * A literal `require('iconv-lite')` is what a bundle follows; an ES module run by Node has no `require`
 * and takes Node's (iconv-lite is CommonJS, which any Node loads synchronously).
 */
function loadIconv(): Iconv {
  iconv ??= typeof require === 'function' ? (require('iconv-lite') as Iconv) : (createRequire(import.meta.url)('iconv-lite') as Iconv);
  return iconv;
}

/**
 * Encodes text back the way the file was read, so `--fix` changes words and never the file's encoding:
 * a BOM stays, UTF-16 stays UTF-16, and GBK/GB18030 (what Chinese Windows saves) stays GB18030 — Node
 * decodes it but has no encoder, hence iconv-lite.
 */
export function encodeLike(text: string, encoding: ReportDocument['encoding']): Buffer {
  switch (encoding) {
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
    case 'gb18030':
      return loadIconv().encode(text, 'gb18030');
    default:
      return Buffer.from(text, 'utf8');
  }
}
