import { trimRun, type Block, type GridCell } from '../blocks.js';
import { expandGrid, type WordCell, type WordRow } from './docx-grid.js';
import type { ListCounter } from './docx-numbering.js';
import { numberingLevel, numberingRef, outlineDepth, type NumberingRef, type StyleSheet } from './docx-styles.js';
import { attr, child, isElement, textOf, type XmlElement } from './docx-xml.js';
import type { PlaceMark } from './types.js';

/**
 * Turns a document body into the view: each paragraph line a block, each table a grid whose rows are
 * one line each (cells separated by tabs), with a place mark for every paragraph and table cell.
 */

export interface BodyView {
  text: string;
  blocks: Block[];
  places: PlaceMark[];
}

/** What a run of paragraph content gave: its lines (split at `w:br`/`w:cr`) and its text boxes. */
interface Content {
  lines: string[];
  boxes: XmlElement[];
}

/**
 * The state that outlives a paragraph: a complex field (`w:fldChar` begin … separate … end) may span
 * paragraphs, a table of contents does; only its result is text the reader sees.
 */
interface Context {
  fields: Array<'code' | 'result'>;
  styles: StyleSheet;
  lists: ListCounter;
}

/** Elements whose content is never shown: deletions, properties, and the alternative a reader skips. */
const SKIPPED = new Set([
  'w:pPr',
  'w:rPr',
  'w:tblPr',
  'w:trPr',
  'w:tcPr',
  'w:tblGrid',
  'w:sectPr',
  'w:del',
  'w:moveFrom',
  'w:sdtPr',
  'w:sdtEndPr',
  'w:customXmlPr',
  'mc:Fallback',
]);

const LINE_BREAKING = /[\t\n\r\f\v\u0085\u2028\u2029]/gu;

function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = attr(el, 'w:val');
  return v === undefined || !/^(?:0|false|off)$/iu.test(v);
}

function visible(ctx: Context): boolean {
  for (const f of ctx.fields) if (f === 'code') return false;
  return true;
}

function append(out: Content, text: string): void {
  out.lines[out.lines.length - 1] += text;
}

/** Text boxes inside a drawing, once each: `mc:Fallback` repeats the `mc:Choice` content. */
function findBoxes(el: XmlElement, out: XmlElement[]): void {
  for (const c of el.children) {
    if (!isElement(c) || c.name === 'mc:Fallback') continue;
    if (c.name === 'w:txbxContent') out.push(c);
    else findBoxes(c, out);
  }
}

function readRun(run: XmlElement, ctx: Context, out: Content): void {
  const props = child(run, 'w:rPr');
  // Hidden text (`w:vanish`) does not print; its field characters still count.
  const hidden = props !== undefined && isOn(child(props, 'w:vanish'));
  for (const c of run.children) {
    if (!isElement(c)) continue;
    switch (c.name) {
      case 'w:t':
        if (!hidden && visible(ctx)) append(out, textOf(c).replace(LINE_BREAKING, ' '));
        break;
      case 'w:tab':
      case 'w:ptab':
        if (!hidden && visible(ctx)) append(out, ' ');
        break;
      case 'w:br':
      case 'w:cr':
        if (!hidden && visible(ctx)) out.lines.push('');
        break;
      case 'w:noBreakHyphen':
        if (!hidden && visible(ctx)) append(out, '-');
        break;
      case 'w:fldChar': {
        const type = attr(c, 'w:fldCharType');
        if (type === 'begin') ctx.fields.push('code');
        else if (type === 'separate' && ctx.fields.length > 0) ctx.fields[ctx.fields.length - 1] = 'result';
        else if (type === 'end') ctx.fields.pop();
        break;
      }
      case 'w:drawing':
      case 'w:pict':
      case 'w:object':
      case 'mc:AlternateContent':
        if (!hidden) findBoxes(c, out.boxes);
        break;
      default:
        // w:instrText, w:delText, w:sym and the rest carry no text a reader sees.
        break;
    }
  }
}

/** Walks paragraph content: runs, and the wrappers around them (insertions, links, fields, content controls). */
function readContent(el: XmlElement, ctx: Context, out: Content): void {
  for (const c of el.children) {
    if (!isElement(c) || SKIPPED.has(c.name)) continue;
    if (c.name === 'w:r') readRun(c, ctx, out);
    else if (c.name === 'm:t') append(out, textOf(c).replace(LINE_BREAKING, ' '));
    else readContent(c, ctx, out);
  }
}

