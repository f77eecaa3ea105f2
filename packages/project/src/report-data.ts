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
import { decodeText, type TextEncoding } from '@nianbao/parse';
import { readJson, type JsonDocument, type JsonSyntaxError, type TextPosition } from './json.js';

// The light entry of `generate` (`@nianbao/project/report-data`) needs the words of a syntax error too,
// without the rest of the project layer (the linter and its rules).
export { describeJsonError } from './json.js';

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

/** A data file read: its JSON, and the encoding it was saved in. */
export type DataTextResult =
  | { ok: true; json: JsonDocument; text: string; encoding: TextEncoding }
  | { ok: false; problem: { kind: 'binary' } | { kind: 'syntax'; error: JsonSyntaxError } };

/**
 * UTF-16 without a byte order mark: JSON begins with an ASCII character (RFC 8259 §8.1), so a zero byte
 * beside the first one tells the byte order. Given the mark, the one decoder reads it.
 */
function withUtf16Mark(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 2 || (bytes[0] === 0) === (bytes[1] === 0)) return bytes;
  const mark = bytes[1] === 0 ? [0xff, 0xfe] : [0xfe, 0xff];
  const out = new Uint8Array(bytes.length + 2);
  out.set(mark, 0);
  out.set(bytes, 2);
  return out;
}

/**
 * A data file's bytes as JSON (comments allowed), decoded as reports are: UTF-8 with or without BOM,
 * UTF-16 (with or without BOM), GB18030/GBK (Notepad's "ANSI"). Never throws.
 */
export function readDataText(bytes: Uint8Array): DataTextResult {
  const decoded = decodeText(withUtf16Mark(bytes));
  if (decoded.encoding === 'binary') return { ok: false, problem: { kind: 'binary' } };
  const read = readJson(decoded.text);
  if (!read.ok) return { ok: false, problem: { kind: 'syntax', error: read.error } };
  return { ok: true, json: read.json, text: decoded.text, encoding: decoded.encoding };
}

/**
 * Where a JSON pointer's value is written, or the nearest enclosing value that is: a problem about a key
 * the file lacks (a missing cell, a total left out) is shown at the object that should hold it.
 */
export function positionNear(json: JsonDocument, pointer: string): TextPosition | undefined {
  for (let at = pointer; at !== ''; at = at.slice(0, at.lastIndexOf('/'))) {
    const position = json.positionOf(at);
    if (position) return position;
  }
  return undefined;
}

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
