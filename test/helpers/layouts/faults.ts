/**
 * The recorded faults, injected into valid data or its composed document, each with the lint rule
 * that must report it. Data faults (a wrong total, a blank cell) change the data and the document is
 * composed from it; document faults (a wrong year, a misspelt label, a missing section) change the
 * composed document and leave the data as extraction should still give it.
 */
import { FORMATS, isTotalCell, type ReportData, type TableData } from '@nianbao/format';
import { compose } from './compose.js';
import type { LayoutDocument } from './document.js';
import type { LayoutId } from './layouts.js';
import { Rng } from './prng.js';

export type FaultKind = 'wrong-total' | 'blank-cell' | 'wrong-year' | 'misspelt-label' | 'missing-section';

export const FAULT_KINDS: readonly FaultKind[] = ['wrong-total', 'blank-cell', 'wrong-year', 'misspelt-label', 'missing-section'];

export interface InjectedFault {
  kind: FaultKind;
  /** The lint rule whose finding the fault must give (and the only error rule it should). */
  rule: string;
  /** What extraction should give: the changed data for data faults, the original otherwise. */
  data: ReportData;
  /** The document to write, fault included. */
  doc: LayoutDocument;
  where: 'data' | 'document';
  /** What was changed, for failure messages. */
  detail: string;
  /** Layouts that cannot carry the fault as such (a crawl drops empty cells). */
  unsupportedLayouts: readonly LayoutId[];
}

export interface FaultOptions {
  /** The compose seed; the fault seed when absent. */
  composeSeed?: number;
}

const cellsOf = (table: TableData, row: string): Record<string, number | null> => table[row] as Record<string, number | null>;

/**
 * A 总计 that breaks exactly one rule. row-total: 一、本年新收 and 四、结转 totals both raised, so the
 * total column still balances. balance: one column's 结转 and the row's total raised together, so the
 * row still adds up but its column (and the total column) no longer balance.
 */
function wrongTotal(data: ReportData, rng: Rng): { data: ReportData; rule: string; detail: string } {
  const out = structuredClone(data);
  const t = out.tables.applications;
  const k = rng.int(1, 9);
  const format = FORMATS[data.formatYear];
  const balance = format.identities.find((i) => i.table === 'applications' && i.rule === 'balance')!;
  const rowTotal = format.identities.find((i) => i.table === 'applications' && i.rule === 'row-total')!;
  const total = rowTotal.left[0]!.ref;
  const received = balance.left[0]!.ref;
  const forward = balance.right[1]!.ref;
  if (rng.chance(0.5)) {
    cellsOf(t, received)[total] = (cellsOf(t, received)[total] ?? 0) + k;
    cellsOf(t, forward)[total] = (cellsOf(t, forward)[total] ?? 0) + k;
    return { data: out, rule: rowTotal.rule, detail: `${received}.${total} and ${forward}.${total} raised by ${k}` };
  }
  const column = rng.pick(rowTotal.right.map((r) => r.ref));
  cellsOf(t, forward)[column] = (cellsOf(t, forward)[column] ?? 0) + k;
  cellsOf(t, forward)[total] = (cellsOf(t, forward)[total] ?? 0) + k;
  return { data: out, rule: balance.rule, detail: `${forward}.${column} and ${forward}.${total} raised by ${k}` };
}

/** A Table 三 applicant cell or a Table 二 cell left blank; never a total or a cell the prose states. */
function blankCell(data: ReportData, rng: Rng): { data: ReportData; detail: string } {
  const out = structuredClone(data);
  const format = FORMATS[data.formatYear];
  const parts = format.identities.find((i) => i.table === 'applications' && i.rule === 'row-total')!.right.map((r) => r.ref);
  if (rng.chance(0.6)) {
    const column = rng.pick(parts);
    const row = rng.pick(format.tables.applications.rows.filter((r) => !isTotalCell(format, 'applications', r.id, column))).id;
    cellsOf(out.tables.applications, row)[column] = null;
    return { data: out, detail: `applications.${row}.${column} blank` };
  }
  const rows = format.tables.activeDisclosure.rows.filter((r) => r.id !== 'normativeDocuments');
  const row = rng.pick(rows);
  const column = rng.pick(row.columns);
  cellsOf(out.tables.activeDisclosure, row.id)[column] = null;
  return { data: out, detail: `activeDisclosure.${row.id}.${column} blank` };
}