function styleOf(p: XmlElement): string | undefined {
  const props = child(p, 'w:pPr');
  const style = props ? child(props, 'w:pStyle') : undefined;
  return style ? attr(style, 'w:val') : undefined;
}

/** The automatic number Word shows before the paragraph (`一、`), counted; empty when it has none. */
function listLabel(p: XmlElement, ctx: Context): string {
  const props = child(p, 'w:pPr');
  const numPr = props && child(props, 'w:numPr');
  const style = styleOf(p);
  const own = numberingRef(numPr);
  const fromStyle = style !== undefined ? ctx.styles.numbering(style) : undefined;
  let ref: NumberingRef | undefined = own ?? fromStyle;
  // A paragraph may give only the level and take the list from its style.
  const level = numberingLevel(numPr);
  if (!own && fromStyle && level !== undefined) ref = { ...fromStyle, ilvl: level };
  if (!ref || ref.numId === '0') return '';
  return ctx.lists.next(ref, style);
}

function paragraphContent(p: XmlElement, ctx: Context): Content {
  const out: Content = { lines: [listLabel(p, ctx)], boxes: [] };
  readContent(p, ctx, out);
  // A field's code never holds a paragraph mark; one still open is broken, and must not hide the rest.
  for (let k = 0; k < ctx.fields.length; k++) ctx.fields[k] = 'result';
  return out;
}

/** The paragraph's heading depth: its own outline level first, then its style's. */
function headingDepth(p: XmlElement, ctx: Context): number | undefined {
  const props = child(p, 'w:pPr');
  if (!props) return undefined;
  const outline = child(props, 'w:outlineLvl');
  if (outline) return outlineDepth(attr(outline, 'w:val'));
  const id = styleOf(p);
  return id ? ctx.styles.headingDepth(id) : undefined;
}

/** Whether the paragraph mark itself is a tracked deletion (the paragraph joins the next). */
function markDeleted(p: XmlElement): boolean {
  const props = child(p, 'w:pPr');
  const mark = props ? child(props, 'w:rPr') : undefined;
  return mark !== undefined && child(mark, 'w:del') !== undefined;
}

/** Every paragraph at or below `el` in document order, through nested tables and wrappers. */
function paragraphsIn(el: XmlElement, out: XmlElement[]): void {
  for (const c of el.children) {
    if (!isElement(c) || SKIPPED.has(c.name)) continue;
    if (c.name === 'w:p') out.push(c);
    else paragraphsIn(c, out);
  }
}

/** A text box's text as lines, one per paragraph line. */
function boxLines(boxes: readonly XmlElement[], ctx: Context): string[] {
  const lines: string[] = [];
  for (const box of boxes) {
    const paragraphs: XmlElement[] = [];
    paragraphsIn(box, paragraphs);
    for (const p of paragraphs) lines.push(...paragraphContent(p, ctx).lines);
  }
  return lines;
}

/**
 * A cell's text: its paragraphs joined with nothing between, since a label cell wraps its words over
 * lines (`（二）部分公开` / `（区分处理的…）`); nested tables and text boxes add their text in order.
 */
function cellText(tc: XmlElement, ctx: Context): string {
  const paragraphs: XmlElement[] = [];
  paragraphsIn(tc, paragraphs);
  let text = '';
  for (const p of paragraphs) {
    const content = paragraphContent(p, ctx);
    text += content.lines.join('') + boxLines(content.boxes, ctx).join('');
  }
  return text;
}

/** Children named `name`, looking through content controls and custom XML wrapped around them. */
function itemsIn(el: XmlElement, name: string, out: XmlElement[]): XmlElement[] {
  for (const c of el.children) {
    if (!isElement(c) || SKIPPED.has(c.name)) continue;
    if (c.name === name) out.push(c);
    else if (c.name !== 'w:tbl' && c.name !== 'w:tc' && c.name !== 'w:p') itemsIn(c, name, out);
  }
  return out;
}

function intVal(el: XmlElement | undefined, fallback: number): number {
  const v = el ? Number(attr(el, 'w:val')) : NaN;
  return Number.isInteger(v) && v >= 0 && v <= 1000 ? v : fallback;
}

function mergeVal(el: XmlElement | undefined): 'restart' | 'continue' | undefined {
  if (!el) return undefined;
  return attr(el, 'w:val') === 'restart' ? 'restart' : 'continue';
}

