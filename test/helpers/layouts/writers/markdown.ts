/**
 * Markdown as a converter or an author writes it: ATX headings, GFM pipe tables whose merged cells
 * are flattened to one header row and a body (a merged cell's text in its first position, the rest
 * blank), paragraphs separated by blank lines.
 */
import { slots, type Grid } from '../document.js';
import { pieces, rngOf, type TextWriter } from './common.js';

const escapeCell = (text: string): string => text.replace(/\|/gu, '\\|');

function gfm(grid: Grid, padded: boolean): string[] {
  const line = (cells: string[]): string => (padded ? `| ${cells.map((c) => c || ' ').join(' | ')} |` : `|${cells.join('|')}|`);
  const rows = slots(grid).map((row) => row.map((s) => (s.origin ? escapeCell(s.cell.text) : '')));
  return [line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line)];
}

export const writeMarkdown: TextWriter = (doc, options) => {
  const rng = rngOf(options, 1);
  const depth = rng.chance(0.5) ? 1 : 2;
  const padded = rng.chance(0.7);
  const out: string[] = [];
  for (const p of pieces(doc)) {
    if (p.kind === 'title') out.push(`${'#'.repeat(depth)} ${p.text}`);
    else if (p.kind === 'heading') out.push(`${'#'.repeat(depth + 1)} ${p.text}`);
    else if (p.kind === 'table') out.push(gfm(p.grid, padded).join('\n'));
    else out.push(p.text);
  }
  return `${out.join('\n\n')}\n`;
};
