import {
  FORMATS,
  TABLE_IDS,
  matchNormalizedLabel,
  normalizeLabel,
  type FormatSpec,
  type FormatYear,
  type LabelCandidate,
  type LabelMatch,
  type TableId,
  type TableSpec,
} from '@nianbao/format';
import type { Block, GridBlock, LineBlock } from './blocks.js';
import type { CellNode, LabelNode, LabelRole, RowNode, TableNode, ToleranceNode } from './model.js';
import type { LineIndex } from './source.js';
import { classify, fitRow, placeByGrid, type PhysicalRow, type Token } from './table-cells.js';
import { resolveLabels, vocabularyOf } from './table-labels.js';
import { cellTokens, hasRunTogether, isStream, streamRows } from './table-stream.js';

// ---------------------------------------------------------------------------------------------
// Markers: labels that belong to one table only, in either format, so that finding one in a cell
// says which table the lines around it are.

interface Marker {
  table: TableId;
  text: string;
}

function buildMarkers(): Map<string, TableId> {
  const owners = new Map<string, Set<TableId>>();
  for (const format of Object.values(FORMATS)) {
    for (const id of TABLE_IDS) {
      const t = format.tables[id];
      const labels = [
        ...t.rows.map((r) => r.label),
        ...t.columns.map((c) => c.label),
        ...t.groups.map((g) => g.label),
        ...t.blocks.map((b) => b.label),
        ...t.headerTexts,
      ];
      for (const label of labels) {
        const key = normalizeLabel(label);
        if (!owners.has(key)) owners.set(key, new Set());
        owners.get(key)!.add(id);
      }
    }
  }
  const markers = new Map<string, TableId>();
  for (const [key, tables] of owners) if (tables.size === 1 && key.length >= 2) markers.set(key, [...tables][0]!);
  return markers;
}

const MARKERS = buildMarkers();
/** The part of the Table 三 header note that survives even when PDF export breaks it up. */
const APPLICATIONS_NOTE = '勾稽关系';
const CJK = /[\u4e00-\u9fff]/u;

/** Which table a cell's text marks, if any. */
export function tableMarker(text: string, normalized?: string): TableId | undefined {
  if (text.length < 2 || text.length > 90 || !CJK.test(text)) return undefined;
  const key = normalized ?? normalizeLabel(text);
  const direct = MARKERS.get(key);
  if (direct) return direct;
  if (key.includes(APPLICATIONS_NOTE)) return 'applications';
  return undefined;
}

/**
 * The table a long cell of labels and numbers run together belongs to (a body written on one line):
 * the table whose own labels it holds most of, when it holds at least three.
 */
function runTogetherMarker(cell: { text: string; start: number; end: number }): TableId | undefined {
  const counts = new Map<TableId, number>();
  for (const t of cellTokens(cell)) {
    if (t.kind !== 'text') continue;
    const m = tableMarker(t.text);
    if (m) counts.set(m, (counts.get(m) ?? 0) + 1);
    else if (t.text.length > 6) {
      for (const [key, table] of MARKERS) if (key.length >= 4 && t.key?.includes(key)) counts.set(table, (counts.get(table) ?? 0) + 1);
    }
  }
  let best: TableId | undefined;
  let most = 2;
  for (const [table, n] of counts) if (n > most) [best, most] = [table, n];
  return best;
}

// ---------------------------------------------------------------------------------------------
// Regions: the runs of blocks each table occupies.

export interface TableRegion {
  table: TableId;
  blocks: Array<LineBlock | GridBlock>;
  /** Indexes (into the document's blocks) the region consumed, so prose is not read from them. */
  consumed: number[];
}

function isProseLine(block: LineBlock): boolean {
  const filled = block.cells.filter((c) => c.text !== '');
  if (filled.length !== 1) return false;
  const text = filled[0]!.text;
  // A crawl cuts sentences at every inline element: a short piece ending a sentence is prose too.
  return (text.length > 40 && /[，。；,]/u.test(text)) || /[。；！？]$/u.test(text);
}

/**
 * Whether a marker stands in a sentence rather than at a table's start: a crawl puts each piece of a
 * sentence on its own line, so `行政事业性收费` / `4` / `1994万元。` looks like a row until the sentence
 * ends a line or two later, before any other label of the table.
 */
