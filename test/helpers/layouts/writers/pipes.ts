/**
 * Text copied out of a web page whose cells each end in ` |` (corpus 015): a table row opens with a
 * line holding only `|`, each cell is a line `text |`, an empty cell a bare `|`, and a merged cell
 * carries one `|` filler for each further column it spans. Some pages pad every Table 三 row to the
 * full grid instead, with fillers that match no national colspan.
 */
import { slots, type Grid } from '../document.js';
import { pieces, rngOf, type TextWriter } from './common.js';

function tableLines(grid: Grid, padToGrid: boolean): string[] {
  const out: string[] = [];
  for (const row of slots(grid)) {
    out.push('|');
    const cells = row.filter((s) => s.origin);
    cells.forEach((s, i) => {
      const used = cells.reduce((n, c) => n + c.cell.colSpan, 0);
      const fillers = padToGrid && i === cells.length - 1 ? grid.width - used + s.cell.colSpan - 1 : s.cell.colSpan - 1;
      const text = s.cell.text === '' ? '|' : `${s.cell.text} |`;
      out.push(fillers > 0 ? `${text} ${'|'.repeat(fillers)}` : text);
    });
  }
  return out;
}

export const writePipes: TextWriter = (doc, options) => {
  const rng = rngOf(options, 4);
  const padToGrid = rng.chance(0.5);
  const out: string[] = [];
  for (const p of pieces(doc)) {
    if (p.kind === 'table') out.push(...tableLines(p.grid, padToGrid && p.grid.table === 'applications'));
    else out.push(p.text);
  }
  return `${out.join('\n')}\n`;
};
