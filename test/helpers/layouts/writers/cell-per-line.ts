/**
 * Word's export with one table cell per line (corpus 001, 004, 012): a blank line between rows; a
 * position a rowspan covers comes out as an empty cell; label and header cells broken over two lines
 * at random points (the continuation without the leading tab). With `tabs`, every cell line starts
 * with a tab (Word); without, the text is a page's copy (012): positions a rowspan covers are absent,
 * an empty cell is an empty line, and a broken cell's parts may stand a blank line apart.
 */
import { slots, type Grid, type LayoutDocument } from '../document.js';
import type { Rng } from '../prng.js';
import { cutLabel, pieces, rngOf, type WriterOptions } from './common.js';

export interface CellPerLineOptions extends WriterOptions {
  /** Lead each cell line with a tab (Word) or not (a copy out of a page). Drawn from the seed when absent. */
  tabs?: boolean;
}

function tableLines(grid: Grid, rng: Rng, tab: string, blankInsideCells: boolean): string[] {
  const out: string[] = [];
  for (const row of slots(grid)) {
    for (const s of row) {
      // Word writes the positions a rowspan covers as empty cells; a page's innerText has nothing there.
      if (!s.left || (!s.origin && tab === '')) continue;
      const text = s.origin ? s.cell.text : '';
      const breakable = s.origin && s.cell.role !== 'value' && [...text].length >= 4 && rng.chance(0.3);
      const parts = breakable ? cutLabel(text, rng, 2) : [text];
      out.push(`${tab}${parts[0]}`, ...parts.slice(1).flatMap((p) => (blankInsideCells ? ['', p] : [p])));
    }
    out.push('');
  }
  return out;
}

export function writeCellPerLine(doc: LayoutDocument, options: CellPerLineOptions = {}): string {
  const rng = rngOf(options, 3);
  const tab = (options.tabs ?? rng.chance(0.5)) ? '\t' : '';
  // Copied out of a page, a cell of two <p> is two lines with a blank line between, as two cells are (012).
  const blankInsideCells = tab === '' && rng.chance(0.5);
  const out: string[] = [];
  for (const p of pieces(doc)) {
    if (p.kind === 'table') out.push(...tableLines(p.grid, rng, tab, blankInsideCells));
    else out.push(p.text, '');
  }
  return `${out.join('\n').replace(/\n+$/u, '')}\n`;
}

/** The two variants as writers of their own, for the layout list. */
export const writeCellPerLineTabs = (doc: LayoutDocument, options: WriterOptions = {}): string => writeCellPerLine(doc, { ...options, tabs: true });
export const writeCellPerLineNoTabs = (doc: LayoutDocument, options: WriterOptions = {}): string => writeCellPerLine(doc, { ...options, tabs: false });
