/**
 * The view a template renders: every label, heading and notice taken from the format data, every value
 * from the report data (escaped), tables laid out as rows of cell texts. Templates only arrange it.
 */
import { canonicalHeading, cjkNumeral, FORMATS, SECTIONS, type CellValue, type FormatSpec, type ReportData, type SectionId, type TableData, type TableSpec } from '@nianbao/format';
import { escapeDeep, markdownUrl } from './escape.js';

export interface SectionView {
  id: SectionId;
  heading: string;
  title: string;
  /** What the section must say (format.md §2), for the 待填写 guidance. */
  contents: string;
  subheads: string[];
}

export interface TableView {
  /** Rows of cell texts, the first row being the GFM header row. */
  rows: string[][];
  /** The GFM delimiter row for as many columns. */
  delimiter: string;
}

export interface ReportView {
  data: ReportData;
  title: string;
  agency: string;
  reportYear: number;
  nextYear: number;
  notice: string;
  period: { start: string | null; end: string | null };
  sectionNames: string;
  sections: Record<SectionId, SectionView>;
  tables: Record<'activeDisclosure' | 'applications' | 'reviewLitigation', TableView>;
  contact: { unit?: string; address?: string; postcode?: string; phone?: string; email?: string; website?: string } | null;
  hasContactDetails: boolean;
  fee: { stated: boolean; collected: boolean; amountYuan: number | null };
  feeRequired: boolean;
  publicationDate: string | null;
  summary: Record<string, CellValue>;
}

/** A cell's text: integers as they are, amounts as written, a blank as nothing. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

function delimiter(columns: number): string {
  return `|${' --- |'.repeat(columns)}`;
}

function activeDisclosureView(spec: TableSpec, data: TableData): TableView {
  const width = 1 + Math.max(...spec.blocks.map((b) => b.columns.length));
  const pad = (cells: string[]): string[] => [...cells, ...Array.from({ length: width - cells.length }, () => '')];
  const columnLabel = (id: string): string => spec.columns.find((c) => c.id === id)!.label;
  const rows: string[][] = [];
  for (const block of spec.blocks) {
    rows.push(pad([block.label]));
    rows.push(pad([spec.headerTexts[0] ?? '', ...block.columns.map(columnLabel)]));
    for (const rowId of block.rows) {
      const row = spec.rows.find((r) => r.id === rowId)!;
      rows.push(pad([row.label, ...row.columns.map((c) => cellText(data[row.id]?.[c]))]));
    }
  }
  return { rows, delimiter: delimiter(width) };
}

function applicationsView(spec: TableSpec, data: TableData): TableView {
  const groups = new Map(spec.groups.map((g) => [g.id, g]));
  const columns = spec.columns;
  const labels = 3;
  const width = labels + columns.length;
  const applicants = spec.groups.find((g) => g.spansColumns && !g.parent);
  const legal = spec.groups.find((g) => g.spansColumns && g.parent !== undefined);
  const header1 = [spec.headerTexts[0] ?? '', '', '', applicants?.label ?? '', ...Array.from({ length: columns.length - 1 }, () => '')];
  const header2 = ['', '', '', ...columns.map((c, i) => (c.group ? (columns.findIndex((x) => x.group === c.group) === i ? (legal?.label ?? '') : '') : c.label))];
  const header3 = ['', '', '', ...columns.map((c) => (c.group ? c.label : ''))];
  const rows: string[][] = [header1, header2, header3];
  const shown = new Set<string>();
  for (const row of spec.rows) {
    const group = row.group ? groups.get(row.group) : undefined;
    const top = group?.parent ? groups.get(group.parent) : group;
    const label: string[] = ['', '', ''];
    if (!group) label[0] = row.label;
    else {
      // Each spanning label is written once, on the first row it spans.
      if (top && !shown.has(top.id)) {
        label[0] = top.label;
        shown.add(top.id);
      }
      if (group.parent) {
        if (!shown.has(group.id)) {
          label[1] = group.label;
          shown.add(group.id);
        }
        label[2] = row.label;
      } else label[1] = row.label;
    }
    rows.push([...label, ...row.columns.map((c) => cellText(data[row.id]?.[c]))]);
  }
  return { rows, delimiter: delimiter(width) };
}

function reviewLitigationView(spec: TableSpec, data: TableData): TableView {
  const outcomes = spec.columns.map((c) => c.label);
  const [review, direct, afterReview] = spec.rows;
  const litigation = spec.groups.find((g) => g.spansColumns);
  const blank = (n: number): string[] => Array.from({ length: n }, () => '');
  const rows = [
    [review!.label, ...blank(outcomes.length - 1), litigation?.label ?? '', ...blank(2 * outcomes.length - 1)],
    [...outcomes, direct!.label, ...blank(outcomes.length - 1), afterReview!.label, ...blank(outcomes.length - 1)],
    [...blank(outcomes.length), ...outcomes, ...outcomes],
    spec.rows.flatMap((r) => r.columns.map((c) => cellText(data[r.id]?.[c]))),
  ];
  return { rows, delimiter: delimiter(rows[0]!.length) };
}

/** Totals the computed sentences state, read from the (already reconciled) tables. */
function summaryOf(format: FormatSpec, data: ReportData): Record<string, CellValue> {
  const t = data.tables.applications;
  const sum = (group: string): CellValue => {
    const rows = format.tables.applications.rows.filter((r) => r.group === group);
    let total = 0;
    for (const r of rows) {
      const v = t[r.id]?.['total'];
      if (v === null || v === undefined) return null;
      total += v;
    }
    return rows.length > 0 ? total : null;
  };
  const total = (row: string): CellValue => t[row]?.['total'] ?? null;
  return {
    received: total('newReceived'),
    carriedOver: total('carriedOver'),
    handled: total('handledTotal'),
    carriedForward: total('carriedForward'),
    disclosed: total('disclosed'),
    partiallyDisclosed: total('partiallyDisclosed'),
    withheld: sum('withheld'),
    unavailable: sum('unavailable'),
    notProcessed: sum('notProcessed'),
    reviews: data.tables.reviewLitigation['review']?.['total'] ?? null,
  };
}

