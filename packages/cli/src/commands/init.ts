import {
  AGENCY_KINDS,
  FORMATS,
  TABLE_IDS,
  agencyKindFromName,
  formatYearFor,
  isFormatYear,
  type AgencyKind,
  type CellValue,
  type ContactData,
  type ExtractionIssue,
  type ReportData,
  type TableData,
  type TableId,
} from '@nianbao/format';
import { emptyReportData, nextYearData } from '@nianbao/generate';
import { decodeText, parseReport, toReportData } from '@nianbao/parse';
import { readReport, readReportFile, writeOutputFile } from '../io.js';
import { FIRST_YEAR, LAST_YEAR, parseKindOption } from './options.js';
import { CliError, t, type Locale } from '../messages.js';
import type { CommandIO } from './extract.js';

export interface InitOptions {
  /** Last year's report (.md, .markdown, .txt) or data file (.json). */
  from?: string;
  year: number;
  /** The agency's full name: required without `from`; with it, replaces the carried name. */
  agency?: string;
  kind?: AgencyKind;
  output?: string;
  force: boolean;
  locale: Locale;
}

// The years a format exists for (2019 and later) up to the schema's limit.

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Where a JSON text first breaks the grammar. JSON.parse does not always say (`Unexpected token '}', "…" is
 * not valid JSON` carries no position in Node 20), and the user needs a line to look at.
 */
class JsonStop {
  constructor(readonly at: number) {}
}

function jsonErrorOffset(text: string): number {
  let i = 0;
  function stop(): never {
    throw new JsonStop(i);
  }
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = (): void => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') stop();
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        const e = text[i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/u.test(text.slice(i + 1, i + 5))) stop();
          i += 4;
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) stop();
      }
      i++;
    }
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/uy;
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (text[i] !== '"') stop();
          string();
          space();
          if (text[i] !== ':') stop();
          i++;
        }
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        stop();
      }
    }
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    const literal = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (!literal) stop();
    i += literal.length;
  };
  try {
    value();
    space();
    if (i < text.length) stop();
    return -1;
  } catch (error) {
    if (error instanceof JsonStop) return error.at;
    throw error;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number; excerpt: string } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const start = before.lastIndexOf('\n') + 1;
  const end = text.indexOf('\n', offset);
  const excerpt = text.slice(start, end < 0 ? undefined : end).trim();
  return { line, column: offset - start + 1, excerpt: excerpt.length > 60 ? `${excerpt.slice(0, 60)}…` : excerpt };
}

const num = (value: unknown): CellValue => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Report data from a parsed JSON file. Only reportYear and tables are required (what `init` needs); the rest
 * is read where it has the right type, so a hand-made file with totals left out or a field missing still works.
 */
function dataFromJson(value: unknown, file: string, locale: Locale): ReportData {
  const missing = isRecord(value) ? ['reportYear', 'tables'].filter((k) => value[k] === undefined) : ['reportYear', 'tables'];
  if (!isRecord(value) || missing.length > 0) throw new CliError('initNotData', { file, keys: missing.join(locale === 'zh' ? '、' : ', ') });
  const reportYear = value['reportYear'];
  if (typeof reportYear !== 'number' || !Number.isInteger(reportYear) || reportYear < 2008 || reportYear > LAST_YEAR) {
    throw new CliError('initDataYear', { file, value: JSON.stringify(reportYear) });
  }
  const rawTables = value['tables'];
  if (!isRecord(rawTables)) throw new CliError('initDataTables', { file });
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
  };
}

interface Previous {
  data: ReportData;
  /** What extraction could not read, when the input was a report. */
  issues: ExtractionIssue[];
}

