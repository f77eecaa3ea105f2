import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { trimRun, type Block, type GridCell } from '../blocks.js';
import { lineBlock } from '../read-text.js';
import { fillBlankCells, numbersAfterLabels } from './pdf-columns.js';
import { dropFurniture, type PageBox } from './pdf-furniture.js';
import { latticeTables, type LatticeTable } from './pdf-lattice.js';
import { isNumberCell, lineText, pageLines, type PageLine, type TextPiece } from './pdf-lines.js';
import {
  blankPdf,
  corruptPdf,
  emptyPdf,
  encryptedPdf,
  garbledPdf,
  looksGarbled,
  scannedPages,
  scannedPdf,
  unreadablePages,
} from './pdf-problems.js';
import { keepingNatives } from './pdf-natives.js';
import { pageRules, type Rule } from './pdf-rules.js';
import { multiply, verticalPieces, type Matrix } from './pdf-vertical.js';
import type { MetaField, PlaceMark, ReadProblem, SourceMetadata, SourceView } from './types.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<{ pdfjs: PdfJs; assets: string }> | undefined;

/**
 * pdf.js, loaded the first time a PDF is read: text files never pay for it. Its legacy build runs in
 * Node; with no `Worker` there it runs its worker in this thread, importing the worker module from
 * `workerSrc`, so nothing is fetched and no worker file has to be served.
 */
/**
 * `import()` of an ES module file. The installed CLI runs from a V8 code cache (a script compiled by
 * node:vm, scripts/packed-launcher.mjs), where `import()` has no module loader of its own: its launcher
 * lends one as `globalThis.__nianbaoImport`.
 */
function importFile(url: string): Promise<unknown> {
  const lent = (globalThis as { __nianbaoImport?: (url: string) => Promise<unknown> }).__nianbaoImport;
  return lent ? lent(url) : import(url);
}

function loadPdfJs(): Promise<{ pdfjs: PdfJs; assets: string }> {
  loaded ??= (async () => {
    const root = pdfJsRoot();
    const build = join(root, 'legacy', 'build', 'pdf.mjs');
    // Imported by its file URL, so that a bundle (the VS Code extension) loads the copy it ships
    // instead of inlining two megabytes it rarely needs.
    const worker = pathToFileURL(join(dirname(build), 'pdf.worker.mjs')).href;
    await provideDomMatrix();
    const pdfjs = await withoutRenderingWarnings(() =>
      keepingNatives(async () => {
        const api = (await importFile(pathToFileURL(build).href)) as PdfJs;
        // The worker module is imported here, not at the first read, so that its polyfills load inside
        // keepingNatives too; importing it registers it as the in-thread worker pdf.js looks for.
        await importFile(worker);
        return api;
      }),
    );
    pdfjs.GlobalWorkerOptions.workerSrc ||= worker;
    // CMaps and standard fonts are files of the package, read from disk (paths end with `/`).
    return { pdfjs, assets: join(root, '/') };
  })();
  return loaded;
}

/**
 * pdf.js builds a `DOMMatrix` when its module loads (and its worker one when it outlines an image
 * mask), which Node has not. Its own polyfill comes from `@napi-rs/canvas`, a native package pdf.js
 * only suggests: where that is missing (`npm i -g` of the CLI, the VS Code extension) loading pdf.js
 * threw `DOMMatrix is not defined` and every PDF was called damaged. A plain-JavaScript DOMMatrix is
 * put in its place before pdf.js loads, wherever nianbao runs, so every install reads PDFs alike; only
 * rendering, which nianbao never does, would need more of it.
 */
async function provideDomMatrix(): Promise<void> {
  const global = globalThis as { DOMMatrix?: unknown };
  if (global.DOMMatrix !== undefined) return;
  global.DOMMatrix = (await import('@thednp/dommatrix')).default;
}

