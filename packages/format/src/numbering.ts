/**
 * How reports number things, as regular-expression pieces: the one place the numerals and the
 * enumerator styles (一、 （一） （1） 1. 1、) are written. Headings, sub-heads, table labels, dates and
 * years are matched everywhere else by building on these, so a style learnt here is learnt by all.
 */

/** 一 … 十: the digits of Chinese numbering (一、 （二） 十二). For a character class. */
export const CJK_NUMERAL_CHARS = '一二三四五六七八九十';

/** The digits of a year written in Chinese (二〇二四年), with the other ways of writing zero. For a character class. */
export const CJK_YEAR_DIGIT_CHARS = '〇零○一二三四五六七八九';

/** A Chinese numeral of one to `max` characters (regex source). */
export function cjkNumeralSource(max = 3): string {
  return `[${CJK_NUMERAL_CHARS}]{1,${max}}`;
}

/** A four-digit year in Chinese digits (regex source): 二〇二四, 二零二四. */
export const CJK_YEAR_SOURCE = `[${CJK_YEAR_DIGIT_CHARS}]{4}`;

/** A month or day in Chinese numerals (regex source): 十二, 三十一. */
export const CJK_DAY_SOURCE = cjkNumeralSource(3);

/** The value of a year written in Chinese digits (二〇二四 → 2024). */
export function cjkYearValue(text: string): number {
  return [...text.replace(/[零○]/gu, '〇')].reduce((n, ch) => n * 10 + '〇一二三四五六七八九'.indexOf(ch), 0);
}

/**
 * An enumerator at the start of a paragraph or label: `（一）` (group `pc`), `（1）` (`pa`), `1.` / `1、`
 * (`a`), `一、` (`c`). A number followed by another digit is a figure, not an enumerator.
 */
export const ENUMERATOR = new RegExp(
  `^(?:[（(]\\s*(?<pc>${cjkNumeralSource()})\\s*[)）]|[（(]\\s*(?<pa>\\d{1,2})\\s*[)）]|(?<a>\\d{1,2})\\s*[.．、](?!\\d)|(?<c>${cjkNumeralSource()})\\s*、)`,
  'u',
);

/** A label's numbering once the label is normalized (`normalizeLabel`: `(一)`, `1.`, `一、`). */
export const NORMALIZED_NUMBERING = new RegExp(`^(?:\\d{1,2}\\.|\\(${cjkNumeralSource()}\\)|${cjkNumeralSource()}、)`, 'u');

/** A parenthesised enumerator at the start: `（一）`, `(3)`. */
export const PAREN_ENUMERATOR = new RegExp(`^[（(][${CJK_NUMERAL_CHARS}\\d]{1,3}[)）]`, 'u');

/** The enumerator of a section heading or a sub-head, as written in a text (regex source, groups `paren`/`pnum`, `num`, `sep`). */
export const HEADING_ENUMERATOR_SOURCE = `(?:(?<paren>[（(]\\s*(?<pnum>[${CJK_NUMERAL_CHARS}]|\\d)\\s*[)）])|(?<num>${cjkNumeralSource(2)}|\\d{1,2}|[①②③④⑤⑥])?\\s*(?<sep>[、.．,，:：])?)`;

/** An enumerator as it starts a label after a space (`… 1.属于`, `… （三）不予`): where two labels run together (regex source). */
export const LABEL_ENUMERATOR_SOURCE = `(?:\\d{1,2}[.．、][ \\u3000]*|[（(]${cjkNumeralSource()}[)）])`;

/** A digit of a date: Arabic, full-width, a Chinese zero, or a month in numerals (十二月). */
export const DATE_DIGIT = new RegExp(`[\\d\\uff10-\\uff19〇零○]|[${CJK_NUMERAL_CHARS}]\\s*月`, 'u');