function inSentence(blocks: readonly Block[], index: number): boolean {
  for (let i = index + 1, seen = 0; i < blocks.length && seen < 4; i++) {
    const b = blocks[i]!;
    if (b.kind === 'blank') continue;
    if (b.kind !== 'line' || b.cells.length !== 1) return false;
    seen++;
    if (isProseLine(b)) return true;
    if (tableMarker(b.cells[0]!.text)) return false;
  }
  return false;
}

function blockHasData(block: LineBlock | GridBlock): boolean {
  const cells = block.kind === 'line' ? block.cells : block.rows.flat();
  return cells.some((c) => /\d/u.test(c.text) && classify(c.text, 0, 0).kind === 'number');
}

/**
 * Splits the document's blocks into table regions. A region starts at a marker of its table and runs to
 * the next section heading, the next table's marker, or the first paragraph of prose after its numbers.
 */
export function findTableRegions(blocks: readonly Block[], isHeading: (index: number) => boolean): TableRegion[] {
  const regions: TableRegion[] = [];
  let current: TableRegion | undefined;
  let sawData = false;
  const markerOf = (block: Block): TableId | undefined => {
    if (block.kind === 'line') {
      for (const c of block.cells) {
        const m = tableMarker(c.text) ?? (c.text.length > 90 ? runTogetherMarker(c) : undefined);
        if (m) return m;
      }
    } else if (block.kind === 'grid') {
      for (const row of block.rows) for (const c of row) {
        const m = tableMarker(c.text);
        if (m) return m;
      }
    }
    return undefined;
  };
  blocks.forEach((block, index) => {
    if (block.kind === 'heading' || isHeading(index)) {
      current = undefined;
      return;
    }
    if (block.kind !== 'line' && block.kind !== 'grid') return;
    let marker = markerOf(block);
    // Another table's short label inside a table (`其他` of `其他` / `结果` in Table 四's header) does not
    // start that table; nor does a label in a sentence.
    if (marker && current && marker !== current.table && block.kind === 'line' && !block.cells.some((c) => normalizeLabel(c.text).length >= 4 && tableMarker(c.text) === marker)) marker = undefined;
    if (marker && !current && block.kind === 'line' && block.cells.length === 1 && inSentence(blocks, index)) marker = undefined;
    if (marker && marker !== current?.table) {
      current = regions.find((r) => r.table === marker && r === regions[regions.length - 1]) ?? { table: marker, blocks: [], consumed: [] };
      if (!regions.includes(current)) regions.push(current);
      sawData = false;
    }
    if (!current) return;
    if (block.kind === 'line' && isProseLine(block) && !marker) {
      if (sawData) current = undefined;
      return;
    }
    current.blocks.push(block);
    current.consumed.push(index);
    if (blockHasData(block)) sawData = true;
  });
  return regions;
}

// ---------------------------------------------------------------------------------------------
// Physical rows: the region's cells grouped as the export wrote them.

/** Word's export writes one cell per line, each after a tab; PDF's writes one row per line. */
function isCellPerLine(blocks: ReadonlyArray<LineBlock | GridBlock>): boolean {
  const lines = blocks.filter((b): b is LineBlock => b.kind === 'line');
  if (lines.length === 0) return false;
  const narrow = lines.filter((b) => b.cells.length <= 2).length;
  return narrow / lines.length >= 0.8 && lines.some((b) => b.indented);
}

/**
 * The rows of a grid, each cell knowing its grid column. GFM inserts empty cells at the end of a row
 * shorter than the header, so such a row is padded with blanks; cells beyond the header are kept, to be
 * reported as found.
 */
function gridRows(grid: GridBlock): PhysicalRow[] {
  const width = grid.rows[0]?.length ?? 0;
  return grid.rows.map((row) => {
    const start = row[0]?.start ?? grid.start;
    const end = row[row.length - 1]?.end ?? grid.end;
    const tokens = row.map((c, i): Token => ({ ...classify(c.text, c.start, c.end), gridColumn: i }));
    for (let i = row.length; i < width; i++) tokens.push({ ...classify('', end, end), gridColumn: i });
    return { tokens, start, end };
  });
}

