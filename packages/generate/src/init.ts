import {
  FORMATS,
  REPORT_TITLE_WORDS,
  TABLE_IDS,
  agencyKindFromName,
  formatYearFor,
  totalIdentities,
  type AgencyKind,
  type CellValue,
  type ContactData,
  type FormatYear,
  type PreviousYearData,
  type ReportData,
  type TableData,
  type TableId,
} from '@nianbao/format';

/** The agency a new data file is for. */
export interface InitAgency {
  name: string;
  /** Read from the name (format.md §1) when not given. */
  kind?: AgencyKind;
}

/** Every cell of every table of the format, blank: a blank is not 0, so nothing passes unfilled. */
function blankTables(formatYear: FormatYear): Record<TableId, TableData> {
  const format = FORMATS[formatYear];
  return Object.fromEntries(
    TABLE_IDS.map((id) => [
      id,
      Object.fromEntries(format.tables[id].rows.map((row) => [row.id, Object.fromEntries(row.columns.map((c) => [c, null]))])),
    ]),
  ) as Record<TableId, TableData>;
}

/** Table 二's rows that have a 现行有效件数 cell (the 第二十条第（一）项 block of the 2021 format). */
function inForceRows(): string[] {
  return FORMATS[2021].tables.activeDisclosure.blocks.find((b) => b.id === 'item1')!.rows;
}

function applicationColumns(): string[] {
  // Table 三's columns are the same in both formats, so one list serves any pair of years.
  return FORMATS[2021].tables.applications.columns.map((c) => c.id);
}

/**
 * The previousYear block with nothing known: the slots an author fills when no report of last year is at
 * hand. `inForce` only when last year used the 2021 format: the 2019 table has no 现行有效件数 column.
 */
function blankPreviousYear(year: number): PreviousYearData {
  const last = year - 1;
  return {
    reportYear: last,
    ...(formatYearFor(last) === 2021 ? { inForce: Object.fromEntries(inForceRows().map((r) => [r, null])) } : {}),
    carriedForward: Object.fromEntries(applicationColumns().map((c) => [c, null])),
  };
}

function blankData(year: number, name: string | null, kind: AgencyKind | null): ReportData {
  const formatYear = formatYearFor(year);
  return {
    title: name ? `${name}${year}年${REPORT_TITLE_WORDS}` : null,
    agency: { name, kind },
    reportYear: year,
    formatYear,
    citedNotice: FORMATS[formatYear].notice,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    publicationDate: null,
    contact: null,
    processingFee: null,
    previousYear: blankPreviousYear(year),
    tables: blankTables(formatYear),
  };
}

function assertYear(year: number): void {
  // Before 2019 there is no national format to lay the tables out by; the schema stops at 2100.
  if (!Number.isInteger(year) || year < 2019 || year > 2100) throw new RangeError(`report year must be an integer from 2019 to 2100, not ${year}`);
}

/** A cell as a number or null: data read from a file may hold anything, and a non-number is no count. */
function cellOf(tables: ReportData['tables'], table: TableId, row: string, column: string): CellValue {
  const value = tables[table]?.[row]?.[column];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Last year's 四、结转下年度继续办理 by column. Its 总计 may have been left out (the schema lets data omit
 * totals), so it is computed from the six applicant columns when they are all known, by the same identity
 * the linter checks.
 */
function carriedForward(previous: ReportData): Record<string, CellValue> {
  const row = Object.fromEntries(applicationColumns().map((c) => [c, cellOf(previous.tables, 'applications', 'carriedForward', c)]));
  const rowTotal = totalIdentities(FORMATS[previous.formatYear]).find((i) => i.table === 'applications' && i.per === 'row');
  if (rowTotal) {
    const target = rowTotal.left[0]!.ref;
    const parts = rowTotal.right.map((term) => row[term.ref] ?? null);
    if (row[target] === null && parts.every((v): v is number => v !== null)) row[target] = parts.reduce((a, b) => a + b, 0);
  }
  return row;
}

function copyContact(contact: ContactData | null): ContactData | null {
  return contact ? { ...contact } : null;
}

/**
 * The data of an empty report for `year`: every key present and every cell null (blank), so that nothing
 * passes as filled until the author fills it. The previousYear block is there, blank, for last year's numbers.
 */
export function emptyReportData(year: number, agency: InitAgency): ReportData {
  assertYear(year);
  return blankData(year, agency.name, agency.kind ?? agencyKindFromName(agency.name));
}

/**
 * Next year's data from last year's (`nianbao init --from`):
 * - agency, contact and the JSON Schema pointer carried over; title, year, 统计期限, format and the notice
 *   it cites set for `year`; publication date and 信息处理费 left for the author;
 * - 二、上年结转 = last year's 四、结转下年度继续办理, column by column (format.md §6 X-carryover), and the same
 *   numbers kept under previousYear.carriedForward;
 * - last year's 现行有效件数 kept under previousYear.inForce as the starting stock (X-stock). This year's
 *   现行有效件数 cells stay blank: a copied stock would pass the blank check unreviewed. A 2019-format report
 *   has no 现行有效件数 (its 对外公开总数量 counts everything ever published, repealed documents included), so
 *   from one there is no inForce rather than a wrong one;
 * - every other cell null (blank, not 0).
 * Counts are carried only from the year just before: a report two years back says nothing about what was
 * carried into this year, so with a gap the counts stay blank as in `emptyReportData`.
 * Throws RangeError when `year` is not after last year's.
 */
export function nextYearData(previous: ReportData, year: number): ReportData {
  assertYear(year);
  if (year <= previous.reportYear) throw new RangeError(`year ${year} is not after last year's report year ${previous.reportYear}`);
  const data: ReportData = {
    // The editor's pointer to the schema first, where a data file has it.
    ...(previous.$schema !== undefined ? { $schema: previous.$schema } : {}),
    ...blankData(year, previous.agency.name, previous.agency.kind),
  };
  data.contact = copyContact(previous.contact);
  if (previous.reportYear !== year - 1) return data;

  const forward = carriedForward(previous);
  const carriedOver = data.tables.applications['carriedOver']!;
  for (const column of Object.keys(carriedOver)) carriedOver[column] = forward[column] ?? null;

  data.previousYear = {
    reportYear: previous.reportYear,
    ...(previous.formatYear === 2021
      ? { inForce: Object.fromEntries(inForceRows().map((r) => [r, cellOf(previous.tables, 'activeDisclosure', r, 'inForce')])) }
      : {}),
    carriedForward: forward,
  };
  return data;
}
