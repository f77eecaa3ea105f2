import { FORMATS, matchNormalizedLabel, NORMALIZED_NUMBERING, normalizeLabel, normalizeLabelOnce, splitNumbering, TABLE_IDS, type FormatSpec, type FormatYear, type LabelCandidate, type LabelMatch, type TableId, type TableSpec } from '@nianbao/format';
import type { Block, GridBlock, LineBlock } from './blocks.js';
import type { CellNode, LabelNode, LabelRole, RowNode, TableNode, ToleranceNode } from './model.js';
import type { LineIndex } from './source.js';
import { classify, fitRow, placeByGrid, type PhysicalRow, type Token } from './table-cells.js';
import { beginsLabel, isSolid, joinTokens, resolveLabelsRemembered, vocabularyOf, type LabelHit } from './table-labels.js';
import { cellTokenStream, cellTokens, hasRunTogether, isStream, streamRows } from './table-stream.js';
import { recoverSplits, type RunRow } from './recover/split.js';

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
/**
 * What of each marker must stand in a line's folded text for a token of it to hold the marker: its words
 * without a leading `1.` (a line folded whole keeps `1、` inside it), and the Table 三 note's core.
 */
const MARKER_CORES: ReadonlyArray<{ core: string; table: TableId }> = [
  ...[...MARKERS].map(([key, table]) => ({ core: key.replace(/^\d{1,2}\./u, ''), table })),
  { core: APPLICATIONS_NOTE, table: 'applications' as TableId },
].filter((m) => m.core.length >= 2);

/**
 * Whether a line could hold three markers of one table, the least runTogetherMarker takes: counted on
 * the line folded whole, an upper bound of what its tokens hold. Most long lines are prose and fail it
 * without being cut into tokens.
 */
function mayHoldTable(text: string): boolean {
  const folded = normalizeLabelOnce(text);
  const counts = new Map<TableId, number>();
  for (const { core, table } of MARKER_CORES) {
    for (let at = folded.indexOf(core); at !== -1; at = folded.indexOf(core, at + core.length)) {
      const n = (counts.get(table) ?? 0) + 1;
      if (n >= 3) return true;
      counts.set(table, n);
    }
  }
  return false;
}

/** The markers long enough to be looked for inside longer text, as a plain list: scanned for every long token. */
const LONG_MARKERS: ReadonlyArray<{ key: string; table: TableId }> = [...MARKERS].filter(([key]) => key.length >= 4).map(([key, table]) => ({ key, table }));

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

/** Whether a token holds a header's words of the table (its note, a column or block label): where the table starts. */
function startsTable(t: Token, table: TableId): boolean {
  const key = t.key ?? normalizeLabel(t.text);
  if (table === 'applications' && key.includes(APPLICATIONS_NOTE)) return true;
  for (const marker of LONG_MARKERS) if (marker.table === table && key.includes(marker.key)) return true;
  return false;
}

/**
 * The table a long cell of labels and numbers run together belongs to (a body written on one line):
 * the table whose own labels it holds most of, when it holds at least three.
 */