/** The view of a validated report (totals already computed). */
export function reportView(raw: ReportData): ReportView {
  const format = FORMATS[raw.formatYear];
  const data = escapeDeep(raw);
  const sections = Object.fromEntries(
    SECTIONS.map((s) => [
      s.id,
      {
        id: s.id,
        heading: canonicalHeading(s),
        title: s.title,
        contents: s.contents.zh,
        subheads: s.subheads.map((h, i) => `（${cjkNumeral(i + 1)}）${h}`),
      },
    ]),
  ) as Record<SectionId, SectionView>;
  const contact = data.contact ? { ...data.contact, ...(raw.contact?.website ? { website: markdownUrl(raw.contact.website) } : {}) } : null;
  return {
    data,
    title: data.title ?? `${data.agency.name ?? ''}${data.reportYear}年政府信息公开工作年度报告`,
    agency: data.agency.name ?? '',
    reportYear: data.reportYear,
    nextYear: data.reportYear + 1,
    notice: format.notice,
    period: data.period ? { start: data.period.start, end: data.period.end } : { start: `${data.reportYear}-01-01`, end: `${data.reportYear}-12-31` },
    sectionNames: SECTIONS.map((s) => s.title).join('、'),
    sections,
    tables: {
      activeDisclosure: activeDisclosureView(format.tables.activeDisclosure, raw.tables.activeDisclosure),
      applications: applicationsView(format.tables.applications, raw.tables.applications),
      reviewLitigation: reviewLitigationView(format.tables.reviewLitigation, raw.tables.reviewLitigation),
    },
    contact,
    hasContactDetails: contact !== null && (contact.address !== undefined || contact.postcode !== undefined || contact.phone !== undefined || contact.email !== undefined),
    fee: {
      stated: raw.processingFee !== null,
      collected: raw.processingFee?.collected === true,
      amountYuan: raw.processingFee?.amountYuan ?? null,
    },
    feeRequired: format.feeStatementRequired,
    publicationDate: raw.publicationDate,
    summary: summaryOf(format, raw),
  };
}
