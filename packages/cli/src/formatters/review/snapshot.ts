import { FORMATS, TABLE_IDS, agencyKindFromName, formatsOf, type AgencyKind, type FormatYear, type TableId } from '@nianbao/format';
import { placedRows, tableOf } from '@nianbao/lint';
import { documentLocator, type ReportDocument, type Span } from '@nianbao/parse';

/**
 * What the review page needs of a parsed report beyond its findings: who wrote it, for which year, and
 * every cell of its tables with where it stands in the file. Plain data, so that a worker thread that
 * parsed the report can send it with the findings, and small, so that a folder run keeps no models.
 */
export interface ReportSnapshot {
  agency: string | null;
  agencyKind: AgencyKind | null;
  reportYear: number | null;
  /** The format the tables follow, as read. */
  formatYear: FormatYear;
  publicationDate: string | null;
  /** The tables found, each with a cell for every row and column of the format that was found. */
  tables: SnapshotTable[];
  /** Last year's cells the cross-year identities read, when the report was linted with last year's. */
  previous?: { file?: string; tables: SnapshotTable[] };
}

export interface SnapshotTable {
  id: TableId;
  cells: SnapshotCell[];
}

/**
 * `number`: a number as the identities read it; `blank`: left empty; `text`: words, no number;
 * `unplaced`: in a row whose numbers the reader could not place (or of the wrong shape): not judged.
 */
export type CellState = 'number' | 'blank' | 'text' | 'unplaced';

export interface SnapshotCell {
  row: string;
  column: string;
  state: CellState;
  /** The number, for a `number` cell. */
  value: number | null;
  /** As written in the report (for an unplaced cell, its row as found). */
  text: string;
  /** 0-based offsets in the file, as findings give theirs (`startOffset`, `endOffset`): how a finding finds its cell. */
  start: number;
  end: number;
}

type Offsets = (span: Span) => { start: number; end: number };

/** Offsets of the file itself, as the lint engine computes a finding's: a page's are in its HTML. */
function offsetsOf(document: ReportDocument): Offsets {
  const locate = document.source.origin || document.source.places ? documentLocator(document) : undefined;
  return (span) => {
    if (!locate) return { start: span.start.offset, end: span.end.offset };
    const r = locate(span.start.offset, span.end.offset);
    return { start: r.start.offset, end: r.end.offset };
  };
}

/** A table's cells the way the identity rules read them (lint's `placedRows`), so page and findings agree. */
function tableCells(document: ReportDocument, id: TableId, formatYear: FormatYear, offsets: Offsets): SnapshotTable | undefined {
  const table = tableOf(document, id);
  if (!table || !table.hasData) return undefined;
  const spec = FORMATS[formatYear].tables[id];
  const placed = placedRows(table);
  const cells: SnapshotCell[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    if (row.id === undefined || seen.has(row.id)) continue;
    seen.add(row.id);
    const rowSpec = spec.rows.find((r) => r.id === row.id);
    if (!rowSpec) continue;
    const ok = placed.get(row.id);
    if (!ok) {
      // Numbers the reader could not place are no cell's: the whole row is shown as unreadable.
      const where = offsets(row.span);
      const text = row.cells.map((c) => c.text).join(' ');
      for (const column of rowSpec.columns) cells.push({ row: row.id, column, state: 'unplaced', value: null, text, ...where });
      continue;
    }
    for (const cell of ok.cells) {
      if (cell.column === undefined) continue;
      const state: CellState = cell.kind === 'number' && cell.value !== null ? 'number' : cell.kind === 'blank' ? 'blank' : 'text';
      cells.push({ row: row.id, column: cell.column, state, value: state === 'number' ? cell.value : null, text: cell.text, ...offsets(cell.span) });
    }
  }
  return { id, cells };
}

function tablesOf(document: ReportDocument, formatYear: FormatYear): SnapshotTable[] {
  const offsets = offsetsOf(document);
  return TABLE_IDS.flatMap((id) => {
    const t = tableCells(document, id, formatYear, offsets);
    return t ? [t] : [];
  });
}

/** The snapshot of a parsed report (and of last year's, when it was linted with one). */
export function reportSnapshot(document: ReportDocument, previous?: { document: ReportDocument; file?: string }): ReportSnapshot {
  const formatYear: FormatYear = formatsOf(document).tables.year;
  const agency = document.title?.agency ?? null;
  const snapshot: ReportSnapshot = {
    agency,
    agencyKind: agency ? agencyKindFromName(agency) : null,
    reportYear: document.reportYear ?? null,
    formatYear,
    publicationDate: document.signatureDate?.iso ?? null,
    tables: tablesOf(document, formatYear),
  };
  if (previous) {
    const previousYear = previous.document.tableFormatYear ?? formatYear;
    snapshot.previous = { ...(previous.file !== undefined ? { file: previous.file } : {}), tables: tablesOf(previous.document, previousYear) };
  }
  return snapshot;
}