function physicalRows(region: TableRegion, blocks: readonly Block[], cellPerLine: boolean): PhysicalRow[] {
  const rows: PhysicalRow[] = [];
  const tokenOf = (c: { text: string; start: number; end: number }): Token => classify(c.text, c.start, c.end);
  if (!cellPerLine) {
    for (const b of region.blocks) {
      if (b.kind === 'grid') rows.push(...gridRows(b));
      else rows.push({ tokens: b.cells.flatMap(cellTokens), start: b.start, end: b.end });
    }
    return rows;
  }
  // One cell per line: a blank line ends a row; a line without the leading tab right after a text
  // cell continues that cell (Word wraps long labels: `商业` / `企业`).
  let current: PhysicalRow | undefined;
  let previousIndex = -2;
  const consumed = new Set(region.consumed);
  for (const index of region.consumed) {
    const b = blocks[index]!;
    const adjacent = index === previousIndex + 1;
    previousIndex = index;
    if (b.kind === 'grid') {
      current = undefined;
      rows.push(...gridRows(b));
      continue;
    }
    if (b.kind !== 'line') continue;
    // A blank line between two consumed lines is not in `consumed`; a gap in the indexes is one.
    const afterGap = !adjacent || !consumed.has(index - 1);
    if (afterGap) current = undefined;
    const cells = b.indented ? b.cells.slice(1) : b.cells;
    const last = current?.tokens[current.tokens.length - 1];
    const continues =
      current !== undefined && !b.indented && last !== undefined && last.kind === 'text' && cells.length === 1 && classify(cells[0]!.text, 0, 0).kind === 'text';
    if (continues && last) {
      const piece = cells[0]!;
      last.pieces = [...(last.pieces ?? [{ start: last.start, end: last.end }]), { start: piece.start, end: piece.end }];
      last.text += piece.text;
      last.key = normalizeLabel(last.text);
      last.end = piece.end;
      current!.end = b.end;
      continue;
    }
    if (!current) {
      current = { tokens: [], start: b.start, end: b.end };
      rows.push(current);
    }
    for (const c of cells) current.tokens.push(tokenOf(c));
    current.end = b.end;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Format detection: labels that exist in one format and not the other.

function distinctiveLabels(year: FormatYear): Set<string> {
  const other = year === 2021 ? 2019 : 2021;
  const labelsOf = (f: FormatSpec): Set<string> => {
    const set = new Set<string>();
    for (const id of TABLE_IDS) {
      const t = f.tables[id];
      for (const x of [...t.rows, ...t.columns, ...t.blocks]) set.add(normalizeLabel(x.label));
    }
    return set;
  };
  const mine = labelsOf(FORMATS[year]);
  const theirs = labelsOf(FORMATS[other]);
  return new Set([...mine].filter((l) => !theirs.has(l)));
}

const DISTINCTIVE: Record<FormatYear, Set<string>> = { 2019: distinctiveLabels(2019), 2021: distinctiveLabels(2021) };

/** The format whose table shapes the document's tables follow, or undefined when nothing tells. */
export function detectTableFormat(rows: readonly PhysicalRow[]): FormatYear | undefined {
  let y2019 = 0;
  let y2021 = 0;
  for (const row of rows) {
    for (const t of row.tokens) {
      if (t.kind !== 'text') continue;
      const key = t.key ?? normalizeLabel(t.text);
      if (DISTINCTIVE[2019].has(key)) y2019++;
      if (DISTINCTIVE[2021].has(key)) y2021++;
    }
  }
  if (y2019 === y2021) return undefined;
  return y2019 > y2021 ? 2019 : 2021;
}

// ---------------------------------------------------------------------------------------------
// Row assembly.

interface Candidates {
  rows: LabelCandidate[];
  others: Array<LabelCandidate & { role: LabelRole }>;
  /** Every label of the table by first character, for text that runs labels together. */
  vocabulary: Map<string, string[]>;
}

const candidateCache = new Map<TableSpec, Candidates>();

function candidatesFor(spec: TableSpec): Candidates {
  let c = candidateCache.get(spec);
  if (!c) {
    const headerRows = spec.layout === 'singleRow';
    const others: Candidates['others'] = [
      ...spec.groups.map((g) => ({ id: g.id, label: g.label, role: 'group' as const })),
      ...spec.columns.map((col) => ({ id: col.id, label: col.label, role: 'column' as const })),
      ...spec.blocks.map((b) => ({ id: b.id, label: b.label, role: 'block' as const })),
      ...spec.headerTexts.map((h, i) => ({ id: `header${i}`, label: h, role: 'header' as const })),
      ...(headerRows ? spec.rows.map((r) => ({ id: r.id, label: r.label, role: 'row' as const })) : []),
    ];
    const rows = headerRows ? [] : spec.rows.map((r) => ({ id: r.id, label: r.label }));
    c = { rows, others, vocabulary: vocabularyOf([...rows, ...others].map((x) => x.label)) };
    candidateCache.set(spec, c);
  }
  return c;
}

interface MatchedToken {
  token: Token;
  role: LabelRole;
  match: LabelMatch;
}

function matchToken(token: Token, spec: TableSpec, deviations: FormatSpec['labelDeviations'], hasValues: boolean): MatchedToken | undefined {
  const { rows, others } = candidatesFor(spec);
  const key = token.key ?? normalizeLabel(token.text);
  const asRow = rows.length > 0 ? matchNormalizedLabel(token.text, key, rows, { deviations, prefixMinLength: 4 }) : undefined;
  const asOther = matchNormalizedLabel(token.text, key, others, { deviations });
  const rank = (m: LabelMatch | undefined, preferred: boolean): number =>
    m ? m.score + (m.numberingDiffers ? 0 : 0.01) + (preferred ? 0.005 : 0) : -1;
  const rowRank = rank(asRow, hasValues);
  const otherRank = rank(asOther, !hasValues);
  if (rowRank < 0 && otherRank < 0) return undefined;
  if (rowRank >= otherRank && asRow) return { token, role: 'row', match: asRow };
  const other = others.find((o) => o.id === asOther!.id)!;
  return { token, role: other.role, match: asOther! };
}

/** The best match that does not lose information: exact or normalized beats prefix or fuzzy. */
function isSolid(match: LabelMatch): boolean {
  return match.kind === 'exact' || match.kind === 'normalized' || match.kind === 'deviation';
}

interface Builder {
  spec: TableSpec;
  format: FormatSpec;
  lines: LineIndex;
  table: TableNode;
  tolerances: ToleranceNode[];
  /** In a grid: the grid column each format column's header label stands in (the latest header wins). */
  columnAt: Map<string, number>;
  /** Rows the layout left without cell boundaries, with the values as found: placed at the end or marked unplaced. */
  pending: Map<RowNode, Token[]>;
}

function labelNode(b: Builder, m: MatchedToken): LabelNode {
  const node: LabelNode = { text: m.token.text, span: b.lines.span(m.token.start, m.token.end), role: m.role, match: m.match };
  if (m.token.pieces) {
    node.pieces = m.token.pieces.map((p) => b.lines.span(p.start, p.end));
    b.tolerances.push({ kind: 'split-label', span: node.span, found: m.token.text, canonical: m.match.canonical });
  }
  if ((m.match.kind === 'normalized' || m.match.kind === 'exact') && /\s/u.test(m.token.text)) {
    b.tolerances.push({ kind: 'spaced-label', span: node.span, found: m.token.text, canonical: m.match.canonical });
  }
  return node;
}

function cellNode(b: Builder, token: Token, column?: string): CellNode {
  const cell: CellNode = {
    text: token.text,
    span: b.lines.span(token.start, token.end),
    kind: token.kind,
    value: token.kind === 'number' ? token.value : null,
  };
  if (column !== undefined) cell.column = column;
  if (token.unit !== undefined) cell.unit = token.unit;
  return cell;
}

function rowNode(b: Builder, id: string | undefined, label: LabelNode | undefined, values: Token[], columns: readonly string[], start: number, end: number): RowNode {
  const fitted = placeByGrid(values, columns, b.columnAt) ?? fitRow(values, columns);
  const row: RowNode = {
    cells: fitted.cells.map((c) => cellNode(b, c.token, c.column)),
    span: b.lines.span(start, end),
    expectedCells: columns.length,
    shape: fitted.shape,
    duplicate: false,
  };
  if (id !== undefined) row.id = id;
  if (label) row.label = label;
  return row;
}

interface PendingRow {
  node: RowNode;
  labelMatch?: MatchedToken;
  values: Token[];
  start: number;
}

function assembleMatrix(b: Builder, rows: readonly PhysicalRow[]): void {
  const { spec, table } = b;
  const specRows = new Map(spec.rows.map((r) => [r.id, r]));
  let previous: PendingRow | undefined;
  const finish = (p: PendingRow, end: number): RowNode => {
    const spec = p.node.id !== undefined ? specRows.get(p.node.id) : undefined;
    const columns = spec?.columns ?? [];
    const fresh = rowNode(b, p.node.id, p.node.label, p.values, columns, p.start, end);
    fresh.duplicate = p.node.duplicate;
    Object.assign(p.node, fresh);
    if (fresh.shape !== 'ok' && (b.table.mode === 'stream' || p.values.some((t) => t.run))) b.pending.set(p.node, p.values);
    else b.pending.delete(p.node);
    return p.node;
  };
  const seen = new Set<string>();
  const openRow = (rowLabel: MatchedToken, values: Token[], start: number, end: number): void => {
    const id = rowLabel.match.id;
    const node: RowNode = { id, cells: [], span: b.lines.span(start, end), expectedCells: 0, shape: 'ok', duplicate: seen.has(id) };
    node.label = labelNode(b, rowLabel);
    seen.add(id);
    previous = { node, labelMatch: rowLabel, values, start };
    table.rows.push(finish(previous, end));
  };
  // A label-only line whose text matched nothing: perhaps the start of a label the next line finishes.
  let fragment: { token: Token; start: number; tolerance: ToleranceNode } | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const { labelTokens, values, hasValues, matched, rowLabel, unmatched } = analyseRow(b, row);
    const heldFragment = fragment;
    fragment = undefined;
    for (const x of matched) if (x.m && x.m !== rowLabel) table.labels.push(labelNode(b, x.m));
    for (const x of matched) if (x.m?.role === 'column' && x.t.gridColumn !== undefined) b.columnAt.set(x.m.match.id, x.t.gridColumn);

    // A label broken over lines: the rest of it stands alone (with or without the numbers).
    if (!rowLabel && unmatched.length === 1 && previous?.labelMatch && !isSolid(previous.labelMatch.match)) {
      const piece = unmatched[0]!;
      const joined = joinPieces(previous.labelMatch.token, piece);
      const again = matchToken(joined, spec, b.format.labelDeviations, true);
      if (again && again.role === 'row' && again.match.id === previous.labelMatch.match.id && again.match.score >= previous.labelMatch.match.score) {
        previous.labelMatch = again;
        previous.node.label = labelNode(b, again);
        if (!previous.values.some((t) => t.kind !== 'blank') && hasValues) previous.values = values;
        finish(previous, Math.max(row.end, previous.node.span.end.offset));
        continue;
      }
    }
    // A label broken so early that its first piece matched nothing (`1.属于国` / `家秘密`): the pieces
    // together must then say a row's words outright, not merely resemble them.
    if (!rowLabel && unmatched.length === 1) {
      const piece = unmatched[0]!;
      if (heldFragment) {
        const whole = solidRow(b, joinPieces(heldFragment.token, piece));
        if (whole) {
          b.tolerances.splice(b.tolerances.indexOf(heldFragment.tolerance), 1);
          openRow(whole, values, heldFragment.start, row.end);
          continue;
        }
      }
      const next = hasValues ? rows[i + 1] : undefined;
      const rest = next ? analyseRow(b, next) : undefined;
      if (next && rest && !rest.hasValues && rest.matched.length === 1 && rest.unmatched.length === 1) {
        const whole = solidRow(b, joinPieces(piece, rest.unmatched[0]!));
        if (whole) {
          openRow(whole, values, row.start, next.end);
          i++;
          continue;
        }
      }
    }
    if (rowLabel) {
      openRow(rowLabel, values, row.start, row.end);
      continue;
    }
    const guessed = hasValues ? rowInOrder(b, previous?.node.id, seen, unmatched) : undefined;
    if (guessed) {
      openRow(guessed, values, row.start, row.end);
      continue;
    }
    if (!hasValues) {
      for (const t of unmatched) {
        const tolerance: ToleranceNode = { kind: 'header-fragment', span: b.lines.span(t.start, t.end), found: t.text };
        b.tolerances.push(tolerance);
        if (unmatched.length === 1) fragment = { token: t, start: row.start, tolerance };
      }
      continue;
    }
    // Numbers with no row label of their own: the rest of the previous row (one cell per line with
    // blank lines inside a row), or a row nobody can name.
    if (previous && previous.node.shape === 'too-few' && labelTokens.length === 0) {
      previous.values = [...previous.values, ...values];
      finish(previous, row.end);
      continue;
    }
    const stray: RowNode = rowNode(b, undefined, undefined, values, [], row.start, row.end);
    const groupLabel = matched.find((x) => x.m)?.m;
    if (groupLabel) stray.label = labelNode(b, groupLabel);
    table.unrecognized.push(stray);
    previous = undefined;
  }
}

interface RowAnalysis {
  labelTokens: Token[];
  values: Token[];
  hasValues: boolean;
  matched: Array<{ t: Token; m: MatchedToken | undefined }>;
  rowLabel: MatchedToken | undefined;
  unmatched: Token[];
}

/** A physical row split into its label cells (each matched against the format) and the values after them. */
function analyseRow(b: Builder, row: PhysicalRow): RowAnalysis {
  const lastText = findLastIndex(row.tokens, (t) => t.kind === 'text' && !t.valueLike);
  const labelTokens = lastText < 0 ? [] : row.tokens.slice(0, lastText + 1).filter((t) => t.kind === 'text' && !t.valueLike);
  const values = row.tokens.slice(lastText + 1);
  const hasValues = values.some((t) => t.kind !== 'blank');
  const match = (t: Token): MatchedToken | undefined => matchToken(t, b.spec, b.format.labelDeviations, hasValues);
  // A grid and Word's cell-per-line export say where each cell starts; the other layouts may have cut a
  // label into pieces or run several together, which the format's labels sort out.
  const matched =
    b.table.mode === 'grid' || b.table.mode === 'cell-per-line'
      ? labelTokens.map((t) => ({ t, m: match(t) }))
      : resolveLabels(labelTokens, match, candidatesFor(b.spec).vocabulary).map((h) => ({ t: h.token, m: h.m }));
  const rowLabel = [...matched].reverse().find((x) => x.m?.role === 'row')?.m;
  const unmatched = matched.filter((x) => !x.m).map((x) => x.t);
  return { labelTokens, values, hasValues, matched, rowLabel, unmatched };
}

/**
 * A label too far from the format's words to match on its own (`2.其他法律行政止公开`), read as the row
 * the format has next: it stands where that row belongs, carries that row's numbering, and still says
 * most of its words. It is matched `fuzzy`, so table-label reports it with the canonical label.
 */
function rowInOrder(b: Builder, previousId: string | undefined, seen: ReadonlySet<string>, unmatched: readonly Token[]): MatchedToken | undefined {
  if (unmatched.length !== 1 || b.spec.layout === 'singleRow') return undefined;
  const token = unmatched[0]!;
  const key = token.key ?? normalizeLabel(token.text);
  if (!/^(?:\d{1,2}\.|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)/u.test(key)) return undefined;
  const at = previousId === undefined ? -1 : b.spec.rows.findIndex((r) => r.id === previousId);
  const next = b.spec.rows.slice(at + 1).filter((r) => !seen.has(r.id)).slice(0, 1);
  if (next.length === 0) return undefined;
  const m = matchNormalizedLabel(token.text, key, next.map((r) => ({ id: r.id, label: r.label })), { deviations: b.format.labelDeviations, minScore: 0.6 });
  if (!m || m.numberingDiffers) return undefined;
  return { token, role: 'row', match: { ...m, kind: m.kind === 'prefix' ? 'prefix' : 'fuzzy' } };
}

/** One label token from two pieces of text on different lines, keeping where each piece is. */
function joinPieces(first: Token, piece: Token): Token {
  return {
    ...first,
    text: first.text + piece.text,
    key: normalizeLabel(first.text + piece.text),
    end: piece.end,
    pieces: [...(first.pieces ?? [{ start: first.start, end: first.end }]), { start: piece.start, end: piece.end }],
  };
}

/** The row a joined label names, when it names one exactly (up to widths, spaces and known deviations). */
function solidRow(b: Builder, token: Token): MatchedToken | undefined {
  const m = matchToken(token, b.spec, b.format.labelDeviations, true);
  return m && m.role === 'row' && isSolid(m.match) ? m : undefined;
}

/**
 * A stream has no row boundaries: Table 四's header words and its numbers come as one run. Its labels
 * are the text before the numbers, and every value after them is the data row.
 */
function singleRowFromStream(rows: readonly PhysicalRow[]): PhysicalRow[] {
  const labels: PhysicalRow[] = [];
  const values: Token[] = [];
  for (const row of rows) {
    const last = findLastIndex(row.tokens, (t) => t.kind === 'text' && !t.valueLike);
    if (last >= 0) labels.push({ tokens: row.tokens.slice(0, last + 1), start: row.start, end: row.tokens[last]!.end });
    values.push(...row.tokens.slice(last + 1));
  }
  if (values.length === 0) return labels;
  return [...labels, { tokens: values, start: values[0]!.start, end: values[values.length - 1]!.end }];
}

function assembleSingleRow(b: Builder, input: readonly PhysicalRow[]): void {
  const { spec, table } = b;
  const rows = table.mode === 'stream' ? singleRowFromStream(input) : input;
  const labels = new Map<string, LabelNode>();
  const expected = spec.rows.reduce((n, r) => n + r.columns.length, 0);
  const isFilled = (row: PhysicalRow): boolean => row.tokens.some((t) => t.kind !== 'blank');
  const isLabelRow = (row: PhysicalRow): boolean => row.tokens.some((t) => t.kind === 'text' && !t.valueLike);
  // The data row is the first row holding a value. Rows of empty cells also pad the header (Word writes
  // each merged header cell as an empty one), so a row of blanks only counts when no row holds a value:
  // then it is a data row left entirely blank.
  let dataIndex = rows.findIndex((row) => !isLabelRow(row) && isFilled(row));
  if (dataIndex < 0) dataIndex = rows.findIndex((row) => !isLabelRow(row) && row.tokens.length >= expected - 1);
  const dataRow = rows[dataIndex];
  for (const [index, row] of rows.entries()) {
    const texts = row.tokens.filter((t) => t.kind === 'text' && !t.valueLike);
    if (texts.length === 0) {
      if (dataRow && index > dataIndex && isFilled(row)) table.unrecognized.push(rowNode(b, undefined, undefined, row.tokens, [], row.start, row.end));
      continue;
    }
    for (const t of texts) {
      const m = matchToken(t, spec, b.format.labelDeviations, false);
      if (!m) continue;
      const node = labelNode(b, m);
      table.labels.push(node);
      if (m.role === 'row' && !labels.has(m.match.id)) labels.set(m.match.id, node);
    }
  }
  if (!dataRow) return;
  const columns = spec.rows.flatMap((r) => r.columns.map((c) => `${r.id}.${c}`));
  const whole = rowNode(b, undefined, undefined, dataRow.tokens, columns, dataRow.start, dataRow.end);
  if (whole.shape !== 'ok') {
    if (table.mode === 'stream' || dataRow.tokens.some((t) => t.run)) b.pending.set(whole, dataRow.tokens);
    table.unrecognized.push(whole);
    return;
  }
  for (const r of spec.rows) {
    const cells = whole.cells
      .filter((c) => c.column?.startsWith(`${r.id}.`))
      .map((c) => ({ ...c, column: c.column!.slice(r.id.length + 1) }));
    const first = cells[0]?.span.start.offset ?? dataRow.start;
    const last = cells[cells.length - 1]?.span.end.offset ?? dataRow.end;
    const node: RowNode = { id: r.id, cells, span: b.lines.span(first, last), expectedCells: r.columns.length, shape: 'ok', duplicate: false };
    const label = labels.get(r.id);
    if (label) node.label = label;
    table.rows.push(node);
  }
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/** The physical rows of every region, for format detection before the rows are assembled. */
export function regionRows(region: TableRegion, blocks: readonly Block[]): { rows: PhysicalRow[]; mode: TableNode['mode'] } {
  const grid = region.blocks.every((b) => b.kind === 'grid');
  if (!grid && (isStream(region.blocks) || (region.blocks.every((b) => b.kind === 'line' && b.cells.length === 1) && hasRunTogether(region.blocks)))) {
    return { rows: streamRows(region.blocks), mode: 'stream' };
  }
  const cellPerLine = !grid && isCellPerLine(region.blocks);
  return { rows: physicalRows(region, blocks, cellPerLine), mode: grid ? 'grid' : cellPerLine ? 'cell-per-line' : 'row-per-line' };
}

/** Reads one table region into a table node, against the given format's table. */
export function readTable(
  region: TableRegion,
  rows: readonly PhysicalRow[],
  mode: TableNode['mode'],
  format: FormatSpec,
  lines: LineIndex,
  tolerances: ToleranceNode[],
): TableNode {
  const spec = format.tables[region.table];
  const first = region.blocks[0]!;
  const last = region.blocks[region.blocks.length - 1]!;
  const table: TableNode = {
    id: region.table,
    span: lines.span(first.start, last.end),
    mode,
    labels: [],
    rows: [],
    unrecognized: [],
    missingRows: [],
    hasData: false,
  };
  const b: Builder = { spec, format, lines, table, tolerances, columnAt: new Map(), pending: new Map() };
  if (spec.layout === 'singleRow') assembleSingleRow(b, rows);
  else assembleMatrix(b, rows);
  settlePending(b);
  table.hasData = table.rows.some((r) => r.cells.length > 0) || table.unrecognized.some((r) => r.cells.some((c) => c.kind !== 'blank'));
  // A single-row table whose data row cannot be split into its blocks has every row, misshapen: the
  // row-shape issue says so once, where calling each block missing would repeat it as three wrong ones.
  const unplaced = spec.layout === 'singleRow' && table.rows.length === 0;
  if (table.hasData && !unplaced) {
    const found = new Set(table.rows.map((r) => r.id));
    table.missingRows = spec.rows.filter((r) => !found.has(r.id)).map((r) => r.id);
  }
  return table;
}

/**
 * Rows whose cells the layout did not delimit and whose count is off: a crawl merged identical
 * neighbouring cells (too few), a number was broken over two lines (too many), or digits ran together.
 * They are marked unplaced, with the evidence, so that one finding says the table could not be read and
 * no rule judges a cell of them.
 */
function settlePending(b: Builder): void {
  if (b.pending.size === 0) return;
  const { table, spec } = b;
  const unreadable: NonNullable<TableNode['unreadable']> = table.unreadable ?? { reasons: [], rows: [] };
  for (const [node, values] of b.pending) {
    const found = values.filter((t) => t.kind !== 'blank').length;
    const reason = values.some((t) => t.run) ? 'run-together' : node.shape === 'too-many' ? 'split-numbers' : 'merged-cells';
    if (!unreadable.reasons.includes(reason)) unreadable.reasons.push(reason);
    const expected = node.id !== undefined ? (spec.rows.find((r) => r.id === node.id)?.columns.length ?? 0) : spec.rows.reduce((n, r) => n + r.columns.length, 0);
    const label = node.id !== undefined ? (spec.rows.find((r) => r.id === node.id)?.label ?? node.id) : spec.title;
    unreadable.rows.push({ ...(node.id !== undefined ? { row: node.id } : {}), label, found, expected, text: values.filter((t) => t.kind !== 'blank').map((t) => t.text).join(' '), span: node.label?.span ?? node.span });
    node.shape = 'unplaced';
    for (const c of node.cells) delete c.column;
  }
  unreadable.rows.sort((x, y) => x.span.start.offset - y.span.start.offset);
  table.unreadable = unreadable;
}
