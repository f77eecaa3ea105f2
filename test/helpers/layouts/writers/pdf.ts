/**
 * A PDF drawn with pdfkit and the Noto CJK font: title, headings, paragraphs, and tables drawn as
 * bordered cells with text at column x positions, over as many A4 pages as it takes, with page numbers
 * at the foot. Merged cells are drawn as one box; a rowspan label sits mid-way down its rows when they
 * share a page. Dates are pinned so the same document and seed give the same bytes.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { slots, type Grid, type LayoutDocument } from '../document.js';
import type { Rng } from '../prng.js';
import { pieces, rngOf, type WriterOptions } from './common.js';

/** Where Debian's fonts-noto-cjk puts the font, and the face inside the collection. */
export const CJK_FONT = { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };

export function pdfAvailable(): boolean {
  return existsSync(CJK_FONT.file);
}

type Pdf = InstanceType<typeof PDFDocument>;

/**
 * What pdfkit keeps of an opened font. pdfkit opens and parses the font file afresh for every
 * document and lays out its strings again; the property suites write hundreds of PDFs with the one
 * 19 MB font, so the first document's parsed font and layout cache are handed to the next ones.
 * Each document still gets its own font object, subset and references (pdfkit's own constructor).
 */
interface OpenedFont {
  font: unknown;
  layoutCache?: Record<string, unknown>;
  constructor: new (document: Pdf, font: unknown, id: string) => OpenedFont;
  layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphRun;
  layoutCached(text: string): GlyphRun;
}
interface GlyphRun {
  glyphs: unknown[] | null;
  positions: unknown[] | null;
  advanceWidth: number;
}

/**
 * pdfkit shapes each line it draws as one string (fontkit's GSUB lookups, most of a PDF's writing
 * time), caching only runs between spaces, which Chinese text has none of. The text here is Chinese,
 * digits and punctuation, which no lookup joins or kerns: each character is shaped once, from the cache.
 */
function layoutByCharacter(font: OpenedFont): void {
  const own = font.layout.bind(font);
  font.layout = (text, features, onlyWidth) => {
    if (features) return own(text, features, onlyWidth);
    const glyphs: unknown[] = [];
    const positions: unknown[] = [];
    let advanceWidth = 0;
    for (const character of text) {
      const run = font.layoutCached(character);
      if (!onlyWidth) {
        glyphs.push(...run.glyphs!);
        positions.push(...run.positions!);
      }
      advanceWidth += run.advanceWidth;
    }
    return { glyphs: onlyWidth ? null : glyphs, positions: onlyWidth ? null : positions, advanceWidth };
  };
}
interface PdfFonts {
  _font: OpenedFont;
  _fontFamilies: Record<string, OpenedFont>;
  _fontCount: number;
}

let opened: OpenedFont | undefined;

function useCjkFont(pdf: Pdf): void {
  const fonts = pdf as unknown as PdfFonts;
  pdf.registerFont('cjk', CJK_FONT.file, CJK_FONT.family);
  if (opened) {
    const font = new opened.constructor(pdf, opened.font, `F${++fonts._fontCount}`);
    if (opened.layoutCache) font.layoutCache = opened.layoutCache;
    fonts._fontFamilies['cjk'] = font;
  }
  pdf.font('cjk');
  opened ??= fonts._font;
  layoutByCharacter(fonts._font);
}

const MARGIN = 64;
const PAD = 3;

/** Column widths: label columns share what the value columns leave. */
function widths(grid: Grid, total: number, rng: Rng): number[] {
  const all = slots(grid);
  const isLabel = (c: number): boolean => all.some((row) => row[c]!.cell.role === 'label' && row[c]!.cell.colSpan === 1);
  const labels = Array.from({ length: grid.width }, (_, c) => isLabel(c));
  const labelCount = labels.filter(Boolean).length;
  if (labelCount === 0) return labels.map(() => total / grid.width);
  const value = Math.min(rng.pick([30, 34, 38]), (total * 0.6) / Math.max(1, grid.width - labelCount));
  const rest = total - value * (grid.width - labelCount);
  // In Table 三 the innermost label column (the numbered items) is the widest.
  const shares: number[] = labels.map((l, c) => (l ? (c === labels.lastIndexOf(true) ? 2.2 : 1) : 0));
  const sum = shares.reduce((a, b) => a + b, 0);
  return labels.map((l, c) => (l ? (rest * shares[c]!) / sum : value));
}

