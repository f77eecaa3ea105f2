/**
 * The page of a 公文 (GB/T 9704-2012): A4, a type area of 156 mm × 225 mm (天头 37 mm, 订口 28 mm), 22 lines of
 * 28 characters in 3号 (16 pt), and the point sizes the standard names by their Chinese numbers. Word and
 * the web page both lay out from these, so the two cannot drift apart.
 */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 37, bottom: 35, left: 28, right: 26 },
  typeAreaMm: { width: 156, height: 225 },
  linesPerPage: 22,
  charsPerLine: 28,
} as const;

/** Type sizes in points: 二号 title, 三号 headings and body, 四号 page numbers, 五号 and 小五 table text. */
export const SIZE_PT = { size2: 22, size3: 16, size4: 14, size5: 10.5, size5Small: 9 } as const;

export type TextSize = keyof typeof SIZE_PT;

export const MM_PER_INCH = 25.4;
export const POINTS_PER_INCH = 72;

/** Millimetres in Word's twentieths of a point (twips). */
export function twips(mm: number): number {
  return Math.round((mm / MM_PER_INCH) * POINTS_PER_INCH * 20);
}
