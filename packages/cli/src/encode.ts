import type { ReportDocument } from '@nianbao/parse';

/**
 * Encodes text back the way the file was read, so `--fix` changes words and never the file's encoding:
 * a BOM stays, UTF-16 stays UTF-16. (GB18030 has no encoder in Node; the caller does not rewrite it.)
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
    default:
      return Buffer.from(text, 'utf8');
  }
}