function drawTable(pdf: Pdf, grid: Grid, rng: Rng, fontSize: number): void {
  const left = pdf.page.margins.left;
  const total = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const ws = widths(grid, total, rng);
  const xs = ws.map((_, c) => left + ws.slice(0, c).reduce((a, b) => a + b, 0));
  const spanW = (c: number, n: number): number => ws.slice(c, c + n).reduce((a, b) => a + b, 0);
  const all = slots(grid);
  pdf.fontSize(fontSize);
  const textHeight = (text: string, w: number): number => (text === '' ? fontSize : pdf.heightOfString(text, { width: w - 2 * PAD }));
  const heights = all.map((row) => Math.max(fontSize + 2 * PAD, ...row.filter((s) => s.origin && s.cell.rowSpan === 1).map((s) => textHeight(s.cell.text, spanW(s.column, s.cell.colSpan)) + 2 * PAD)));
  // A merged label taller than its rows makes its last row taller.
  for (const row of all) {
    for (const s of row) {
      if (!s.origin || s.cell.rowSpan === 1) continue;
      const need = textHeight(s.cell.text, spanW(s.column, s.cell.colSpan)) + 2 * PAD;
      const have = heights.slice(s.row, s.row + s.cell.rowSpan).reduce((a, b) => a + b, 0);
      if (need > have) heights[s.row + s.cell.rowSpan - 1]! += need - have;
    }
  }
  // Lay the rows out on pages first, so a merged cell knows whether its rows share one.
  const bottom = (): number => pdf.page.height - pdf.page.margins.bottom;
  const places: Array<{ page: number; y: number }> = [];
  let page = 0;
  let y = pdf.y;
  for (const h of heights) {
    if (y + h > bottom()) {
      page++;
      y = pdf.page.margins.top;
    }
    places.push({ page, y });
    y += h;
  }
  let current = 0;
  all.forEach((row, r) => {
    const place = places[r]!;
    if (place.page > current) {
      pdf.addPage();
      current = place.page;
    }
    const h = heights[r]!;
    row.forEach((s, c) => {
      // `c` is this position's column; `s.column` the merged cell's first.
      const x = xs[c]!;
      const w = ws[c]!;
      const lastRow = s.row + s.cell.rowSpan - 1 === r;
      // Each position draws the borders that are edges of its cell, so a merged cell is one box.
      if (s.left) pdf.moveTo(x, place.y).lineTo(x, place.y + h).stroke();
      if (c + 1 === grid.width || all[r]![c + 1]!.cell !== s.cell) pdf.moveTo(x + w, place.y).lineTo(x + w, place.y + h).stroke();
      if (s.top || places[r - 1]?.page !== place.page) pdf.moveTo(x, place.y).lineTo(x + w, place.y).stroke();
      if (lastRow || places[r + 1]?.page !== place.page) pdf.moveTo(x, place.y + h).lineTo(x + w, place.y + h).stroke();
      if (!s.origin || s.cell.text === '') return;
      const spanned = places.slice(r, r + s.cell.rowSpan);
      const onePage = spanned.every((p) => p.page === place.page);
      const height = onePage ? heights.slice(r, r + s.cell.rowSpan).reduce((a, b) => a + b, 0) : h;
      const cw = spanW(s.column, s.cell.colSpan);
      const th = textHeight(s.cell.text, cw);
      pdf.text(s.cell.text, x + PAD, place.y + Math.max(PAD, (height - th) / 2), {
        width: cw - 2 * PAD,
        align: s.cell.role === 'label' ? 'left' : 'center',
        lineBreak: true,
      });
    });
  });
  pdf.x = left;
  pdf.y = (places[places.length - 1]?.y ?? pdf.y) + (heights[heights.length - 1] ?? 0) + 12;
}

export function writePdf(doc: LayoutDocument, options: WriterOptions = {}): Promise<Uint8Array> {
  const rng = rngOf(options, 10);
  const date = new Date(Date.UTC(doc.reportYear + 1, 0, 15));
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: doc.title, Author: doc.agency, CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  useCjkFont(pdf);
  const body = rng.pick([10.5, 11, 12]);
  const width = pdf.page.width - 2 * MARGIN;
  for (const p of pieces(doc)) {
    if (p.kind === 'title') pdf.fontSize(17).text(p.text, { width, align: 'center' }).moveDown(0.8);
    else if (p.kind === 'heading') pdf.fontSize(body + 2).text(p.text, { width }).moveDown(0.3);
    else if (p.kind === 'table') drawTable(pdf, p.grid, rng, rng.pick([8, 9]));
    else if (p.kind === 'signature') pdf.fontSize(body).text(p.text, { width, align: 'right' });
    else pdf.fontSize(body).text(p.text, { width, indent: body * 2, lineGap: 2 }).moveDown(0.3);
  }
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // The foot lies inside the bottom margin: lift the margin so pdfkit does not start a new page.
    const margin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.fontSize(10).text(`-${i + 1}-`, MARGIN, pdf.page.height - MARGIN / 2 - 6, { width, align: 'center', lineBreak: false });
    pdf.page.margins.bottom = margin;
  }
  pdf.flushPages();
  pdf.end();
  return done;
}
