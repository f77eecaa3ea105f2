/**
 * Word's plain-text export (corpus 000, 002): one line per paragraph, headings as plain lines, each
 * table row one line of tab-separated cells. Word writes a cell once where it starts; a position a
 * rowspan covers comes out empty, one a colspan covers not at all.
 */
import { slots, type Grid } from '../document.js';
import { pieces, rngOf, type TextWriter } from './common.js';

function rows(grid: Grid): string[] {
  return slots(grid).map((row) =>
    row
      .filter((s) => s.left)
      .map((s) => (s.origin ? s.cell.text : ''))
      .join('\t'),
  );
}

export const writeWordText: TextWriter = (doc, options) => {
  const rng = rngOf(options, 2);
  const gap = rng.chance(0.6) ? '\n\n' : '\n';
  const eol = rng.chance(0.3) ? '\r\n' : '\n';
  const trailingTab = rng.chance(0.4);
  const out = pieces(doc).map((p) => (p.kind === 'table' ? rows(p.grid).map((r) => (trailingTab ? `${r}\t` : r)).join('\n') : p.text));
  return `${out.join(gap)}\n`.replace(/\n/gu, eol);
};