function runTogetherMarker(cell: { text: string; start: number; end: number }): TableId | undefined {
  if (!/\d/u.test(cell.text)) return undefined;
  if (!mayHoldTable(cell.text)) return undefined;
  // A section's sentences may stand before or after its table on the same line: judge each stretch
  // between sentence ends on its own.
  const pieces = cell.text.split(/(?<=[。；])/u);
  if (pieces.length > 1) {
    let from = cell.start;
    for (const piece of pieces) {
      const found = piece.length > 20 ? runTogetherMarker({ text: piece, start: from, end: from + piece.length }) : undefined;
      if (found) return found;
      from += piece.length;
    }
    return undefined;
  }
  const counts = new Map<TableId, number>();
  const covered = new Map<TableId, number>();
  const add = (table: TableId, length: number): void => {
    counts.set(table, (counts.get(table) ?? 0) + 1);
    covered.set(table, (covered.get(table) ?? 0) + length);
  };
  // The tokens are read once as they come: a body run together on one line has hundreds of thousands.
  let runs = 0;
  let runDigits = 0;
  for (const t of cellTokenStream(cell)) {
    if (t.run) {
      runs++;
      runDigits += t.text.length;
    }
    if (t.kind !== 'text') continue;
    const m = tableMarker(t.text);
    if (m) add(m, t.text.length);
    else if (t.text.length > 6) {
      const tokenKey = t.key;
      if (tokenKey === undefined) continue;
      for (const { key, table } of LONG_MARKERS) {
        // Every occurrence counts: a header repeats its column labels once per group.
        for (let at = tokenKey.indexOf(key); at !== -1; at = tokenKey.indexOf(key, at + key.length)) add(table, key.length);
      }
    }
  }
  // A table holds numbers, several of them; a sentence naming a few labels holds one or two.
  if (runs < 3 && runDigits < 6) return undefined;
  let best: TableId | undefined;
  let most = 2;
  for (const [table, n] of counts) {
    // A table run together is mostly its own labels; prose that names a few of them (`规范性文件`,
    // `行政许可`) is mostly other words.
    if (n > most && (covered.get(table) ?? 0) >= cell.text.length * 0.3) [best, most] = [table, n];
  }
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
  for (let i = index + 1, seen = 0; i < blocks.length && seen < 6; i++) {
    const b = blocks[i]!;
    if (b.kind === 'blank') continue;
    // Only the short pieces a crawl cuts a sentence into: a long line is a paragraph (or a table run
    // together) of its own.
    if (b.kind !== 'line' || b.cells.length !== 1 || b.cells[0]!.text.length > 40) return false;
    seen++;
    if (isProseLine(b) || /[，,、]$/u.test(b.cells[0]!.text)) return true;
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
        const m = tableMarker(c.text) ?? (c.text.length > 20 ? runTogetherMarker(c) : undefined);
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
      if (b.kind === 'grid') {
        const next = gridRows(b);
        const last = rows[rows.length - 1];
        const first = next[0];
        if (b.continued && last && first && finishesRow(region.table, last, first)) {
          rows[rows.length - 1] = joinedRow(last, first);
          next.shift();
        }
        rows.push(...next);
      } else rows.push({ tokens: b.cells.flatMap(cellTokens), start: b.start, end: b.end });
    }
    return region.table === 'reviewLitigation' ? rows : withWrappedLabels(rows);
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

/** Every label of a table in either format, normalized: what a row's label may be. */
const KNOWN_LABELS = new Map<TableId, Set<string>>(
  TABLE_IDS.map((id) => [
    id,
    new Set(Object.values(FORMATS).flatMap((f) => [...f.tables[id].rows, ...f.tables[id].columns, ...f.tables[id].blocks].map((x) => normalizeLabel(x.label)))),
  ]),
);

/**
 * Whether the first row of a grid continued on the next page is the rest of the last row before the
 * break (a tall row the page broke: `3.危及“三安全` with its numbers, then `一稳定”` over blank cells).
 * Only where the cells fit together — text under text, numbers on one side only — and where a label
 * comes out whole only when joined: a row of its own at the top of a page, blank cells and all, stays one.
 */
function finishesRow(table: TableId, before: PhysicalRow, after: PhysicalRow): boolean {
  const known = KNOWN_LABELS.get(table)!;
  let completes = false;
  for (const t of after.tokens) {
    if (t.gridColumn === undefined) return false;
    const above = before.tokens.find((u) => u.gridColumn === t.gridColumn);
    if (t.kind === 'blank') continue;
    if (!above) return false;
    if (t.kind === 'number' || t.valueLike) {
      if (above.kind !== 'blank') return false;
      continue;
    }
    if (t.kind !== 'text' || above.kind !== 'text') return false;
    const alone = known.has(t.key ?? normalizeLabel(t.text));
    const joined = known.has(normalizeLabel(above.text + t.text));
    if (alone) return false;
    if (joined) completes = true;
  }
  return completes;
}

/** The two halves of a row broken by a page, cell by cell. */
function joinedRow(before: PhysicalRow, after: PhysicalRow): PhysicalRow {
  const tokens = before.tokens.map((t): Token => {
    const rest = after.tokens.find((u) => u.gridColumn === t.gridColumn);
    if (!rest || rest.kind === 'blank') return t;
    if (t.kind === 'blank') return rest;
    return { ...joinTokens([t, rest]), gridColumn: t.gridColumn };
  });
  return { tokens, start: before.start, end: after.end };
}

/**
 * One row per line, except that a long label wraps over the lines above its numbers (PDF text: `5.要求
 * 行政机关确认或重新 出` / `具已获取信息   0 0 …`, a group label on a line between): the label-only lines
 * before a line of numbers belong to it, and the format's labels sort out which words are whose. Grid
 * rows are left alone: the grid says where each cell is.
 */
const NUMBER_PIECE = /^[+\-−]?\d[\d,]*[.．]$/u;

function withWrappedLabels(rows: readonly PhysicalRow[]): PhysicalRow[] {
  const out: PhysicalRow[] = [];
  let buffer: PhysicalRow[] = [];
  // An empty cell written as such (between tabs) is a cell: its line is a row, not a wrapped label.
  const hasValue = (row: PhysicalRow): boolean => row.tokens.some((t) => t.kind === 'number' || t.kind === 'blank' || (t.kind === 'text' && t.valueLike));
  for (const row of rows) {
    if (row.tokens.some((t) => t.gridColumn !== undefined)) {
      out.push(...buffer, row);
      buffer = [];
    } else if (!hasValue(row)) {
      buffer.push(row);
    } else if (buffer.length > 0) {
      const texts = buffer.flatMap((r) => r.tokens.filter((t) => t.kind === 'text'));
      // A number cut inside a narrow cell (`181663837.` over `28`) is a piece of one of the row's values,
      // which of them the text cannot say: it stays among the values, so the row's count is off and the
      // row is not placed, rather than read with the piece lost.
      const pieces = texts.filter((t) => NUMBER_PIECE.test(t.text));
      const labels = texts.filter((t) => !pieces.includes(t));
      const lastLabel = findLastIndex(row.tokens, (t) => t.kind === 'text' && !t.valueLike);
      const tokens = [...labels, ...row.tokens.slice(0, lastLabel + 1), ...pieces.map((t) => ({ ...t, valueLike: true })), ...row.tokens.slice(lastLabel + 1)];
      out.push({ tokens, start: buffer[0]!.start, end: row.end });
      buffer = [];
    } else out.push(row);
  }
  out.push(...buffer);
  return out;
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
    // Text run together is cut at the format's labels, and at the known wrong wordings of them
    // (`社会组织` for 社会公益组织), which the label rules then report.
    const labels = [...rows, ...others].map((x) => x.label);
    const deviations = Object.values(FORMATS).flatMap((f) => f.labelDeviations);
    const variants = labels.flatMap((l) => deviations.filter((d) => l.includes(d.canonical)).map((d) => l.replace(d.canonical, d.found)));
    c = { rows, others, vocabulary: vocabularyOf([...labels, ...variants]) };
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
  let asRow = rows.length > 0 ? matchNormalizedLabel(token.text, key, rows, { deviations, prefixMinLength: 4 }) : undefined;
  // `2.其他` is not `3.其他`: another item of the same list, numbered in the same style, is another row
  // (here the first line of `2.其他法律行政法规禁止公开`, wrapped). Only a numbering of another style
  // (`（1）` for `1.`) is tolerated.
  if (asRow?.numberingDiffers && sameNumberingStyle(splitNumbering(key).numbering, splitNumbering(normalizeLabel(asRow.canonical)).numbering)) asRow = undefined;
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

/**
 * The label lines at the head of `row` (before its own line of numbers) that finish `label`, the row
 * above's unfinished label: from each such line its last words (the label column; a group column's words
 * stand before them), as long as the joined label grows into the format's label. Taken only when the
 * label comes out whole; `rest` is the row without them.
 */
function continueBelow(b: Builder, label: MatchedToken, row: PhysicalRow): { label: MatchedToken; rest: PhysicalRow } | undefined {
  const lineOf = (t: Token): number => b.lines.point(t.start).line;
  const firstValue = row.tokens.findIndex((t) => t.kind === 'number' || (t.kind === 'text' && t.valueLike));
  if (firstValue < 0) return undefined;
  const valueLine = lineOf(row.tokens[firstValue]!);
  const byLine = new Map<number, Token[]>();
  for (const t of row.tokens) {
    if (t.kind !== 'text' || t.valueLike) continue;
    const line = lineOf(t);
    if (line >= valueLine) break;
    byLine.set(line, [...(byLine.get(line) ?? []), t]);
  }
  let joined = label.token;
  const used = new Set<Token>();
  let best: { label: MatchedToken; used: Set<Token> } | undefined;
  for (const tokens of byLine.values()) {
    const piece = tokens[tokens.length - 1]!;
    const next = joinPieces(joined, piece);
    const m = matchToken(next, b.spec, b.format.labelDeviations, true);
    if (!m || m.role !== 'row' || m.match.id !== label.match.id) break;
    joined = next;
    used.add(piece);
    if (isSolid(m.match)) {
      best = { label: m, used: new Set(used) };
      break;
    }
  }
  if (!best) return undefined;
  const rest = row.tokens.filter((t) => !best!.used.has(t));
  return { label: best.label, rest: { tokens: rest, start: rest[0]?.start ?? row.start, end: row.end } };
}

/** Whether two numberings are of one style (`2.` and `3.`, `(一)` and `(二)`) and so name different items. */
function sameNumberingStyle(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  const style = (n: string): string => (/^\d+\.$/u.test(n) ? 'arabic' : /^\(\D+\)$/u.test(n) ? 'paren-cjk' : /^\(\d+\)$/u.test(n) ? 'paren-arabic' : /^\D+、$/u.test(n) ? 'cjk' : n);
  return style(a) === style(b);
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
  /** Whether the table's rows are cut at runs of spaces, which cannot show an empty cell. */
  spaceAligned: boolean;
  /** Whether the layout may part a label from its numbers or lose cells (a stream, aligned text, a PDF). */
  losesCells: boolean;
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
  // A row named with no number at all has every cell blank, in any layout: no merge or wrap of a page
  // takes a row's numbers away entirely (a crawl keeps one of each run of equal cells).
  // Where a layout can displace a label from its numbers (a PDF centres them, aligned text wraps them),
  // such a row is unreadable instead (see settlePending).
  const empty = !b.losesCells && id !== undefined && columns.length > 0 && !values.some((t) => t.kind !== 'blank') && values.every((t) => t.gridColumn === undefined);
  const blanks: Token[] = columns.map(() => classify('', end, end));
  const fitted = empty ? fitRow(blanks, columns) : (placeByGrid(values, columns, b.columnAt) ?? fitRow(values, columns));
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

function assembleMatrix(b: Builder, input: readonly PhysicalRow[]): void {
  const rows = [...input];
  const { spec, table } = b;
  const specRows = new Map(spec.rows.map((r) => [r.id, r]));
  let previous: PendingRow | undefined;
  const finish = (p: PendingRow, end: number): RowNode => {
    const spec = p.node.id !== undefined ? specRows.get(p.node.id) : undefined;
    const columns = spec?.columns ?? [];
    const fresh = rowNode(b, p.node.id, p.node.label, p.values, columns, p.start, end);
    fresh.duplicate = p.node.duplicate;
    Object.assign(p.node, fresh);
    if (fresh.shape !== 'ok' && (b.losesCells || p.values.some((t) => t.run))) b.pending.set(p.node, p.values);
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
  // The previous row's group and column labels that only resemble the format's: perhaps wrapped into this row.
  let unfinished: Array<{ m: MatchedToken; at: number }> = [];
  for (let i = 0; i < rows.length; i++) {
    let row = rows[i]!;
    if (unfinished.length > 0 && b.table.mode === 'row-per-line') row = rows[i] = finishWrappedLabels(b, unfinished, row);
    // A cell whose numbers stand on its first line (LibreOffice and Word PDFs top-align them): the label
    // goes on below them, on the lines the next row's numbers come after.
    if (previous?.labelMatch && !isSolid(previous.labelMatch.match) && b.table.mode === 'row-per-line') {
      const taken = continueBelow(b, previous.labelMatch, row);
      if (taken) {
        previous.labelMatch = taken.label;
        previous.node.label = labelNode(b, taken.label);
        finish(previous, Math.max(previous.node.span.end.offset, taken.label.token.end));
        row = taken.rest;
        rows[i] = row;
      }
    }
    const analysis = analyseRow(b, row);
    const { labelTokens, values, hasValues, unmatched } = analysis;
    let { matched, rowLabel } = analysis;
    // A PDF centres a row's numbers on its label's lines, so the next row's first words may come before
    // them (`5.要求…出具` / `已获取信息` / `1.申请人无正当理由逾期不补` / numbers): the numbers are the
    // whole label's, and the started one goes on into the next line.
    if (rowLabel && hasValues && rowLabel.match.kind === 'prefix' && rows[i + 1]) {
      const whole = [...matched].reverse().find((x) => x.m?.role === 'row' && x.m !== rowLabel && isSolid(x.m.match) && !seen.has(x.m.match.id))?.m;
      if (whole) {
        const started = rowLabel.token;
        const next = rows[i + 1]!;
        rows[i + 1] = { tokens: [started, ...next.tokens], start: Math.min(started.start, next.start), end: next.end };
        matched = matched.filter((x) => x.m !== rowLabel);
        rowLabel = whole;
      }
    }
    const heldFragment = fragment;
    fragment = undefined;
    unfinished = [];
    for (const x of matched) {
      if (!x.m || x.m === rowLabel) continue;
      if (x.m.role !== 'row' && !isSolid(x.m.match)) unfinished.push({ m: x.m, at: table.labels.length });
      table.labels.push(labelNode(b, x.m));
    }
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
      // Rows named before this one in the same run of labels came with no numbers of their own: a row
      // left empty, or one whose cells a crawl merged away.
      for (const x of matched) {
        if (x.m?.role !== 'row' || x.m === rowLabel || seen.has(x.m.match.id)) continue;
        openRow(x.m, [], x.t.start, x.t.end);
      }
      openRow(rowLabel, values, row.start, row.end);
      continue;
    }
    // The first words of a top-aligned label (`1.申请` beside its numbers, the rest on the lines below):
    // the row whose label they start, when the lines below finish it.
    if (!rowLabel && hasValues && unmatched.length > 0 && rows[i + 1] && b.table.mode === 'row-per-line') {
      const u = unmatched[unmatched.length - 1]!;
      const key = u.key ?? normalizeLabel(u.text);
      let opened = false;
      for (const r of spec.rows) {
        if (key.length < 2 || seen.has(r.id) || !normalizeLabel(r.label).startsWith(key)) continue;
        const start: MatchedToken = { token: u, role: 'row', match: { id: r.id, canonical: r.label, kind: 'prefix', score: 0.5, numberingDiffers: false, deviations: [] } };
        const taken = continueBelow(b, start, rows[i + 1]!);
        if (!taken) continue;
        rows[i + 1] = taken.rest;
        openRow(taken.label, values, row.start, row.end);
        opened = true;
        break;
      }
      if (opened) continue;
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
    // In a stream, numbers under no label are more likely the pieces of a sentence than a row.
    if (b.table.mode === 'stream') {
      previous = undefined;
      continue;
    }
    const stray: RowNode = rowNode(b, undefined, undefined, values, [], row.start, row.end);
    const groupLabel = matched.find((x) => x.m)?.m;
    if (groupLabel) stray.label = labelNode(b, groupLabel);
    table.unrecognized.push(stray);
    previous = undefined;
  }
}

/**
 * A group label wrapped below the line its row ends on (`三、本年度办 理结` beside one row's numbers, `果`
 * beside the next row's label): a piece on the next line, under the same columns, that makes the label
 * the format's own is taken out of this row and finishes it.
 */
function finishWrappedLabels(b: Builder, unfinished: ReadonlyArray<{ m: MatchedToken; at: number }>, row: PhysicalRow): PhysicalRow {
  let tokens = row.tokens;
  for (const { m, at } of unfinished) {
    const from = displayColumns(b, m.token);
    const lastLine = b.lines.point(Math.max(m.token.start, m.token.end - 1)).line;
    const piece = tokens.find((t) => {
      if (t.kind !== 'text' || t.valueLike || t.gridColumn !== undefined) return false;
      const place = displayColumns(b, t);
      return place.line === lastLine + 1 && place.from < from.to && from.from < place.to;
    });
    if (!piece) continue;
    const again = matchToken(joinPieces(m.token, piece), b.spec, b.format.labelDeviations, false);
    if (!again || again.role !== m.role || again.match.id !== m.match.id || !isSolid(again.match)) continue;
    b.table.labels[at] = labelNode(b, again);
    tokens = tokens.filter((t) => t !== piece);
  }
  return tokens === row.tokens ? row : { ...row, tokens };
}

interface RowAnalysis {
  labelTokens: Token[];
  values: Token[];
  hasValues: boolean;
  matched: Array<{ t: Token; m: MatchedToken | undefined }>;
  rowLabel: MatchedToken | undefined;
  unmatched: Token[];
}

/**
 * A row's label tokens read as the table's labels, remembered by their texts: the memo's key names
 * exactly what the match depends on (the format, the table, whether the row holds values).
 */
function readLabels(b: Builder, tokens: readonly Token[], hasValues: boolean): Array<LabelHit<MatchedToken>> {
  const match = (t: Token): MatchedToken | undefined => matchToken(t, b.spec, b.format.labelDeviations, hasValues);
  return resolveLabelsRemembered(tokens, `${b.format.year} ${b.spec.id} ${hasValues}`, match, candidatesFor(b.spec).vocabulary);
}

/** A physical row split into its label cells (each matched against the format) and the values after them. */
function analyseRow(b: Builder, row: PhysicalRow): RowAnalysis {
  const lastText = findLastIndex(row.tokens, (t) => t.kind === 'text' && !t.valueLike);
  const labelTokens = lastText < 0 ? [] : row.tokens.slice(0, lastText + 1).filter((t) => t.kind === 'text' && !t.valueLike);
  const values = row.tokens.slice(lastText + 1);
  const hasValues = values.some((t) => t.kind !== 'blank');
  const match = (t: Token): MatchedToken | undefined => matchToken(t, b.spec, b.format.labelDeviations, hasValues);
  if (b.table.mode === 'row-per-line') labelTokens.splice(0, labelTokens.length, ...joinColumnWraps(b, labelTokens, match));
  // Layouts cut labels into pieces (a wrapped cell, a page's spans) or run several together; the
  // format's labels sort them out. A grid's cells are never joined (resolveLabels keeps them apart).
  const matched = readLabels(b, labelTokens, hasValues).map((h) => ({ t: h.token, m: h.m }));
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
  if (!NORMALIZED_NUMBERING.test(key)) return undefined;
  const at = previousId === undefined ? -1 : b.spec.rows.findIndex((r) => r.id === previousId);
  const next = b.spec.rows.slice(at + 1).filter((r) => !seen.has(r.id)).slice(0, 1);
  if (next.length === 0) return undefined;
  const m = matchNormalizedLabel(token.text, key, next.map((r) => ({ id: r.id, label: r.label })), { deviations: b.format.labelDeviations, minScore: 0.6 });
  if (!m || m.numberingDiffers) return undefined;
  return { token, role: 'row', match: { ...m, kind: m.kind === 'prefix' ? 'prefix' : 'fuzzy' } };
}

/** Display columns of a token on its line: a CJK character takes two, as a terminal and pdftotext lay them. */
function displayColumns(b: Builder, t: Token): { line: number; from: number; to: number } {
  const p = b.lines.point(t.start);
  const lineStart = t.start - (p.column - 1);
  const width = (s: string): number => [...s].reduce((n, ch) => n + (/[\u1100-\uffef]/u.test(ch) ? 2 : 1), 0);
  const from = width(b.lines.text.slice(lineStart, t.start));
  return { line: p.line, from, to: from + width(t.text) };
}

/**
 * A header or label cell wrapped inside its column (`上一年项目数` over `量`, `商业` over `企业`, or over
 * three lines `上一年` / `项目数` / `量`): the pieces on the lines below under the same columns finish it,
 * when together they say a label outright. Pieces that only begin a label are joined on trial, and given
 * back as they were when no later piece finishes it.
 */
function joinColumnWraps(b: Builder, tokens: readonly Token[], match: (t: Token) => MatchedToken | undefined): Token[] {
  if (tokens.length < 2) return [...tokens];
  const placed = tokens.map((t, index) => ({ t, at: displayColumns(b, t), index }));
  // `last`: the line of a joined label's lowest piece, where the next piece looks for it; `parts`: the
  // pieces it was joined from, with their places in the row.
  type Entry = { t: Token; at: { line: number; from: number; to: number }; last: number; parts: Array<{ t: Token; index: number }> };
  const out: Entry[] = [];
  const solid = (m: MatchedToken | undefined): boolean => m !== undefined && isSolid(m.match);
  // A recorded deviation is solid, but the format's own label is better: `上一年项目数` (a deviation) over
  // `量` is `上一年项目数量`.
  const rank = (m: MatchedToken | undefined): number => (m === undefined || !isSolid(m.match) ? 0 : m.match.kind === 'deviation' ? 1 : 2);
  const vocabulary = candidatesFor(b.spec).vocabulary;
  const begins = (t: Token): boolean => {
    const key = t.key ?? normalizeLabel(t.text);
    return key.length >= 2 && beginsLabel(vocabulary, key);
  };
  const onLine = (line: number | undefined): Entry[] => (line === undefined ? [] : out.filter((o) => o.at.line === line || o.last === line));
  // The lines of this row, top to bottom: the line above a piece is the row's line before its own, so a
  // page break inside a wrapped header (blank lines, a page number, a form feed) parts nothing.
  const lines = [...new Set(placed.map((p) => p.at.line))].sort((x, y) => x - y);
  const above = (line: number | undefined, by: number): number | undefined => (line === undefined ? undefined : lines[lines.indexOf(line) - by]);
  for (const cur of placed) {
    // The line above, or the one above that when a header cell centred between them (`信息内容`) stands
    // alone on the line in between.
    let lineAbove = onLine(above(cur.at.line, 1));
    if (lineAbove.length === 1 && solid(match(lineAbove[0]!.t))) lineAbove = onLine(above(cur.at.line, 2));
    const own = placed.filter((p) => p.at.line === cur.at.line);
    const alone = own.length === 1;
    // Under the same columns; the same cell of a line with as many cells (a PDF's cells lose their
    // columns to tabs); or, for a piece alone on its line, any unfinished label of the line above.
    const sameIndex = own.length === lineAbove.length ? lineAbove[own.indexOf(cur)] : undefined;
    const under = lineAbove.filter((o) => o.at.from < cur.at.to && cur.at.from < o.at.to);
    // The last label of a line and the last of the line above stand in the row label column, whatever
    // their offsets (a wrapped closing quote before one shifts it: `” 4.保护第三方合 法权` / `益`).
    const lastOfLine = own[own.length - 1] === cur ? lineAbove.reduce<Entry | undefined>((r, o) => (!r || o.at.from > r.at.from ? o : r), undefined) : undefined;
    const candidates = [...under, ...(sameIndex ? [sameIndex] : []), ...(alone ? lineAbove : []), ...(lastOfLine ? [lastOfLine] : [])];
    const over =
      candidates.find((o) => {
        const joined = rank(match(joinPieces(o.t, cur.t)));
        return joined > 0 && joined > rank(match(o.t));
      }) ??
      // Under the same columns, the beginning of a label grown by a piece that keeps it one.
      under.find((o) => rank(match(o.t)) === 0 && begins(o.t) && begins(joinPieces(o.t, cur.t)));
    if (over) {
      over.t = joinPieces(over.t, cur.t);
      // It keeps its line: the other cells of that line still pair with the next line's by position.
      over.at = { line: over.at.line, from: Math.min(over.at.from, cur.at.from), to: Math.max(over.at.to, cur.at.to) };
      over.last = cur.at.line;
      over.parts.push({ t: cur.t, index: cur.index });
      continue;
    }
    out.push({ t: cur.t, at: cur.at, last: cur.at.line, parts: [{ t: cur.t, index: cur.index }] });
  }
  // A trial join no piece finished: its pieces again, each in its place.
  const kept: Array<{ t: Token; index: number }> = [];
  for (const o of out) {
    if (o.parts.length > 1 && rank(match(o.t)) === 0) kept.push(...o.parts);
    else kept.push({ t: o.t, index: o.parts[0]!.index });
  }
  return kept.sort((x, y) => x.index - y.index).map((k) => k.t);
}

/** One label token from two pieces of text on different lines, keeping where each piece is. */
function joinPieces(first: Token, piece: Token): Token {
  return joinTokens([first, piece]);
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
    // Table 四's numbers follow its header in one run; numbers after more words are the sentences after it.
    if (values.length === 0) values.push(...row.tokens.slice(last + 1));
    else break;
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
    for (const { m } of readLabels(b, texts, false)) {
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
    if (b.losesCells || dataRow.tokens.some((t) => t.run)) b.pending.set(whole, dataRow.tokens);
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
    return { rows: streamRows(region.blocks, (t) => startsTable(t, region.table)), mode: 'stream' };
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
  /** The view came from a PDF: its rows are rebuilt from glyph positions, labels centred on their lines. */
  fromPdf = false,
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
  const lineBlocks = region.blocks.filter((x): x is LineBlock => x.kind === 'line' && x.cells.length > 1);
  const spaceAligned = mode === 'row-per-line' && lineBlocks.length > 0 && lineBlocks.every((x) => x.aligned === true);
  const losesCells = mode === 'stream' || spaceAligned || (fromPdf && mode !== 'grid');
  const b: Builder = { spec, format, lines, table, tolerances, columnAt: new Map(), pending: new Map(), spaceAligned, losesCells };
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
    if (table.mode !== 'grid') nameless(table, spec, b.losesCells);
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
  recoverPending(b);
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

const DIGIT_RUN = /^\d+(?:\.\d+)?$/u;

/**
 * The pending rows the format's identities read in exactly one way: digits run together split into
 * cells, numbers broken over lines joined (recover/split.ts). Each row so read gets its cells, marked
 * `recovered`; the rest stay pending. Rows already placed take part in the column identities.
 */
function recoverPending(b: Builder): void {
  const { table, spec } = b;
  const inputs: Array<{ node: RowNode; tokens: Token[]; row: RunRow }> = [];
  for (const [node, values] of b.pending) {
    const tokens = values.filter((t) => t.kind !== 'blank');
    const runs = tokens.map((t) => t.text.normalize('NFKC').replace(/(?:万元|亿元|元)$/u, ''));
    if (tokens.length === 0 || runs.some((r) => !DIGIT_RUN.test(r))) continue;
    const ids = node.id !== undefined ? node.id : spec.layout === 'singleRow' ? spec.rows.map((r) => r.id) : undefined;
    if (ids === undefined || (node.id !== undefined && node.duplicate)) continue;
    const runTogether = tokens.some((t) => t.run);
    // Numbers each on a line of their own may be one number broken over two lines; digits run together
    // may hold several cells. A row of the first kind is never split, one of the second never joined.
    inputs.push({ node, tokens, row: { id: ids, runs, joinable: !runTogether, splittable: runTogether } });
  }
  if (inputs.length === 0) return;
  const fixed = new Map<string, Array<number | null>>();
  for (const row of table.rows) {
    if (row.id === undefined || row.duplicate || row.shape !== 'ok' || b.pending.has(row)) continue;
    const columns = spec.rows.find((r) => r.id === row.id)?.columns ?? [];
    fixed.set(row.id, columns.map((c) => row.cells.find((cell) => cell.column === c)?.value ?? null));
  }
  const result = recoverSplits(spec, b.format.identities, inputs.map((i) => i.row), fixed);
  for (const { node, tokens, row } of inputs) {
    const ids = typeof row.id === 'string' ? [row.id] : [...row.id];
    const readings = ids.map((id) => result.rows.get(id));
    if (readings.some((r) => r?.status !== 'settled')) continue;
    const cells: CellNode[] = [];
    for (const [k, id] of ids.entries()) {
      const reading = readings[k]! as Extract<NonNullable<typeof readings[number]>, { status: 'settled' }>;
      const columns = spec.rows.find((r) => r.id === id)?.columns ?? [];
      reading.values.forEach((value, i) => {
        const place = reading.cells[i]!;
        const first = tokens[place.firstRun]!;
        const last = tokens[place.lastRun]!;
        // A run's text is its source; a cell cut out of it points at its own digits.
        const start = first.end - first.start === first.text.length ? first.start + place.start : first.start;
        const end = last.end - last.start === last.text.length ? last.start + place.end : last.end;
        const text = b.lines.text.slice(start, end);
        const cell: CellNode = { text, span: b.lines.span(start, end), kind: 'number', value, column: `${spec.layout === 'singleRow' ? `${id}.` : ''}${columns[i]!}` };
        if (place.recovered) cell.recovered = place.recovered;
        cells.push(cell);
      });
    }
    b.pending.delete(node);
    if (spec.layout === 'singleRow') {
      // Table 四's data row: place its cells in the three rows, as a whole row is placed.
      table.unrecognized.splice(table.unrecognized.indexOf(node), 1);
      for (const r of spec.rows) {
        const own = cells.filter((c) => c.column!.startsWith(`${r.id}.`)).map((c) => ({ ...c, column: c.column!.slice(r.id.length + 1) }));
        const first = own[0]!.span.start.offset;
        const last = own[own.length - 1]!.span.end.offset;
        const rowNode: RowNode = { id: r.id, cells: own, span: b.lines.span(first, last), expectedCells: r.columns.length, shape: 'ok', duplicate: false };
        table.rows.push(rowNode);
      }
      table.missingRows = [];
      continue;
    }
    node.cells = cells;
    node.shape = 'ok';
  }
}

/**
 * Rows of numbers the reader could not name beside rows of the format it could not find: in a layout
 * without a grid that is a label the reading lost (wrapped around another, centred between lines), not
 * a table missing one row and holding another nobody knows. Said once, as unreadable, rather than as
 * two shape errors; a group written as one row of numbers (`（六）其他处理` in a 2021 table) stays table-shape's.
 */
function nameless(table: TableNode, spec: TableSpec, losesCells: boolean): void {
  if (table.missingRows.length === 0) return;
  const groupOf = new Map(spec.rows.map((r) => [r.id, r.group]));
  const found = new Set(table.rows.map((r) => r.id));
  // A group label with numbers of its own is the other format's single row (2019's `（六）其他处理`) only
  // when none of the group's rows is there; beside some of them it is a label the reading misplaced.
  // A group the other format has as a row (`（六）其他处理`) may be that fault; any other group holding
  // numbers (`（四）无法提供`) is a label the reading misplaced.
  const rowElsewhere = (label: string): boolean =>
    Object.values(FORMATS).some((f) => f.tables[spec.id].rows.some((x) => normalizeLabel(x.label) === normalizeLabel(label)));
  const misplacedGroup = (r: RowNode): boolean =>
    r.label?.role === 'group' && (spec.rows.some((x) => x.group === r.label!.match.id && found.has(x.id)) || !rowElsewhere(r.label.match.canonical));
  const strays = table.unrecognized.filter((r) => r.shape !== 'unplaced' && r.cells.some((c) => c.kind !== 'blank') && (r.label?.role !== 'group' || misplacedGroup(r)));
  // Where the layout parts labels from numbers (a PDF, aligned text, a stream), a row read twice is the
  // same kind of loss.
  if (losesCells) for (const r of table.rows) if (r.duplicate && r.shape !== 'unplaced') strays.push(r);
  if (strays.length === 0) return;
  const unreadable: NonNullable<TableNode['unreadable']> = table.unreadable ?? { reasons: [], rows: [] };
  if (!unreadable.reasons.includes('unnamed-rows')) unreadable.reasons.push('unnamed-rows');
  for (const r of strays) {
    r.shape = 'unplaced';
    const numbers = r.cells.filter((c) => c.kind !== 'blank');
    unreadable.rows.push({ label: '', found: numbers.length, expected: r.expectedCells, text: numbers.map((c) => c.text).join(' '), span: r.span });
  }
  const explained = new Set(table.missingRows.filter((id) => !table.unrecognized.some((u) => u.label?.role === 'group' && u.label.match.id === groupOf.get(id))).slice(0, strays.length));
  table.missingRows = table.missingRows.filter((id) => !explained.has(id));
  unreadable.rows.sort((x, y) => x.span.start.offset - y.span.start.offset);
  table.unreadable = unreadable;
}
