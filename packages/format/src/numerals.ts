/** Chinese numerals as reports write them in headings and enumerators (一、 （二） 十二). */

const CJK_DIGITS = '〇一二三四五六七八九';

/** The value of a Chinese numeral up to 99 (一, 十, 十二, 二十三). */
export function cjkNumber(text: string): number {
  if (text === '十') return 10;
  const ten = text.indexOf('十');
  if (ten < 0) return [...text].reduce((n, ch) => n * 10 + Math.max(0, CJK_DIGITS.indexOf(ch)), 0);
  const tens = ten === 0 ? 1 : CJK_DIGITS.indexOf(text[0]!);
  const ones = ten === text.length - 1 ? 0 : CJK_DIGITS.indexOf(text[ten + 1]!);
  return tens * 10 + ones;
}

/** The Chinese numeral for 1–99 (一, 十, 十二, 二十). */
export function cjkNumeral(n: number): string {
  if (n < 10) return CJK_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CJK_DIGITS[tens]!}十${ones === 0 ? '' : CJK_DIGITS[ones]!}`;
}
