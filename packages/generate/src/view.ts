/**
 * The view a template renders: every label, heading and notice taken from the format data, every value
 * from the report data (escaped), tables laid out as rows of cell texts. Templates only arrange it.
 */
import { canonicalHeading, cjkNumeral, FORMATS, gridSlots, quantityValue, SECTIONS, SUMMARY_QUANTITIES, tableGrid, tableName, type CellValue, type FormatSpec, type ReportData, type SectionId, type TableData, type TableSpec } from '@nianbao/format';
import { escapeDeep } from './escape.js';

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
  /** How the text names each table (`表三`), for the guidance comments. */
  tableNames: Record<'activeDisclosure' | 'applications' | 'reviewLitigation', string>;
  /**
   * The contact details, `{}` when the data has none: templates run in Handlebars' strict mode, where
   * `{{contact.unit}}` on a null contact throws. `hasContact` says whether the data gave any.
   */
  contact: { unit?: string; address?: string; postcode?: string; phone?: string; email?: string; website?: string };
  hasContact: boolean;
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

/** A table of the format as Markdown rows: the format's grid, its value cells filled from the data. */
function tableView(spec: TableSpec, data: TableData): TableView {
  const grid = tableGrid(spec);
  return { rows: gridSlots(grid, (row, column) => cellText(data[row]?.[column])), delimiter: delimiter(grid.width) };
}

/** The figures the computed sentences state: the format's summary quantities, read from the (already reconciled) tables. */
function summaryOf(format: FormatSpec, data: ReportData): Record<string, CellValue> {
  return Object.fromEntries(SUMMARY_QUANTITIES.map((q) => [q.id, quantityValue(q, format, (table, row, column) => data.tables[table][row]?.[column])]));
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
  // The website is escaped like every string: an address in it is an autolink that ends where it does.
  const contact = data.contact ? { ...data.contact } : null;
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
      activeDisclosure: tableView(format.tables.activeDisclosure, raw.tables.activeDisclosure),
      applications: tableView(format.tables.applications, raw.tables.applications),
      reviewLitigation: tableView(format.tables.reviewLitigation, raw.tables.reviewLitigation),
    },
    tableNames: {
      activeDisclosure: tableName(format.tables.activeDisclosure, 'zh'),
      applications: tableName(format.tables.applications, 'zh'),
      reviewLitigation: tableName(format.tables.reviewLitigation, 'zh'),
    },
    contact: contact ?? {},
    hasContact: contact !== null,
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
