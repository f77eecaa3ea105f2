import { FORMATS, LIST_SEPARATOR, TABLE_IDS, agencyKindFromName, localize, type AgencyKind, type ExtractionIssue, type ReportData } from '@nianbao/format';
import { dirname, relative, sep } from 'node:path';
import { builtInSchemaFile, emptyReportData, nextYearData } from '@nianbao/generate';
import { decodeText, toReportData } from '@nianbao/parse';
import { isJsonData, reportDataFromJson, type DataFileProblem } from '@nianbao/project';
import type { CommandIO } from '../context.js';
import { onDisk, readReport, readReportFile, writeOutputFile } from '../io.js';
import { CliError, t, type Locale } from '../messages.js';
import { FIRST_YEAR, LAST_YEAR, parseKindOption } from './options.js';

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

/** The message of a JSON file that gives no report data. */
function dataError(file: string, problem: DataFileProblem, locale: Locale): CliError {
  switch (problem.kind) {
    case 'syntax':
      return new CliError('initBadJson', { file, line: problem.error.line, column: problem.error.column, excerpt: problem.error.excerpt });
    case 'not-data':
      return new CliError('initNotData', { file, keys: problem.missing.join(localize(locale, LIST_SEPARATOR)) });
    case 'bad-year':
      return new CliError('initDataYear', { file, value: JSON.stringify(problem.value) });
    case 'bad-tables':
      return new CliError('initDataTables', { file });
  }
}

interface Previous {
  data: ReportData;
  /** What extraction could not read, when the input was a report. */
  issues: ExtractionIssue[];
}

async function readPrevious(file: string, locale: Locale, io: CommandIO): Promise<Previous> {
  const { bytes } = await readReportFile(io, file);
  const decoded = decodeText(bytes);
  if (isJsonData(file, decoded.encoding !== 'binary' ? decoded.text : undefined)) {
    const read = reportDataFromJson(decoded.text);
    if (!read.ok) throw dataError(file, read.problem, locale);
    return { data: read.data, issues: [] };
  }
  const { document: doc } = await readReport(io, file);
  const result = toReportData(doc);
  if (!result.ok) throw new CliError(result.reason === 'no-year' ? 'noYear' : 'notAReport', { file });
  const { extractionIssues, ...data } = result.data;
  return { data, issues: extractionIssues ?? [] };
}

/** The carried numbers that came out blank: what the author must look up by hand. */
function blankCarries(data: ReportData, locale: Locale): { carried: string; inForce: string } {
  const sep = localize(locale, LIST_SEPARATOR);
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
 * The `$schema` a new data file gets: the path from the file's folder to this installation's schema, so
 * that any editor resolving `$schema` (VS Code, and the JSON language servers of others) completes and
 * explains its keys with no setting. A schema at a web address the old file named is kept: someone chose
 * it. The schema has no web address of its own to fall back on, and an invented one would resolve to nothing.
 */
function schemaPointer(io: CommandIO, output: string | undefined, carried: string | undefined): string | undefined {
  if (carried !== undefined && /^https?:\/\//iu.test(carried)) return carried;
  const schema = builtInSchemaFile();
  if (schema === undefined) return carried;
  const from = output !== undefined && output !== '-' ? dirname(onDisk(io, output)) : io.cwd;
  const path = relative(from, schema).split(sep).join('/');
  // On another drive there is no relative path: the absolute one still resolves on this machine.
  return /^[A-Za-z]:|^\//u.test(path) ? path : path.startsWith('.') ? path : `./${path}`;
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
    const { data: previous, issues } = await readPrevious(file, locale, io);
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

  const { $schema: carried, ...rest } = data;
  const $schema = schemaPointer(io, options.output, carried);
  const json = `${JSON.stringify($schema !== undefined ? { $schema, ...rest } : rest, null, 2)}\n`;
  if (options.output !== undefined && options.output !== '-') {
    await writeOutputFile(io, options.output, json, options.force);
    io.stderr(`${t(locale, 'wrote', { file: options.output })}\n`);
  } else {
    io.stdout(json);
  }
  io.stderr(`${t(locale, 'initBlanks', { year: options.year, count: countBlanks(data) })}\n`);
  return 0;
}
