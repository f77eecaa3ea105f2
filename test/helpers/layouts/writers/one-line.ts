/**
 * An archive's page text with the whole body on one line (corpus 013, 014): the page title, a
 * `发布时间：` line, then title, preamble, every heading, paragraph and table cell run together with no
 * separator. Now and then a stray space stands inside a row, as in the archive.
 */
import { slots } from '../document.js';
import { pieces, rngOf, type TextWriter } from './common.js';

const time = (rng: { int(a: number, b: number): number }): string => `${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`;

export const writeOneLine: TextWriter = (doc, options) => {
  const rng = rngOf(options, 5);
  const body: string[] = [];
  for (const p of pieces(doc)) {
    if (p.kind === 'table') {
      for (const row of slots(p.grid)) {
        const cells = row.filter((s) => s.origin).map((s) => s.cell.text);
        body.push(cells.join(rng.chance(0.05) ? ' ' : ''));
      }
    } else if (p.kind === 'title') body.push(`${p.text} `);
    else body.push(p.text);
  }
  const published = doc.publicationDate ? `${doc.publicationDate} ${time(rng)}` : '';
  return `${doc.title}\n发布时间：${published}\n${body.join('')}\n`;
};
