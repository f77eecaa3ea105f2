import { SECTIONS } from '@nianbao/format';

/**
 * The six headings' words as the recognisers compare them: canonical title, variants and known
 * misspellings from the format, each folded the same way as the text is (full-width to half-width, 其它
 * to 其他), so that a comparison is character by character and positions stay positions in the text.
 */

/** Folds one character: NFKC (`，`→`,`, `（`→`(`), and 它→他 (其它 and 其他 are one word in two spellings). */
export function foldChar(ch: string): string {
  const n = ch.normalize('NFKC');
  return n === '它' ? '他' : n;
}

export interface SectionWords {
  /** 0 for 一 … 5 for 六: the section's place in the format's order. */
  index: number;
  numeral: string;
  /** Folded wordings, longest first (so that the longest one that fits is taken). */
  wordings: string[][];
}

export const SECTION_WORDS: readonly SectionWords[] = SECTIONS.map((section, index) => ({
  index,
  numeral: section.numeral,
  wordings: [section.title, ...section.variants, ...section.misspellings]
    .map((w) => [...w].map(foldChar))
    .sort((a, b) => b.length - a.length),
}));

/** Spaces a PDF or page puts between characters of one word (`三 、本 年 度`). */
export function isInnerSpace(code: number): boolean {
  return code === 32 || code === 0x3000 || code === 0xa0;
}

/**
 * Where `wording` ends when it is written in `text` from `from` (spaces between its characters
 * allowed), or -1. Works on UTF-16 positions of `text`; each wording character is one code unit.
 */
export function matchWordingAt(text: string, from: number, wording: readonly string[]): number {
  let p = from;
  for (let k = 0; k < wording.length; k++) {
    if (k > 0) while (p < text.length && isInnerSpace(text.charCodeAt(p))) p++;
    if (p >= text.length || foldChar(text[p]!) !== wording[k]) return -1;
    p++;
  }
  return p;
}

/** The section whose words `words` are exactly (spaces and a closing `。`/`：` aside), or undefined. */
export function exactSection(words: string): SectionWords | undefined {
  const folded = [...words.replace(/[\s\u3000\u00a0]+/gu, '').replace(/[。.:：]+$/u, '')].map(foldChar).join('');
  return SECTION_WORDS.find((s) => s.wordings.some((w) => w.join('') === folded));
}
