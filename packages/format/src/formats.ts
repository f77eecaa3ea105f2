import { identitiesFor } from './identities.js';
import { SECTIONS } from './sections.js';
import { tablesFor } from './tables.js';
import type { FormatSpec, FormatYear, LabelDeviation, RowSpec, SectionId, SectionSpec, TableId, TableSpec } from './types.js';

/** Wordings seen in real tables for part of a label, each with the official one (format.md §4). */
const LABEL_DEVIATIONS: LabelDeviation[] = [
  { found: '社会组织', canonical: '社会公益组织' },
  { found: '其他法律法规禁止公开', canonical: '其他法律行政法规禁止公开' },
  { found: '不在处理', canonical: '不再处理' },
  { found: '只计这一情况', canonical: '只计这一情形' },
  { found: '三类内容事务信息', canonical: '三类内部事务信息' },
];

export const FORMAT_2021: FormatSpec = {
  year: 2021,
  notice: '国办公开办函〔2021〕30号',
  noticeNumber: '〔2021〕30号',
  issued: '2021-09-26',
  appliesFrom: 2021,
  sections: [...SECTIONS],
  tables: tablesFor(2021),
  identities: identitiesFor(2021),
  labelDeviations: LABEL_DEVIATIONS,
  feeStatementRequired: true,
};

export const FORMAT_2019: FormatSpec = {
  year: 2019,
  notice: '国办公开办函〔2019〕60号',
  noticeNumber: '〔2019〕60号',
  appliesFrom: 2019,
  appliesTo: 2020,
  sections: [...SECTIONS],
  tables: tablesFor(2019),
  identities: identitiesFor(2019),
  labelDeviations: LABEL_DEVIATIONS,
  feeStatementRequired: false,
};

/** The words every report title carries after its year (format.md §7: `YYYY年政府信息公开工作年度报告`). */
export const REPORT_TITLE_WORDS = '政府信息公开工作年度报告';

export const FORMATS: Readonly<Record<FormatYear, FormatSpec>> = { 2019: FORMAT_2019, 2021: FORMAT_2021 };
export const FORMAT_YEARS: readonly FormatYear[] = [2019, 2021];
export const TABLE_IDS: readonly TableId[] = ['activeDisclosure', 'applications', 'reviewLitigation'];

/** The format a report for `reportYear` must follow: 〔2019〕60号 for 2019–2020, 〔2021〕30号 from 2021. */
export function formatYearFor(reportYear: number): FormatYear {
  return reportYear <= FORMAT_2019.appliesTo! ? 2019 : 2021;
}

export function formatFor(reportYear: number): FormatSpec {
  return FORMATS[formatYearFor(reportYear)];
}

/**
 * The two formats a report is read against: `report`, the one its year requires (else its tables', else
 * 2021), which its sections and notice are checked against; `tables`, the one its tables follow (the
 * tables as read, else the report's). Lint, extraction, the editor and the writers all choose by this.
 */
export function formatsOf(document: { readonly reportYear?: number | undefined; readonly tableFormatYear?: FormatYear | undefined }): { report: FormatSpec; tables: FormatSpec } {
  const report = formatFor(document.reportYear ?? document.tableFormatYear ?? 2021);
  return { report, tables: FORMATS[document.tableFormatYear ?? report.year] };
}

export function isFormatYear(value: unknown): value is FormatYear {
  return value === 2019 || value === 2021;
}

export function sectionSpec(id: SectionId): SectionSpec {
  const s = SECTIONS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown section ${id}`);
  return s;
}

export function tableSpec(year: FormatYear, id: TableId): TableSpec {
  return FORMATS[year].tables[id];
}

export function rowSpec(table: TableSpec, rowId: string): RowSpec | undefined {
  return table.rows.find((r) => r.id === rowId);
}

/** The full canonical heading of a section, e.g. `一、总体情况`. */
export function canonicalHeading(section: SectionSpec): string {
  return `${section.numeral}、${section.title}`;
}
