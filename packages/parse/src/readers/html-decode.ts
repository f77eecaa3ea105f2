import { decodeText, type TextEncoding } from '../decode.js';

/**
 * Decodes a page's bytes as a browser would, for the encodings Chinese sites use: a BOM first, then the
 * charset the page declares in its first few KB (`<meta charset=gb2312>`, `<meta http-equiv=
 * "Content-Type" content="text/html; charset=gbk">`), then UTF-8, falling back to GB18030 when the
 * bytes are not UTF-8. A page that declares GBK but is valid UTF-8 was re-saved without its meta being
 * changed (a common slip): GBK text is practically never valid UTF-8, so UTF-8 wins.
 */

export interface DecodedPage {
  text: string;
  encoding: TextEncoding;
}

const SNIFF_BYTES = 4096;
const CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/iu;
const GB = /^(?:gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|euc-cn|csgb2312|csiso58gb231280|chinese|iso-ir-58|gb_2312-80|gb_2312)$/iu;
const BIG5 = /^(?:big5|big5-hkscs|cn-big5|csbig5|x-x-big5)$/iu;

/** The charset a page declares near its top, lower-cased; undefined when it declares none. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // Latin-1 keeps every byte one character: the declaration is ASCII whatever the page's encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  return CHARSET.exec(head)?.[1]?.toLowerCase();
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes a page. Never throws: bytes that fit no encoding are read leniently. */
export function decodePage(bytes: Uint8Array): DecodedPage {
  const bom = bytes.length >= 2 && ((bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const charset = bom ? undefined : declaredCharset(bytes);
  if (charset !== undefined && (GB.test(charset) || BIG5.test(charset))) {
    const utf8 = strictUtf8(bytes);
    // Valid UTF-8 holding non-ASCII bytes: the declaration is stale (see above).
    if (utf8 !== undefined && bytes.some((b) => b >= 0x80)) return { text: utf8, encoding: 'utf-8' };
    const label = GB.test(charset) ? 'gb18030' : 'big5';
    // `TextEncoding` has no Big5: the nearest is the other legacy Chinese double-byte encoding.
    return { text: new TextDecoder(label).decode(bytes), encoding: 'gb18030' };
  }
  return decodeText(bytes);
}
