import { cjkNumeral, localize, type Locale } from '@nianbao/format';
import { LineIndex, type Point } from '../source.js';
import type { PlaceMark, ViewOrigin } from './types.js';

/**
 * From places in the view back to places in the file: the one step every edge (CLI, editor) needs and
 * none re-implements. For a text file the view is the file; for an HTML page each view offset has its
 * source offset; for a .docx or PDF, which have no lines a person can open, a view offset has a place.
 */

export interface SourceRange {
  start: Point;
  end: Point;
  /** For .docx and PDF: where a person finds it (page and line, paragraph, table cell). */
  place?: PlaceMark;
}

export type Locator = (start: number, end: number) => SourceRange;

type ViewLike = { text: string; origin?: ViewOrigin; places?: PlaceMark[] };

const LOCATORS = new WeakMap<object, Locator>();

/** The locator of a view (cached per view object: a document is located many times). */
export function locatorFor(view: ViewLike): Locator {
  let locator = LOCATORS.get(view);
  if (!locator) {
    locator = makeLocator(view);
    LOCATORS.set(view, locator);
  }
  return locator;
}

function makeLocator(view: ViewLike): Locator {
  const viewLines = new LineIndex(view.text);
  const origin = view.origin;
  const places = view.places;
  if (origin) {
    const sourceLines = new LineIndex(origin.sourceText);
    return (start, end) => {
      const [s, e] = sourceRangeOf(origin, start, end);
      return { start: sourceLines.point(s), end: sourceLines.point(e) };
    };
  }
  if (places && places.length > 0) {
    return (start, end) => {
      const range: SourceRange = { start: viewLines.point(start), end: viewLines.point(end) };
      const place = placeAt(places, start);
      if (place) range.place = place;
      return range;
    };
  }
  return (start, end) => ({ start: viewLines.point(start), end: viewLines.point(end) });
}

/** Source offsets of view offsets `start`–`end` (end exclusive). */
export function sourceRangeOf(origin: ViewOrigin, start: number, end: number): [number, number] {
  const at = (i: number): number => origin.offsets[Math.max(0, Math.min(i, origin.offsets.length - 1))]!;
  const s = at(start);
  const e = end > start ? at(end - 1) + 1 : s;
  return [s, Math.max(s, e)];
}

/**
 * The source range of a view range when an edit there is an edit of the same characters in the file (no
 * markup or entity between them); undefined otherwise, so that a fix is only offered where it is exact.
 */
export function exactSourceRange(view: ViewLike, start: number, end: number): [number, number] | undefined {
  if (!view.origin) return [start, end];
  const [s, e] = sourceRangeOf(view.origin, start, end);
  return view.origin.sourceText.slice(s, e) === view.text.slice(start, end) ? [s, e] : undefined;
}

/** The place mark covering view offset `offset`. */
export function placeAt(places: readonly PlaceMark[], offset: number): PlaceMark | undefined {
  let lo = 0;
  let hi = places.length - 1;
  let found: PlaceMark | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (places[mid]!.start <= offset) {
      found = places[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

type PlaceWords = Record<'page' | 'table' | 'row' | 'column' | 'paragraph' | 'line', (n: number) => string> & { separator: string };

/** How each part of a place reads. */
const PLACE_WORDS: { zh: PlaceWords; en: PlaceWords } = {
  zh: {
    page: (n) => `第${n}页`,
    table: (n) => `第${cjkNumeral(n)}个表格`,
    row: (n) => `第${n}行`,
    column: (n) => `第${n}列`,
    paragraph: (n) => `第${n}段`,
    line: (n) => `第${n}行`,
    separator: ' ',
  },
  en: {
    page: (n) => `page ${n}`,
    table: (n) => `table ${n}`,
    row: (n) => `row ${n}`,
    column: (n) => `column ${n}`,
    paragraph: (n) => `paragraph ${n}`,
    line: (n) => `line ${n}`,
    separator: ', ',
  },
};

/** `第3页 第12行`, `第12段`, `表3 第7行 第2列`: a place a person can find in Word or a PDF viewer. */
export function formatPlace(place: PlaceMark, locale: Locale): string {
  const words = localize(locale, PLACE_WORDS);
  const parts: string[] = [];
  if (place.page !== undefined) parts.push(words.page(place.page));
  if (place.table !== undefined) parts.push(words.table(place.table));
  if (place.row !== undefined) parts.push(words.row(place.row));
  if (place.column !== undefined) parts.push(words.column(place.column));
  if (place.paragraph !== undefined) parts.push(words.paragraph(place.paragraph));
  if (place.line !== undefined && place.row === undefined) parts.push(words.line(place.line));
  return parts.join(words.separator);
}

interface DocumentLike {
  text: string;
  source: { origin?: ViewOrigin; places?: PlaceMark[] };
}

const DOCUMENT_LOCATORS = new WeakMap<object, Locator>();

/** The locator of a parsed document: its view, and the way back to the file its reader recorded. */
export function documentLocator(document: DocumentLike): Locator {
  let locator = DOCUMENT_LOCATORS.get(document);
  if (!locator) {
    const view: ViewLike = { text: document.text };
    if (document.source.origin) view.origin = document.source.origin;
    if (document.source.places) view.places = document.source.places;
    locator = makeLocator(view);
    DOCUMENT_LOCATORS.set(document, locator);
  }
  return locator;
}

/** `exactSourceRange` for a parsed document. */
export function documentFixRange(document: DocumentLike, start: number, end: number): [number, number] | undefined {
  const view: ViewLike = { text: document.text };
  if (document.source.origin) view.origin = document.source.origin;
  if (document.source.places) view.places = document.source.places;
  // A .docx or PDF is never written back: there is no text file to edit.
  if (view.places && view.places.length > 0) return undefined;
  return exactSourceRange(view, start, end);
}

/** The view offset a source offset falls in (the inverse of `origin`): for an editor's cursor in an HTML page. */
export function viewOffsetAt(document: DocumentLike, sourceOffset: number): number {
  const offsets = document.source.origin?.offsets;
  if (!offsets) return sourceOffset;
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= sourceOffset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
