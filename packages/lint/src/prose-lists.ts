import type { SentenceNode } from '@nianbao/parse';
import { type FlatText, flatSentence } from './text-scan.js';

/**
 * Counts listed in prose: `公开规章5条、规范性文件12条、其他信息8条`. A sentence is cut into items at
 * `、`, `，`, `；` and at brackets; each item is a few words ending, most often, in a count and its
 * measure word. The prose rules read stated totals, their breakdowns and missing numbers from them.
 */

/** Measure words reports count documents, requests and cases in. */
export const MEASURE = '条|件|个|项|份|篇|宗|起|例|次|期|家|场|批';

export interface ListItem {
  /** The item's text (whitespace-free), and where it starts and ends in the flat sentence. */
  text: string;
  start: number;
  end: number;
  /** What ended it: a separator (`、`, `，`, `；`), a bracket, or `''` at the end of the sentence. */
  endedBy: string;
  /** The bracket it stands in: 0 outside brackets, else the bracket's number in the sentence. */
  bracket: number;
  /** Its count, when it ends in digits and a measure word, and where the digits are. */
  count?: { value: number; start: number; end: number };
  /** Its measure word, when it ends in one (after a count, or bare). */
  measure?: string;
}

export interface SentenceItems {
  flat: FlatText;
  items: ListItem[];
}

const ITEM_COUNT = new RegExp(`(\\d+(?:\\.\\d+)?)(${MEASURE})$`, 'u');
const BARE_MEASURE = new RegExp(`(${MEASURE})$`, 'u');
const SEPARATORS = '、，,；;';
const OPEN = '（(';
const CLOSE = '）)';

/** The items of a sentence, in order. */
export function sentenceItems(sentence: SentenceNode): SentenceItems {
  const flat = flatSentence(sentence);
  const text = flat.text;
  const items: ListItem[] = [];
  let start = 0;
  let bracket = 0;
  let brackets = 0;
  const cut = (end: number, endedBy: string): void => {
    const raw = text.slice(start, end);
    if (raw !== '') {
      const item: ListItem = { text: raw, start, end, endedBy, bracket };
      const counted = ITEM_COUNT.exec(raw);
      if (counted) {
        const at = start + counted.index;
        item.count = { value: Number(counted[1]), start: at, end: at + counted[1]!.length };
        item.measure = counted[2];
      } else {
        const bare = BARE_MEASURE.exec(raw);
        if (bare) item.measure = bare[1];
      }
      items.push(item);
    }
    start = end + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (SEPARATORS.includes(ch)) cut(i, ch);
    else if (OPEN.includes(ch)) {
      cut(i, ch);
      bracket = ++brackets;
    } else if (CLOSE.includes(ch)) {
      cut(i, ch);
      bracket = 0;
    } else if ('。！？'.includes(ch)) cut(i, ch);
  }
  cut(text.length, '');
  return { flat, items };
}