function wordRow(tr: XmlElement, ctx: Context): WordRow {
  const props = child(tr, 'w:trPr');
  const row: WordRow = {
    before: intVal(props && child(props, 'w:gridBefore'), 0),
    after: intVal(props && child(props, 'w:gridAfter'), 0),
    cells: [],
  };
  for (const tc of itemsIn(tr, 'w:tc', [])) {
    const cp = child(tc, 'w:tcPr');
    const cell: WordCell = { text: cellText(tc, ctx), span: Math.max(1, intVal(cp && child(cp, 'w:gridSpan'), 1)) };
    const v = mergeVal(cp && child(cp, 'w:vMerge'));
    const h = mergeVal(cp && child(cp, 'w:hMerge'));
    if (v) cell.vMerge = v;
    if (h) cell.hMerge = h;
    row.cells.push(cell);
  }
  return row;
}

/** A tracked deletion of a whole row. */
function rowDeleted(tr: XmlElement): boolean {
  const props = child(tr, 'w:trPr');
  return props !== undefined && child(props, 'w:del') !== undefined;
}

class Writer {
  private readonly parts: string[] = [];
  length = 0;
  readonly blocks: Block[] = [];
  readonly places: PlaceMark[] = [];

  write(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  /** One line of a paragraph: a heading, a line of one cell, or blank. */
  line(s: string, depth: number | undefined): void {
    const start = this.length;
    this.write(s);
    const end = this.length;
    this.write('\n');
    if (s.trim() === '') this.blocks.push({ kind: 'blank', start, end });
    else if (depth !== undefined) this.blocks.push({ kind: 'heading', depth, text: trimRun(s, start), start, end });
    else this.blocks.push({ kind: 'line', cells: [trimRun(s, start)], indented: false, start, end });
  }

  text(): string {
    return this.parts.join('');
  }
}

function writeTable(tbl: XmlElement, table: number, ctx: Context, w: Writer): void {
  const grid = child(tbl, 'w:tblGrid');
  const gridColumns = grid ? grid.children.filter((c) => isElement(c) && c.name === 'w:gridCol').length : 0;
  const rows = itemsIn(tbl, 'w:tr', []).filter((tr) => !rowDeleted(tr)).map((tr) => wordRow(tr, ctx));
  const slots = expandGrid(rows, gridColumns);
  if (slots.length === 0) return;
  const start = w.length;
  let end = start;
  const gridRows: GridCell[][] = slots.map((row, r) => {
    let first = true;
    const cells = row.map((slot, c): GridCell => {
      if (slot.covered) return { text: '', start: w.length, end: w.length, covered: true };
      if (!first) w.write('\t');
      first = false;
      w.places.push({ start: w.length, table, row: r + 1, column: c + 1 });
      const cellStart = w.length;
      w.write(slot.text);
      return trimRun(slot.text, cellStart);
    });
    end = w.length;
    w.write('\n');
    return cells;
  });
  w.blocks.push({ kind: 'grid', rows: gridRows, start, end });
}

function writeParagraph(p: XmlElement, paragraph: number, ctx: Context, w: Writer): void {
  const content = paragraphContent(p, ctx);
  const extra = boxLines(content.boxes, ctx);
  const empty = content.lines.every((l) => l.trim() === '') && extra.every((l) => l.trim() === '');
  // A deleted paragraph mark with nothing left is a paragraph tracked as deleted: it shows no line.
  if (empty && markDeleted(p)) return;
  w.places.push({ start: w.length, paragraph });
  const depth = headingDepth(p, ctx);
  for (const line of content.lines) w.line(line, depth);
  for (const line of extra) w.line(line, undefined);
}

/** Reads `w:body` (or any block container) into the view. */
export function readBody(body: XmlElement, styles: StyleSheet, lists: ListCounter): BodyView {
  const ctx: Context = { fields: [], styles, lists };
  const w = new Writer();
  let paragraphs = 0;
  let tables = 0;
  const walk = (el: XmlElement): void => {
    for (const c of el.children) {
      if (!isElement(c) || SKIPPED.has(c.name)) continue;
      if (c.name === 'w:p') writeParagraph(c, ++paragraphs, ctx, w);
      else if (c.name === 'w:tbl') writeTable(c, ++tables, ctx, w);
      else walk(c);
    }
  };
  walk(body);
  return { text: w.text(), blocks: w.blocks, places: w.places };
}
