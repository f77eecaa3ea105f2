import {
  evaluate,
  fillTemplate,
  identityPlaces,
  localize,
  placeLabel,
  tableGrid,
  tableName,
  termLabel,
  type Evaluation,
  type FormatSpec,
  type GridCell,
  type Locale,
  type TermCell,
} from '@nianbao/format';
import type { Diagnostic } from '@nianbao/lint';
import { esc } from './escape.js';
import { rt } from './messages.js';
import type { SnapshotCell, SnapshotTable } from './snapshot.js';

/** A finding of the file with its number in the file's list, which the cells it marks show. */
export interface NumberedFinding {
  n: number;
  d: Diagnostic;
}

export interface TableView {
  format: FormatSpec;
  table: SnapshotTable;
  /** Last year's tables, for the cross-year identities. */
  previous?: readonly SnapshotTable[];
  findings: readonly NumberedFinding[];
  locale: Locale;
  /** The anchor prefix of the file's findings (`f3-`). */
  anchor: string;
}

const key = (row: string, column: string): string => `${row}\u0000${column}`;

/** Whether a finding points at this cell: the identity rules point at the total's cell, cell rules at their cell. */
function pointsAt(d: Diagnostic, cell: SnapshotCell): boolean {
  if (d.startOffset === cell.start && d.endOffset === cell.end) return true;
  return d.startOffset >= cell.start && d.endOffset <= cell.end && d.startOffset < cell.end;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** How an identity's sum reads: each term's label and value with its sign, then the side's total. */
function sideText(format: FormatSpec, e: Evaluation, side: 'left' | 'right', locale: Locale): string {
  const terms = e.terms.filter((t) => t.side === side);
  const text = terms
    .map((t, i) => {
      const sign = t.term.sign === -1 ? (i === 0 ? '−' : ' − ') : i === 0 ? '' : ' + ';
      const last = t.term.previousYear ? rt(locale, 'lastYear') : '';
      return `${sign}${last}${termLabel(format, e.identity, t.term.ref)} ${t.value ?? '—'}`;
    })
    .join('');
  const sum = side === 'left' ? e.left : e.right;
  return terms.length > 1 && sum !== undefined ? `${text} = ${sum}` : text;
}

/** The identity with its terms, sums and difference, as the hover of a failing total shows it. */
function evaluationHtml(format: FormatSpec, e: Evaluation, view: TableView): string {
  const { locale } = view;
  const formula = fillTemplate(localize(locale, e.identity.description), { table: tableName(format.tables[e.identity.table], locale) });
  const place = rt(locale, 'at', { place: placeLabel(format, e.identity, e.place) });
  return [
    `<span class="formula">${esc(formula)}</span>`,
    `<span class="terms">${esc(place)}${esc(sideText(format, e, 'left', locale))}；${esc(sideText(format, e, 'right', locale))}</span>`,
    `<span class="diff">${esc(rt(locale, 'sums', { left: e.left ?? '—', right: e.right ?? '—', diff: Math.abs(e.difference ?? 0) }))}</span>`,
  ].join('');
}

/**
 * The identities of the findings' rules that fail with this cell among their terms, evaluated by the
 * format's one evaluator over the cells as lint read them.
 */
function failingIdentities(view: TableView, cell: SnapshotCell, findings: readonly NumberedFinding[], lookup: (c: TermCell) => number | undefined): Evaluation[] {
  const rules = new Set(findings.map((f) => f.d.ruleId));
  const out: Evaluation[] = [];
  for (const identity of view.format.identities) {
    if (identity.table !== view.table.id || !rules.has(identity.rule)) continue;
    for (const place of identityPlaces(view.format, identity)) {
      const e = evaluate(identity, place, lookup);
      if (e.difference === undefined || e.difference === 0) continue;
      if (e.terms.some((t) => !t.cell.previousYear && t.cell.row === cell.row && t.cell.column === cell.column)) out.push(e);
    }
  }
  return out;
}

function valueText(cell: SnapshotCell | undefined, locale: Locale): string {
  if (!cell) return '';
  switch (cell.state) {
    case 'number':
      return esc(String(cell.value));
    case 'text':
      return esc(cell.text);
    case 'unplaced':
      return esc(rt(locale, 'unplaced'));
    case 'blank':
      return '';
  }
}

/**
 * One table of a report drawn as the format prints it (the format's grid: merged headers and labels),
 * its numbers as read, and each cell a finding points at coloured by its worst severity, numbered like
 * the file's findings, with the findings and the failing identity in a hover box.
 */
export function tableHtml(view: TableView): string {
  const spec = view.format.tables[view.table.id];
  const grid = tableGrid(spec);
  const cells = new Map(view.table.cells.map((c) => [key(c.row, c.column), c]));
  const previous = new Map((view.previous?.find((t) => t.id === view.table.id)?.cells ?? []).map((c) => [key(c.row, c.column), c]));
  const lookup = (c: TermCell): number | undefined => {
    const found = (c.previousYear ? previous : cells).get(key(c.row, c.column));
    return found?.state === 'number' && found.value !== null ? found.value : undefined;
  };
  const active = view.findings.filter((f) => !f.d.suppressed);
  const td = (g: GridCell): string => {
    const span = `${g.colSpan > 1 ? ` colspan="${g.colSpan}"` : ''}${g.rowSpan > 1 ? ` rowspan="${g.rowSpan}"` : ''}`;
    if (g.role === 'title') return `<th class="block"${span}>${esc(g.text)}</th>`;
    if (g.role === 'header') return `<th${span}>${esc(g.text)}</th>`;
    if (g.role === 'label') return `<th class="label" scope="row"${span}>${esc(g.text)}</th>`;
    const cell = cells.get(key(g.row!, g.column!));
    const state = cell?.state ?? 'missing';
    const attrs = `data-row="${esc(g.row!)}" data-column="${esc(g.column!)}"${span}`;
    const marked = cell ? active.filter((f) => pointsAt(f.d, cell)) : [];
    if (marked.length === 0) return `<td class="${state}" ${attrs}>${valueText(cell, view.locale)}</td>`;
    const worst = [...marked].sort((a, b) => RANK[a.d.severity] - RANK[b.d.severity])[0]!.d.severity;
    const marks = marked.map((f) => `<a href="#${view.anchor}${f.n}">${f.n}</a>`).join(',');
    const messages = marked.map((f) => `<span class="msg">${f.n}. ${esc(f.d.message)}</span>`).join('');
    const identities = failingIdentities(view, cell!, marked, lookup)
      .map((e) => evaluationHtml(view.format, e, view))
      .join('');
    return `<td class="${state} fail fail-${worst}" tabindex="0" ${attrs}>${valueText(cell, view.locale)}<sup>${marks}</sup><span class="tip" role="tooltip">${messages}${identities}</span></td>`;
  };
  const rows = grid.rows.map((row) => `<tr>${row.map(td).join('')}</tr>`).join('\n');
  return `<table class="grid grid-${esc(spec.layout)}" data-table="${esc(spec.id)}">\n<caption>${esc(tableName(spec, view.locale))}　${esc(spec.title)}</caption>\n${rows}\n</table>`;
}
