import { isNumberCell, lineText, type PageLine } from './pdf-lines.js';

/**
 * Page furniture: page numbers and the running headers and footers a PDF repeats on every page. They are
 * not the report's text, and left in they land inside tables and sentences that run over a page break.
 */

export interface PageBox {
  width: number;
  height: number;
  /** Lowest x and y of the page box (a crop box need not start at 0). */
  left: number;
  bottom: number;
}

/** `-3-`, `— 3 —`, `- 3 -`, `第 3 页`, `第3页 共5页`, `3 / 5`, `Page 3`, `3`. */
const PAGE_NUMBER =
  /^(?:[-－—–~·]+\s*\d{1,4}\s*[-－—–~·]+|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|\d{1,4})$/iu;
const LONE_NUMBER = /^\d{1,4}$/u;

/** Share of the page height, at the top and at the bottom, where furniture sits. */
const MARGIN = 0.12;
/** Lines at each end of a page that can be furniture (a page number under a footer line, say). */
const END_LINES = 2;

function inMargin(line: PageLine, box: PageBox): 'top' | 'bottom' | undefined {
  const rel = (line.y - box.bottom) / box.height;
  if (rel >= 1 - MARGIN) return 'top';
  if (rel <= MARGIN) return 'bottom';
  return undefined;
}

function isPageNumber(line: PageLine, box: PageBox): boolean {
  const text = lineText(line).replace(/\t/gu, ' ').trim();
  if (!PAGE_NUMBER.test(text)) return false;
  if (!LONE_NUMBER.test(text)) return true;
  // A bare number is a page number only where one is put: centred, or out at the page's outer edge.
  const middle = (line.x0 + line.x1) / 2 - box.left;
  const centred = Math.abs(middle - box.width / 2) <= box.width * 0.15;
  const outer = middle <= box.width * 0.25 || middle >= box.width * 0.75;
  return centred || outer;
}

/** A line's text with its digits blurred, so that `第 3 页 · 某某局` on each page counts as the same footer. */
function furnitureKey(line: PageLine): string {
  return lineText(line).replace(/\s+/gu, '').replace(/\d+/gu, '#');
}

/** The indices (per page) of lines that are candidates: near the top or bottom edge, among the first or last lines. */
function edgeLines(lines: readonly PageLine[], box: PageBox): Array<{ index: number; where: 'top' | 'bottom' }> {
  const out: Array<{ index: number; where: 'top' | 'bottom' }> = [];
  for (const [index, line] of lines.entries()) {
    if (index >= END_LINES && index < lines.length - END_LINES) continue;
    const where = inMargin(line, box);
    if (where) out.push({ index, where });
  }
  return out;
}

/** Each page's lines without page numbers and running headers and footers. */
export function dropFurniture(pages: ReadonlyArray<{ box: PageBox; lines: readonly PageLine[] }>): PageLine[][] {
  const edges = pages.map((p) => edgeLines(p.lines, p.box));
  const seen = new Map<string, number>();
  for (const [p, page] of pages.entries()) {
    const keys = new Set(edges[p]!.map((e) => `${e.where}:${furnitureKey(page.lines[e.index]!)}`));
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  // A header or footer is on most pages; two pages that share a line at the edge are not enough in a long file.
  const repeated = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((page, p) => {
    const drop = new Set<number>();
    for (const e of edges[p]!) {
      const line = page.lines[e.index]!;
      // A table row at the top of each page (numbers in several cells) is the table going on, not a header.
      if (line.vertical || line.cells.filter((c) => isNumberCell(c.text)).length >= 2) continue;
      if (isPageNumber(line, page.box) || (pages.length >= 2 && (seen.get(`${e.where}:${furnitureKey(line)}`) ?? 0) >= repeated)) {
        drop.add(e.index);
      }
    }
    return page.lines.filter((_, i) => !drop.has(i));
  });
}
