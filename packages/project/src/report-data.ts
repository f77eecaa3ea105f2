/**
 * Report data from a JSON file a person may have made by hand (`nianbao init --from last-year.json`):
 * only what carrying a year over needs is required, and the rest is read where it has the right type.
 */
import {
  AGENCY_KINDS,
  TABLE_IDS,
  formatYearFor,
  isFormatYear,
  type CellValue,
  type ContactData,
  type ReportData,
  type TableData,
  type TableId,
} from '@nianbao/format';
import { readJson, type JsonSyntaxError, type TextPosition } from './json.js';

/** The report years the data schema allows. */
export const FIRST_DATA_YEAR = 2008;
export const LAST_DATA_YEAR = 2100;

/** Why a JSON file gives no report data; `at` is where the faulty value is written. */
export type DataFileProblem =
  | { kind: 'syntax'; error: JsonSyntaxError }
  | { kind: 'not-data'; missing: string[] }
  | { kind: 'bad-year'; value: unknown; at?: TextPosition }
  | { kind: 'bad-tables'; at?: TextPosition };

export type ReportDataResult = { ok: true; data: ReportData } | { ok: false; problem: DataFileProblem };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): CellValue => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Whether a file is to be read as JSON data rather than as a report: by its name, or by its first character. */
export function isJsonData(fileName: string, text: string | undefined): boolean {
  return /\.json$/iu.test(fileName) || (text !== undefined && text.trimStart().startsWith('{'));
}

/** Report data from a JSON text; the tables keep only numbers (anything else is a blank, null). */
export function reportDataFromJson(text: string): ReportDataResult {
  const read = readJson(text);
  if (!read.ok) return { ok: false, problem: { kind: 'syntax', error: read.error } };
  const value = read.json.value;
  const missing = isRecord(value) ? ['reportYear', 'tables'].filter((k) => value[k] === undefined) : ['reportYear', 'tables'];
  if (!isRecord(value) || missing.length > 0) return { ok: false, problem: { kind: 'not-data', missing } };
  const at = (pointer: string): { at?: TextPosition } => {
    const position = read.json.positionOf(pointer);
    return position ? { at: position } : {};
  };
  const reportYear = value['reportYear'];
  if (typeof reportYear !== 'number' || !Number.isInteger(reportYear) || reportYear < FIRST_DATA_YEAR || reportYear > LAST_DATA_YEAR) {
    return { ok: false, problem: { kind: 'bad-year', value: reportYear, ...at('/reportYear') } };
  }
  const rawTables = value['tables'];
  if (!isRecord(rawTables)) return { ok: false, problem: { kind: 'bad-tables', ...at('/tables') } };
  const formatYear = isFormatYear(value['formatYear']) ? value['formatYear'] : formatYearFor(reportYear);
  const tables = Object.fromEntries(
    TABLE_IDS.map((id) => {
      const rawTable = isRecord(rawTables[id]) ? rawTables[id] : {};
      const table: TableData = {};
      for (const [row, cells] of Object.entries(rawTable)) {
        if (isRecord(cells)) table[row] = Object.fromEntries(Object.entries(cells).map(([c, v]) => [c, num(v)]));
      }
      return [id, table];
    }),
  ) as Record<TableId, TableData>;
  const agency = isRecord(value['agency']) ? value['agency'] : {};
  const kind = AGENCY_KINDS.find((k) => k === agency['kind']) ?? null;
  const rawContact = value['contact'];
  let contact: ContactData | null = null;
  if (isRecord(rawContact)) {
    contact = {};
    for (const key of ['unit', 'address', 'postcode', 'phone', 'email', 'website'] as const) {
      const v = str(rawContact[key]);
      if (v !== null) contact[key] = v;
    }
  }
  const schema = str(value['$schema']);
  return {
    ok: true,
    data: {
      ...(schema !== null ? { $schema: schema } : {}),
      title: str(value['title']),
      agency: { name: str(agency['name']), kind },
      reportYear,
      formatYear,
      citedNotice: str(value['citedNotice']),
      period: null,
      publicationDate: null,
      contact,
      processingFee: null,
      tables,
    },
  };
}
