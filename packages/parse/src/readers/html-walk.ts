import type { Element, Root, RootContent, Text } from 'hast';
import { Flow, type CellItem, type Item, type RowItem, type TableItem } from './html-items.js';
import { textOffsets } from './html-text.js';

/**
 * One walk of the parsed page, in document order and without recursion (a page may nest ten thousand
 * divs): the visible text as lines and tables, each character with its source offset, and for every
 * block element the lines it holds, so that the article can then be found by what it says.
 */

/** A block element and the first and last top-level items it holds (by identity: tables move items). */
export interface ElementRange {
  first: Item;
  last: Item;
  depth: number;
}

export interface WalkResult {
  items: Item[];
  ranges: ElementRange[];
  /** The page's `<title>`, whitespace collapsed; undefined when it has none. */
  pageTitle?: string;
}

/** Elements whose content a reader never sees. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'title',
  'iframe',
  'frame',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'select',
  'textarea',
  'datalist',
  // Word's `<xml>` data islands (document properties) when not inside a conditional comment.
  'xml',
]);

/** Elements a browser lays out as blocks: each begins and ends a line. */
const BLOCKS = new Set([
  'html',
  'body',
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
  'caption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
]);

const HEADING = /^h([1-6])$/u;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all)/iu;

export interface WalkOptions {
  /** Whether a table lays out a page rather than holding data: its cells are then read as blocks. */
  isLayout: (table: TableItem) => boolean;
}

interface Frame {
  node: Root | Element;
  index: number;
  /** The flow the element's lines go to, and how many items it held when the element began. */
  flow: Flow;
  count: number;
  depth: number;
}

interface TableState {
  rows: RowItem[];
  row: RowItem | undefined;
  from: number;
}

interface CellState {
  rowspan: number;
  colspan: number;
  from: number;
}

function startOf(node: RootContent | Root, fallback: number): number {
  return node.position?.start.offset ?? fallback;
}

function endOf(node: RootContent | Root, fallback: number): number {
  return node.position?.end.offset ?? fallback;
}

function hidden(el: Element): boolean {
  const p = el.properties;
  if (p['hidden'] === true) return true;
  const style = p['style'];
  return typeof style === 'string' && HIDDEN_STYLE.test(style);
}

function spanOf(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : 1;
}

function titleOf(head: Element): string | undefined {
  for (const c of head.children) {
    if (c.type !== 'element' || c.tagName !== 'title') continue;
    const text = c.children
      .filter((t): t is Text => t.type === 'text')
      .map((t) => t.value)
      .join('')
      .replace(/[\s\u00a0]+/gu, ' ')
      .trim();
    return text === '' ? undefined : text;
  }
  return undefined;
}

/** Walks the page. `src` is the text the tree was parsed from (positions are offsets into it). */
export function walkPage(root: Root, src: string, options: WalkOptions): WalkResult {
  const top = new Flow();
  const flows: Flow[] = [top];
  const tables: TableState[] = [];
  const cells: CellState[] = [];
  const depths: number[] = [];
  const ranges: ElementRange[] = [];
  let pre = 0;
  let cursor = 0;
  let pageTitle: string | undefined;

  const flow = (): Flow => flows[flows.length - 1]!;
  const depth = (): number | undefined => depths[depths.length - 1];

  const record = (items: readonly Item[], from: number, level: number): void => {
    if (items.length > from) ranges.push({ first: items[from]!, last: items[items.length - 1]!, depth: level });
  };

  /** Whether to walk into the element. */
  const enter = (el: Element): boolean => {
    const name = el.tagName;
    const at = startOf(el, cursor);
    cursor = Math.max(cursor, at);
    if (name === 'head') {
      pageTitle ??= titleOf(el);
      return false;
    }
    if (SKIPPED.has(name) || hidden(el)) return false;
    if (name === 'br') {
      flow().break(at, depth());
      return false;
    }
    if (!BLOCKS.has(name)) return true;
    flow().break(at, depth());
    const heading = HEADING.exec(name);
    if (heading) depths.push(Number(heading[1]));
    if (name === 'pre') pre++;
    if (name === 'table') tables.push({ rows: [], row: undefined, from: at });
    else if (name === 'tr' && tables.length > 0) tables[tables.length - 1]!.row = { cells: [], from: at };
    else if ((name === 'td' || name === 'th') && tables.length > 0) {
      cells.push({ rowspan: spanOf(el.properties['rowSpan'] ?? 1), colspan: spanOf(el.properties['colSpan'] ?? 1), from: at });
      const cellFlow = new Flow();
      cellFlow.mark(at);
      flows.push(cellFlow);
    }
    return true;
  };

  const exit = (el: Element, frame: Frame): void => {
    const name = el.tagName;
    if (!BLOCKS.has(name)) return;
    const at = endOf(el, cursor);
    flow().break(at, depth());
    if (HEADING.test(name)) depths.pop();
    if (name === 'pre') pre--;
    const table = tables[tables.length - 1];
    if ((name === 'td' || name === 'th') && table && flows.length > 1 && cells.length > 0) {
      const cellFlow = flows.pop()!;
      const state = cells.pop()!;
      const cell: CellItem = { items: cellFlow.items, rowspan: state.rowspan, colspan: state.colspan, from: state.from };
      table.row ??= { cells: [], from: state.from };
      table.row.cells.push(cell);
      record(cellFlow.items, 0, frame.depth);
      return;
    }
    if (name === 'tr' && table) {
      if (table.row && table.row.cells.length > 0) table.rows.push(table.row);
      table.row = undefined;
    } else if (name === 'table' && table) {
      tables.pop();
      if (table.row && table.row.cells.length > 0) table.rows.push(table.row);
      const item: TableItem = { kind: 'table', rows: table.rows, from: table.from };
      if (item.rows.length > 0) {
        if (options.isLayout(item)) for (const row of item.rows) for (const cell of row.cells) for (const it of cell.items) flow().add(it);
        else flow().add(item);
      }
    }
    record(frame.flow.items, frame.count, frame.depth);
  };

  const stack: Frame[] = [{ node: root, index: 0, flow: top, count: 0, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.node.children.length) {
      stack.pop();
      if (frame.node.type === 'element') exit(frame.node, frame);
      continue;
    }
    const child = frame.node.children[frame.index++]!;
    if (child.type === 'text') {
      const value = child.value;
      if (value.length === 0) continue;
      const start = child.position?.start.offset;
      const end = child.position?.end.offset;
      const offsets = start !== undefined && end !== undefined ? textOffsets(src, start, end, value) : new Int32Array(value.length).fill(cursor);
      if (start !== undefined) cursor = Math.max(cursor, start);
      flow().text(value, offsets, pre > 0, depth());
    } else if (child.type === 'element' && enter(child)) {
      const current = flow();
      stack.push({ node: child, index: 0, flow: current, count: current.items.length, depth: stack.length });
    }
  }
  top.break(src.length, undefined);
  const result: WalkResult = { items: top.items, ranges };
  if (pageTitle !== undefined) result.pageTitle = pageTitle;
  return result;
}