/** What pdf.js says on loading when it finds no canvas package: about drawing pages, which nianbao never does. */
const RENDERING_WARNING = /^Warning: Cannot (?:load "@napi-rs\/canvas"|polyfill `)/u;

/**
 * Runs `load` with pdf.js's warnings about drawing kept off stderr: they are printed while its module
 * loads, before its verbosity can be set, and would stand in English above every run that reads a PDF.
 * Any other warning is passed on.
 */
async function withoutRenderingWarnings<T>(load: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]): void => {
    if (typeof args[0] === 'string' && RENDERING_WARNING.test(args[0])) return;
    warn.apply(console, args);
  };
  try {
    return await load();
  } finally {
    console.warn = warn;
  }
}

/**
 * The part of a DOM document pdf.js's font loader touches when fonts are handed over as CSS rules:
 * a style element whose sheet takes rules. Nothing is kept.
 */
function fontSink(): unknown {
  const sheet = { cssRules: [] as string[], insertRule: (): number => 0 };
  const style = { sheet, remove: (): void => undefined };
  return {
    createElement: () => style,
    documentElement: { getElementsByTagName: () => [{ append: (): void => undefined }] },
  };
}

/** The folder of pdf.js: the installed package, or the copy a bundle ships beside itself (`pdfjs-dist/`). */
function pdfJsRoot(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  } catch {
    return fileURLToPath(new URL('./pdfjs-dist/', import.meta.url));
  }
}

/** A page read: its box, its rebuilt lines and ruled tables, and whether it had text or paints images. */
interface PageRead {
  box: PageBox;
  /** The lines outside the ruled tables. */
  lines: PageLine[];
  tables: LatticeTable[];
  hasText: boolean;
  hasImages: boolean;
}

/** A page whose lines hold this many rows of two numbers or more may hold a table: its borders are worth reading. */
const TABLE_ROWS = 2;

function mayHoldTable(lines: readonly PageLine[]): boolean {
  let rows = 0;
  for (const line of lines) if (line.cells.filter((c) => isNumberCell(c.text)).length >= 2 && ++rows >= TABLE_ROWS) return true;
  return false;
}

/** Where a point of user space lands on the page as shown (rotation applied), y growing upwards. */
function place(view: Matrix, height: number, m: Matrix): Matrix {
  return multiply(multiply(m, view), [1, 0, 0, -1, 0, height]);
}

function matrix(value: readonly unknown[]): Matrix {
  const m = value.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0));
  return [m[0] ?? 1, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1, m[4] ?? 0, m[5] ?? 0];
}

/** Whether the operator list paints an image (a scanned page is one image and no text). */
function paintsImage(fnArray: readonly number[], pdfjs: PdfJs): boolean {
  const { OPS } = pdfjs;
  const images = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
  ]);
  return fnArray.some((fn) => images.has(fn));
}

async function readPage(page: PDFPageProxy, pdfjs: PdfJs): Promise<PageRead> {
  const viewport = page.getViewport({ scale: 1 });
  const view = matrix(viewport.transform);
  const box: PageBox = { width: viewport.width, height: viewport.height, left: 0, bottom: 0 };
  const content = await page.getTextContent();
  const verticalFonts = new Set(Object.entries(content.styles).filter(([, s]) => s.vertical).map(([name]) => name));
  const pieces: TextPiece[] = [];
  // The text content's own reading of the vertical fonts: used only if the operator list gives none.
  const fallback: TextPiece[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const m = place(view, box.height, matrix(item.transform));
    const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
    if (verticalFonts.has(item.fontName) || item.dir === 'ttb') {
      (verticalFonts.has(item.fontName) ? fallback : pieces).push({ text: item.str, x: m[4], y: m[5] + size, length: item.height, size, vertical: true });
    } else if (Math.abs(m[1]) > Math.abs(m[0])) {
      // Text on a rotated baseline reads along it: one vertical run, its top where it starts or ends.
      const up = m[1] > 0;
      pieces.push({ text: item.str, x: m[4], y: up ? m[5] + item.width : m[5], length: item.width, size, vertical: true });
    } else {
      pieces.push({ text: item.str, x: m[4], y: m[5], length: item.width, size });
    }
  }
  let hasImages = false;
  let rules: Rule[] = [];
  // The lines of the horizontal text, read once: they tell whether a table may be drawn, and are the
  // page's lines when no ruled table takes pieces from them and no vertical text joins them.
  const horizontalLines = pageLines(pieces);
  const horizontalCount = pieces.length;
  if (fallback.length > 0 || pieces.length === 0 || mayHoldTable(horizontalLines)) {
    const vertical: TextPiece[] = [];
    try {
      // Costs a second pass over the page (fonts are translated for display): only for vertical text, for
      // pages without text, and for pages that may hold a table (its borders are in the operator list).
      const ops = await page.getOperatorList();
      hasImages = paintsImage(ops.fnArray, pdfjs);
      rules = pageRules(ops.fnArray, ops.argsArray, pdfjs.OPS, multiply(view, [1, 0, 0, -1, 0, box.height]));
      if (fallback.length > 0) {
        for (const g of verticalPieces(ops.fnArray, ops.argsArray, pdfjs.OPS, verticalFonts)) {
          const m = place(view, box.height, [g.size, 0, 0, g.size, g.x, g.y]);
          vertical.push({ ...g, x: m[4], y: m[5] });
        }
      }
    } catch {
      // Without the operator list the text content's reading of the vertical text stands.
    }
    pieces.push(...(vertical.length > 0 ? vertical : fallback));
  }
  const tables = rules.length > 0 ? latticeTables(rules, pieces) : [];
  const held = new Set(tables.flatMap((t) => [...t.pieces]));
  const rest = held.size > 0 ? pieces.filter((p) => !held.has(p)) : pieces;
  const lines = held.size === 0 && pieces.length === horizontalCount ? horizontalLines : pageLines(rest);
  return { box, lines: fillBlankCells(numbersAfterLabels(lines)), tables, hasText: pieces.length > 0, hasImages };
}

/** The document's own fields (`Title`, `Author`, `Creator`, dates): around the report, not in it. */
async function metadataOf(doc: PDFDocumentProxy): Promise<SourceMetadata> {
  const fields: MetaField[] = [];
  try {
    const { info } = await doc.getMetadata();
    if (info && typeof info === 'object') {
      for (const key of ['Title', 'Subject', 'Author', 'Creator', 'Producer', 'CreationDate', 'ModDate']) {
        const value = (info as Record<string, unknown>)[key];
        if (typeof value === 'string' && value.trim() !== '') fields.push({ key, value: value.trim() });
      }
    }
  } catch {
    // A broken info dictionary costs only the metadata: the text is read all the same.
  }
  const title = fields.find((f) => f.key === 'Title');
  return title ? { title, fields } : { fields };
}

function errorName(error: unknown): string {
  return error && typeof error === 'object' && 'name' in error && typeof error.name === 'string' ? error.name : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failed(problem: ReadProblem): SourceView {
  return { format: 'pdf', text: '', encoding: 'binary', places: [], metadata: { fields: [] }, problems: [problem] };
}

/** What a page shows, top to bottom: lines, and ruled tables read as grids. */
type PageItem = { kind: 'line'; y: number; line: PageLine } | { kind: 'table'; y: number; table: LatticeTable };

function pageItems(lines: readonly PageLine[], tables: readonly LatticeTable[]): PageItem[] {
  const items: PageItem[] = [
    ...tables.map((table): PageItem => ({ kind: 'table', y: table.top, table })),
    ...lines.map((line): PageItem => ({ kind: 'line', y: line.y, line })),
  ];
  // Stable: a table comes before a line at its top border's height.
  return items.sort((a, b) => b.y - a.y);
}

/** Whether two tables share their column borders: one table, broken by a page. */
function sameColumns(a: LatticeTable, b: LatticeTable): boolean {
  return a.columns.length === b.columns.length && a.columns.every((x, i) => Math.abs(x - b.columns[i]!) <= 2);
}

/**
 * Joins the pages into the view, one line a line and one table row a line (cells by tabs), pages one
 * after the other, with a place per line. Where a page has ruled tables the view comes with its blocks:
 * the tables as grids (merged cells expanded), every other line as the text reader would split it.
 */
function assemble(pages: ReadonlyArray<readonly PageItem[] | undefined>): { text: string; places: PlaceMark[]; blocks?: Block[] } {
  const parts: string[] = [];
  const places: PlaceMark[] = [];
  // Lines are split into blocks once the whole text is known: until then a line is its offsets.
  const blocks: Array<Block | { start: number; end: number }> = [];
  let grids = 0;
  let offset = 0;
  const write = (text: string): void => {
    parts.push(text);
    offset += text.length;
  };
  let lastTable: LatticeTable | undefined;
  for (const [p, items] of pages.entries()) {
    let n = 0;
    // A table that ends a page and one that starts the next, with the same columns, are one table.
    const carried = lastTable && items?.[0]?.kind === 'table' && sameColumns(lastTable, items[0].table);
    lastTable = undefined;
    for (const [i, item] of (items ?? []).entries()) {
      lastTable = item.kind === 'table' ? item.table : undefined;
      if (item.kind === 'line') {
        const text = lineText(item.line);
        places.push({ start: offset, page: p + 1, line: ++n });
        const start = offset;
        write(text);
        blocks.push({ start, end: offset });
        write('\n');
        continue;
      }
      grids++;
      const start = offset;
      let end = start;
      const rows: GridCell[][] = item.table.rows.map((row) => {
        places.push({ start: offset, page: p + 1, line: ++n });
        let first = true;
        const cells = row.map((slot): GridCell => {
          if (slot.covered) return { text: '', start: offset, end: offset, covered: true };
          if (!first) write('\t');
          first = false;
          const cellStart = offset;
          write(slot.text);
          return trimRun(slot.text, cellStart);
        });
        end = offset;
        write('\n');
        return cells;
      });
      blocks.push({ kind: 'grid', rows, start, end, ...(i === 0 && carried ? { continued: true } : {}) });
    }
  }
  // The view ends without a line break, as the text of a file does.
  if (parts[parts.length - 1] === '\n') parts.pop();
  const text = parts.join('');
  if (grids === 0) return { text, places };
  return { text, places, blocks: blocks.map((b) => ('kind' in b ? b : lineBlock(text, b.start, b.end))) };
}

/**
 * Reads a PDF's text layer into a view laid out as `pdftotext -layout` lays a page out, with tabs for
 * column gaps: rows by baseline, cells by the gaps between them, blank table cells kept, page numbers
 * and running headers dropped. A PDF that cannot be read (a scan, a password, damaged bytes, fonts
 * without a text mapping) gives a problem, never an exception.
 */
export async function readPdf(bytes: Uint8Array): Promise<SourceView> {
  if (bytes.length === 0) return failed(emptyPdf());
  let pdfjs: PdfJs;
  let assets: string;
  try {
    ({ pdfjs, assets } = await loadPdfJs());
  } catch (error) {
    return failed(corruptPdf(`pdf.js: ${errorMessage(error)}`));
  }
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over (detaches it): give it a copy, the caller's bytes stay theirs.
    data: new Uint8Array(bytes),
    verbosity: 0,
    cMapUrl: join(assets, 'cmaps', '/'),
    cMapPacked: true,
    standardFontDataUrl: join(assets, 'standard_fonts', '/'),
    wasmUrl: join(assets, 'wasm', '/'),
    isEvalSupported: false,
    // Glyph outlines are never drawn here. With font faces disabled pdf.js turns every glyph into a
    // drawing path for the operator list (a third of the read); with them on, it hands each font to
    // the document as a style rule, which the stand-in below takes and drops. Should pdf.js ever need
    // more of a document than that, its own fallback builds the paths, as before.
    disableFontFace: false,
    ownerDocument: fontSink(),
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    let doc: PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (error) {
      if (errorName(error) === 'PasswordException') return failed(encryptedPdf());
      return failed(corruptPdf(errorMessage(error)));
    }
    const reads: Array<PageRead | undefined> = [];
    const broken: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        reads.push(await readPage(await doc.getPage(n), pdfjs));
      } catch {
        reads.push(undefined);
        broken.push(n);
      }
    }
    const metadata = await metadataOf(doc);
    const problems: ReadProblem[] = [];
    const readable = reads.filter((r): r is PageRead => r !== undefined);
    if (readable.length === 0) return { ...failed(corruptPdf()), metadata };
    if (!readable.some((r) => r.hasText)) {
      return { ...failed(readable.some((r) => r.hasImages) ? scannedPdf() : blankPdf()), metadata };
    }
    const kept = dropFurniture(readable);
    let k = 0;
    const pages = reads.map((r) => (r ? pageItems(kept[k++]!, r.tables) : undefined));
    const { text, places, blocks } = assemble(pages);
    if (broken.length > 0) problems.push(unreadablePages(broken));
    const scans = reads.flatMap((r, i) => (r && !r.hasText && r.hasImages ? [i + 1] : []));
    if (scans.length > 0) problems.push(scannedPages(scans));
    if (looksGarbled(text)) problems.unshift(garbledPdf());
    return { format: 'pdf', text, encoding: 'binary', ...(blocks ? { blocks } : {}), places, metadata, problems };
  } catch (error) {
    return failed(corruptPdf(errorMessage(error)));
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