async function readPrevious(file: string, locale: Locale): Promise<Previous> {
  const bytes = await readReportFile(file);
  const decoded = decodeText(bytes);
  if (/\.json$/iu.test(file) || (decoded.encoding !== 'binary' && decoded.text.trimStart().startsWith('{'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(decoded.text);
    } catch {
      const at = jsonErrorOffset(decoded.text);
      const place = lineAndColumn(decoded.text, at < 0 ? 0 : at);
      throw new CliError('initBadJson', { file, line: place.line, column: place.column, excerpt: place.excerpt });
    }
    return { data: dataFromJson(parsed, file, locale), issues: [] };
  }
  const { document: doc } = await readReport(file);
  const result = toReportData(doc);
  if (!result.ok) throw new CliError(result.reason === 'no-year' ? 'noYear' : 'notAReport', { file });
  const { extractionIssues, ...data } = result.data;
  return { data, issues: extractionIssues ?? [] };
}

/** The carried numbers that came out blank: what the author must look up by hand. */
function blankCarries(data: ReportData, locale: Locale): { carried: string; inForce: string } {
  const sep = locale === 'zh' ? '、' : ', ';
  const f = FORMATS[2021].tables;
  const carried = Object.entries(data.previousYear?.carriedForward ?? {})
    .filter(([, v]) => v === null)
    .map(([c]) => f.applications.columns.find((x) => x.id === c)?.label ?? c);
  const inForce = Object.entries(data.previousYear?.inForce ?? {})
    .filter(([, v]) => v === null)
    .map(([r]) => f.activeDisclosure.rows.find((x) => x.id === r)?.label ?? r);
  return { carried: carried.join(sep), inForce: inForce.join(sep) };
}

function countBlanks(data: ReportData): number {
  let blanks = 0;
  for (const id of TABLE_IDS) for (const row of Object.values(data.tables[id])) for (const v of Object.values(row)) if (v === null) blanks++;
  return blanks;
}

/**
 * `nianbao init`: next year's report data from last year's report or data (`--from`), or an empty data file
 * with every key present (`--agency`). Every count the author must supply is null, so nothing passes unfilled.
 */
export async function initCommand(options: InitOptions, io: CommandIO): Promise<number> {
  const { locale } = options;
  if (!Number.isInteger(options.year) || options.year < FIRST_YEAR || options.year > LAST_YEAR) {
    throw new CliError('initBadYear', { value: String(options.year) });
  }
  if (options.kind !== undefined) parseKindOption(options.kind);
  const agencyName = options.agency?.trim() || undefined;

  let data: ReportData;
  if (options.from === undefined) {
    if (agencyName === undefined) throw new CliError('initNeedsAgency');
    data = emptyReportData(options.year, { name: agencyName, ...(options.kind ? { kind: options.kind } : {}) });
  } else {
    const file = options.from;
    const { data: previous, issues } = await readPrevious(file, locale);
    if (options.year <= previous.reportYear) {
      throw new CliError('initYearNotAfter', { file, year: options.year, previous: previous.reportYear, next: previous.reportYear + 1 });
    }
    // A name given on the command line replaces the carried one (a renamed agency); its kind then comes from
    // the new name unless --kind says otherwise.
    const agency = agencyName
      ? { name: agencyName, kind: options.kind ?? agencyKindFromName(agencyName) }
      : { name: previous.agency.name, kind: options.kind ?? previous.agency.kind };
    data = nextYearData({ ...previous, agency }, options.year);

    if (issues.length > 0) {
      const lines = issues.map((i) => `  ${t(locale, 'initIssueLine', { file, line: i.line ?? '?', message: i.message })}`);
      io.stderr(`${t(locale, 'initIssues', { file, count: issues.length })}\n${lines.join('\n')}\n`);
    }
    if (previous.reportYear !== options.year - 1) {
      io.stderr(`${t(locale, 'initYearGap', { file, previous: previous.reportYear, last: options.year - 1 })}\n`);
    } else {
      const blank = blankCarries(data, locale);
      if (blank.carried !== '' || blank.inForce !== '') io.stderr(`${t(locale, 'initCarryBlank', { file, ...blank })}\n`);
      else if (issues.length > 0) io.stderr(`${t(locale, 'initCarryComplete')}\n`);
    }
  }

  const json = `${JSON.stringify(data, null, 2)}\n`;
  if (options.output !== undefined && options.output !== '-') {
    await writeOutputFile(options.output, json, options.force);
    io.stderr(`${t(locale, 'wrote', { file: options.output })}\n`);
  } else {
    io.stdout(json);
  }
  io.stderr(`${t(locale, 'initBlanks', { year: options.year, count: countBlanks(data) })}\n`);
  return 0;
}
