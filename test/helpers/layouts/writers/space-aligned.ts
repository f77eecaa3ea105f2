/**
 * `pdftotext -layout` of a PDF (corpus 010): columns aligned with spaces, cell text wrapped to its
 * column with the numbers on a row's last line, a rowspan label on the middle line of its rows, page
 * numbers `-n-` alone on a line at the foot of each page and a form feed between pages (pages break
 * anywhere: between table rows, inside a paragraph), now and then a space inside a label.
 */
import { slots, type Grid, type GridCell } from '../document.js';
import type { Rng } from '../prng.js';
import { cutLabel, pieces, rngOf, type TextWriter } from './common.js';

/** Display width: CJK and full-width forms take two columns, as in a monospaced rendering. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u201c\u201d]/u.test(ch) ? 2 : 1;
  return n;
}

/** Breaks text into lines of at most `width` display columns. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line !== '' && displayWidth(line + ch) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  return line === '' ? [''] : [...lines, line];
}

interface Placed {
  x: number;
  text: string;
}

/** Writes pieces at their x positions on one line, at least one space apart. */
function render(line: Placed[]): string {
  let out = '';
  for (const p of [...line].sort((a, b) => a.x - b.x)) {
    const at = displayWidth(out);
    out += ' '.repeat(Math.max(out === '' ? p.x : 1, p.x - at)) + p.text;
  }
  return out.replace(/\s+$/u, '');
}

function columnWidths(grid: Grid, rng: Rng): number[] {
  const all = slots(grid);
  return Array.from({ length: grid.width }, (_, c) => {
    const column = all.map((row) => row[c]!).filter((s) => s.origin && s.cell.colSpan === 1);
    const widest = Math.max(1, ...column.filter((s) => s.cell.role === 'value').map((s) => displayWidth(s.cell.text)));
    const labels = column.filter((s) => s.cell.role === 'label');
    if (labels.length === 0) return Math.max(widest, rng.pick([4, 6]));
    // A column of row-group labels (三、本年度办理结果, （三）不予公开) is as wide as they are, as in 010;
    // the numbered items are narrower than the longest of them and wrap.
    const spanning = labels.filter((s) => s.cell.rowSpan > 1);
    return spanning.length > 0 ? Math.max(...spanning.map((s) => displayWidth(s.cell.text))) : rng.pick([16, 20, 24, 28]);
  });
}

function tableLines(grid: Grid, rng: Rng): string[] {
  const widths = columnWidths(grid, rng);
  const gap = 2;
  const xs = widths.map((_, c) => widths.slice(0, c).reduce((n, w) => n + w + gap, 0));
  const spanWidth = (c: number, span: number): number => widths.slice(c, c + span).reduce((n, w) => n + w, 0) + gap * (span - 1);
  const all = slots(grid);
  const origins = (r: number): Array<{ cell: GridCell; column: number }> => all[r]!.filter((s) => s.origin).map((s) => ({ cell: s.cell, column: s.column }));
  // A row is as tall as its tallest one-row cell.
  const heights = all.map((_, r) => Math.max(1, ...origins(r).filter((o) => o.cell.rowSpan === 1).map((o) => wrap(o.cell.text, spanWidth(o.column, o.cell.colSpan)).length)));
  const starts = heights.map((_, r) => heights.slice(0, r).reduce((n, h) => n + h, 0));
  const lines: Placed[][] = Array.from({ length: heights.reduce((n, h) => n + h, 0) }, () => []);
  all.forEach((_, r) => {
    for (const o of origins(r)) {
      // pdftotext now and then sets a space inside a word where glyphs stand apart (`只计这一情 形`).
      const spaced = o.cell.role === 'label' && [...o.cell.text].length >= 4 && rng.chance(0.1) ? cutLabel(o.cell.text, rng, 2).join(' ') : o.cell.text;
      const text = wrap(spaced, spanWidth(o.column, o.cell.colSpan));
      const top = starts[r]!;
      const height = heights.slice(r, r + o.cell.rowSpan).reduce((n, h) => n + h, 0);
      // One-row cells sit at the row's foot (numbers on a wrapped label's last line); spanning labels mid-way.
      const first = o.cell.rowSpan === 1 ? top + height - text.length : top + Math.max(0, Math.floor((height - text.length) / 2));
      const centre = o.cell.role === 'header' && o.cell.colSpan > 1;
      text.forEach((t, i) => {
        const x = xs[o.column]! + (centre ? Math.max(0, Math.floor((spanWidth(o.column, o.cell.colSpan) - displayWidth(t)) / 2)) : 0);
        if (t !== '') lines[first + i]!.push({ x, text: t });
      });
    }
  });
  return lines.map(render);
}

export const writeSpaceAligned: TextWriter = (doc, options) => {
  const rng = rngOf(options, 7);
  const width = rng.pick([72, 80, 90]);
  const indent = rng.pick([4, 8]);
  const out: string[] = [];
  for (const p of pieces(doc)) {
    if (p.kind === 'title') {
      // A long title is set on two lines, each centred.
      const parts = displayWidth(p.text) > width - 20 ? wrap(p.text, Math.ceil(displayWidth(p.text) / 2) + 1) : [p.text];
      out.push(...parts.map((t) => `${' '.repeat(Math.max(0, Math.floor((width - displayWidth(t)) / 2)))}${t}`), '');
    } else if (p.kind === 'heading') out.push(`${' '.repeat(indent)}${p.text}`);
    else if (p.kind === 'table') out.push('', ...tableLines(p.grid, rng), '');
    else if (p.kind === 'signature') out.push(`${' '.repeat(Math.max(0, width - displayWidth(p.text) - 4))}${p.text}`);
    else {
      const [first, ...rest] = wrap(`${'  '}${p.text}`, width - indent);
      out.push(`${' '.repeat(indent)}${first}`, ...rest.map((l) => `${' '.repeat(indent)}${l}`));
    }
  }
  const pageLines = rng.int(40, 55);
  const pages: string[][] = [];
  for (let i = 0; i < out.length; i += pageLines) pages.push(out.slice(i, i + pageLines));
  const centre = ' '.repeat(Math.floor(width / 2) - 2);
  return `${pages.map((page, i) => `${page.join('\n')}\n\n${centre}-${i + 1}-\n`).join('\f')}\f`;
};
