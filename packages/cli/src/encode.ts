import iconv from 'iconv-lite';
import type { ReportDocument } from '@nianbao/parse';

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
      return iconv.encode(text, 'gb18030');
    default:
      return Buffer.from(text, 'utf8');
  }
}