/** A prose year one less than the report's: the preamble's 总结…年 or section 一's opening year. */
function wrongYear(doc: LayoutDocument, rng: Rng): string {
  const y = doc.reportYear;
  const overview = doc.sections.find((s) => s.id === 'overview');
  const opening = overview?.blocks[0];
  if (opening?.kind === 'paragraph' && opening.text.startsWith(`${y}年，`) && rng.chance(0.5)) {
    opening.text = `${y - 1}年，${opening.text.slice(`${y}年，`.length)}`;
    return `section 一 opens with ${y - 1}年`;
  }
  const i = doc.preamble.findIndex((p) => p.includes(`总结${y}年`));
  if (i < 0) throw new Error('the preamble has no 总结…年 sentence to change');
  doc.preamble[i] = doc.preamble[i]!.replace(`总结${y}年`, `总结${y - 1}年`);
  return `preamble sums up ${y - 1}年`;
}

/** One label cell written with a deviation the format records (`不再处理` → `不在处理`). */
function misspeltLabel(doc: LayoutDocument, data: ReportData, rng: Rng): string {
  const cells = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? b.grid.rows.flat() : [])));
  const candidates = FORMATS[data.formatYear].labelDeviations.flatMap((d) => cells.filter((c) => c.text.includes(d.canonical)).map((c) => ({ d, c })));
  const { d, c } = rng.pick(candidates);
  c.text = c.text.replace(d.canonical, d.found);
  return `label “${c.text}” (${d.canonical} → ${d.found})`;
}

/** One section without a table dropped; 六 only where no fee statement is due (else fee-statement fires too). */
function missingSection(doc: LayoutDocument, data: ReportData, rng: Rng): string {
  const droppable = ['overview', 'problems', ...(FORMATS[data.formatYear].feeStatementRequired ? [] : ['otherMatters'])];
  const id = rng.pick(droppable);
  doc.sections = doc.sections.filter((s) => s.id !== id);
  return `section ${id} dropped`;
}

export function injectFault(data: ReportData, kind: FaultKind, seed: number, options: FaultOptions = {}): InjectedFault {
  const rng = new Rng(seed ^ 0x5bd1e995);
  const composeSeed = options.composeSeed ?? seed;
  switch (kind) {
    case 'wrong-total': {
      const f = wrongTotal(data, rng);
      return { kind, rule: f.rule, data: f.data, doc: compose(f.data, { seed: composeSeed }), where: 'data', detail: f.detail, unsupportedLayouts: [] };
    }
    case 'blank-cell': {
      const f = blankCell(data, rng);
      // Crawls, flattened pages, copies without tabs, aligned text and PDFs show no empty cell: the row is short, not blank.
      return { kind, rule: 'cell-blank', data: f.data, doc: compose(f.data, { seed: composeSeed }), where: 'data', detail: f.detail, unsupportedLayouts: ['crawl', 'one-line', 'cell-per-line', 'space-aligned', 'pdf'] };
    }
    case 'wrong-year': {
      const doc = compose(data, { seed: composeSeed });
      return { kind, rule: 'year-mismatch', data, doc, where: 'document', detail: wrongYear(doc, rng), unsupportedLayouts: [] };
    }
    case 'misspelt-label': {
      const doc = compose(data, { seed: composeSeed });
      return { kind, rule: 'table-label', data, doc, where: 'document', detail: misspeltLabel(doc, data, rng), unsupportedLayouts: [] };
    }
    case 'missing-section': {
      const doc = compose(data, { seed: composeSeed });
      return { kind, rule: 'section-missing', data, doc, where: 'document', detail: missingSection(doc, data, rng), unsupportedLayouts: [] };
    }
  }
}
