import { SECTIONS } from '@nianbao/format';
import { trimRun } from '../blocks.js';
import { matchSectionHeading } from '../headings.js';
import { isTitleText } from '../recognise/runs.js';
import { LineIndex } from '../source.js';
import type { Item, LineItem, TableItem } from './html-items.js';
import type { ElementRange } from './html-walk.js';

/**
 * Finds the report in a page by what it says, not by the site's markup: the smallest element that holds
 * the report's title (`…年度报告`) and its section headings (一、总体情况 … 六、其他需要报告的事项). A site's
 * class names differ from one site to the next; the report's words do not.
 */

/** Headings are short (headings.ts allows 80 characters with the numeral): longer lines are not looked at. */
const MAX_HEADING_LINE = 80;
/** How far before the first heading the title may stand (the preamble and the page's fields lie between). */
const TITLE_REACH = 40;
/** A cell with this many lines, or a line this long, is a page's column of text rather than a table's cell. */
const LAYOUT_LINES = 6;
const LAYOUT_LINE_LENGTH = 200;

/** Section (1–6, the index in `SECTIONS` plus one) a line heads, or 0; memoised, a line is asked twice. */
export class SectionMarker {
  private readonly seen = new Map<LineItem, number>();

  section(line: LineItem): number {
    let found = this.seen.get(line);
    if (found === undefined) {
      found = sectionOf(line);
      this.seen.set(line, found);
    }
    return found;
  }

  title(line: LineItem): boolean {
    return line.text.length <= 80 && isTitleText(trimRun(line.text, 0).text);
  }

  /**
   * Whether a table lays out the page rather than holding data: a cell holds a heading element, the
   * report's title or a section heading, or runs of prose. Its cells are then read as the page's blocks.
   */
  isLayout(table: TableItem): boolean {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.items.length >= LAYOUT_LINES) return true;
        for (const item of cell.items) {
          if (item.kind !== 'line') continue;
          if (item.depth !== undefined || item.text.length > LAYOUT_LINE_LENGTH || this.title(item) || this.section(item) > 0) return true;
        }
      }
    }
    return false;
  }
}

function sectionOf(line: LineItem): number {
  if (line.text.length > MAX_HEADING_LINE) return 0;
  const run = trimRun(line.text, 0);
  if (run.text === '') return 0;
  const heading = matchSectionHeading(run, new LineIndex(line.text), line.depth !== undefined);
  if (!heading) return 0;
  return SECTIONS.findIndex((s) => s.id === heading.section) + 1;
}

export interface Article {
  /** First and last item of the article (indexes into the page's items). */
  start: number;
  end: number;
  /** The title line, when the article has one. */
  title?: number;
  /** The first section heading. */
  firstHeading: number;
}

/** The distinct sections headed in `[a, b]`, from per-section prefix counts. */
function distinct(prefix: readonly Int32Array[], a: number, b: number): number {
  let n = 0;
  for (const p of prefix) if (p[b + 1]! - p[a]! > 0) n++;
  return n;
}

/**
 * The article among the page's items, or undefined when the page holds no report (fewer than two of
 * the six headings anywhere). `ranges` are the block elements the walk saw.
 */
export function findArticle(items: readonly Item[], ranges: readonly ElementRange[], marker: SectionMarker): Article | undefined {
  const n = items.length;
  const prefix = SECTIONS.map(() => new Int32Array(n + 1));
  const sections = new Int8Array(n);
  items.forEach((item, i) => {
    const s = item.kind === 'line' ? marker.section(item) : 0;
    sections[i] = s;
    prefix.forEach((p, k) => (p[i + 1] = p[i]! + (s === k + 1 ? 1 : 0)));
  });
  const all = n > 0 ? distinct(prefix, 0, n - 1) : 0;
  if (all < 2) return undefined;

  const index = new Map<Item, number>();
  items.forEach((item, i) => index.set(item, i));
  const spans: Array<{ a: number; b: number; depth: number }> = [];
  for (const r of ranges) {
    const a = index.get(r.first);
    const b = index.get(r.last);
    if (a !== undefined && b !== undefined && b >= a) spans.push({ a, b, depth: r.depth });
  }
  spans.push({ a: 0, b: n - 1, depth: 0 });

  const smallest = (fits: (s: { a: number; b: number }) => boolean): { a: number; b: number } => {
    let best = { a: 0, b: n - 1, depth: 0 };
    for (const s of spans) {
      if (!fits(s)) continue;
      const size = s.b - s.a;
      const bestSize = best.b - best.a;
      if (size < bestSize || (size === bestSize && s.depth > best.depth)) best = s;
    }
    return best;
  };

  const core = smallest((s) => distinct(prefix, s.a, s.b) === all);
  let firstHeading = core.a;
  while (sections[firstHeading] === 0) firstHeading++;
  let title: number | undefined;
  for (let i = firstHeading - 1; i >= Math.max(0, firstHeading - TITLE_REACH); i--) {
    const item = items[i]!;
    if (item.kind === 'line' && marker.title(item)) {
      title = i;
      break;
    }
  }
  const t = title;
  const article = t === undefined || t >= core.a ? core : smallest((s) => s.a <= t && s.b >= core.b);
  const result: Article = { start: article.a, end: article.b, firstHeading };
  if (title !== undefined) result.title = title;
  return result;
}
