import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { FORMAT_YEARS, localize, type FormatYear } from '@nianbao/format';
import { lint } from '@nianbao/lint';
import { toReportData } from '@nianbao/parse';
import { InputError, Project, expandInputs, type SkippedFile } from '@nianbao/project';
import type { CommandIO } from '../context.js';
import { onDisk, readError, readReport, tryReadFile, writeError, writeOutputFile } from '../io.js';
import { skippedFor, type Skipped } from '../lint-job.js';
import { skippedLines } from '../lint-summary.js';
import { CliError, t, type Locale } from '../messages.js';
import { sheetColumns } from '../spreadsheet/columns.js';
import { toCsv } from '../spreadsheet/csv.js';
import { st } from '../spreadsheet/messages.js';
import { blankCells, sheetRow, type SheetReport } from '../spreadsheet/rows.js';
import { WriteRefused, replaceFile } from '../write.js';

export type ExtractFormat = 'json' | 'csv' | 'xlsx';
export const EXTRACT_FORMATS: readonly ExtractFormat[] = ['json', 'csv', 'xlsx'];

export interface ExtractOptions {
  output?: string;
  force: boolean;
  locale: Locale;
  /** Absent: from the output file's extension (`.csv`, `.xlsx`), else JSON. */
  format?: string;
}

/** The format asked for, or the one the output file's name says. */
function formatOf(options: ExtractOptions): ExtractFormat {
  const asked = options.format ?? (options.output !== undefined ? extname(options.output).slice(1).toLowerCase() : undefined);
  if (options.format === undefined && asked !== 'csv' && asked !== 'xlsx') return 'json';
  if ((EXTRACT_FORMATS as readonly string[]).includes(asked ?? '')) return asked as ExtractFormat;
  throw new CliError('badFormat', { value: options.format ?? '', formats: EXTRACT_FORMATS.join(',') });
}

/** `nianbao extract FILE`: the report's data as JSON valid against schemas/report-data.schema.json. */
async function extractJson(file: string, options: ExtractOptions, io: CommandIO): Promise<number> {
  const { document: doc } = await readReport(io, file);
  const result = toReportData(doc);
  if (!result.ok) throw new CliError(result.reason === 'no-year' ? 'noYear' : 'notAReport', { file });
  const json = `${JSON.stringify(result.data, null, 2)}\n`;
  if (options.output !== undefined && options.output !== '-') {
    await writeOutputFile(io, options.output, json, options.force);
    io.stderr(`${t(options.locale, 'wrote', { file: options.output })}\n`);
  } else {
    io.stdout(json);
  }
  const issues = result.data.extractionIssues?.length ?? 0;
  if (issues > 0) io.stderr(`${t(options.locale, 'extractionIssues', { file, count: issues })}\n`);
  return 0;
}

/**
 * Every report the paths name, read as `extract` reads one and linted as `lint` lints a folder (the
 * same configuration, last year's report paired in a folder), one at a time so memory holds one model.
 */
async function readReports(paths: readonly string[], locale: Locale, io: CommandIO): Promise<{ reports: SheetReport[]; skipped: Skipped[] }> {
  const walked: SkippedFile[] = [];
  const files = await expandInputs(paths, { cwd: io.cwd, skipped: walked }).catch((error: unknown) => {
    if (!(error instanceof InputError)) throw error;
    throw error.failure.kind === 'missing' ? new CliError('fileMissing', { file: error.path }) : new CliError('unreadable', { file: error.path, reason: error.failure.code });
  });
  const skipped: Skipped[] = [...walked];
  const project = new Project({ cwd: io.cwd });
  const reports: SheetReport[] = [];
  for (const input of files) {
    const read = await tryReadFile(io, input.path, input.root);
    if (!read.ok) {
      const skip = input.explicit ? undefined : skippedFor(input.path, read.failure, locale);
      if (!skip) throw readError(input.path, read.failure);
      skipped.push(skip);
      continue;
    }
    const config = await project.configFor(input.path, locale);
    const spec = !input.explicit && config.ok && config.config.previousReport === undefined ? 'auto' : undefined;
    const prepared = await project.prepareLint(input.path, read.file.bytes, { locale, ...(spec !== undefined ? { spec } : {}) });
    const unreadable = prepared.problems.find((p) => p.kind === 'read');
    if (unreadable) {
      if (input.explicit) throw readError(input.path, unreadable.failure);
      skipped.push(skippedFor(input.path, unreadable.failure, locale) ?? { path: input.path, reason: 'unreadable' });
      continue;
    }
    const extracted = toReportData(prepared.document);
    if (!prepared.selected || !extracted.ok) {
      const noYear = prepared.selected && !extracted.ok && extracted.reason === 'no-year';
      if (input.explicit) throw new CliError(noYear ? 'noYear' : 'notAReport', { file: input.path });
      skipped.push(noYear ? { path: input.path, reason: 'read-problem', detail: st(locale, 'noYear') } : { path: input.path, reason: 'not-a-report' });
      continue;
    }
    // A wrong last year's report would only add false carry-over findings to the counts: left out.
    const options = prepared.problems.some((p) => p.kind === 'previous') ? { ...prepared.options, previous: undefined } : prepared.options;
    const active = lint(prepared.document, options).filter((d) => !d.suppressed);
    reports.push({
      file: input.path,
      data: extracted.data,
      blank: blankCells(prepared.document),
      errors: active.filter((d) => d.severity === 'error').length,
      warnings: active.filter((d) => d.severity === 'warning').length,
    });
  }
  if (reports.length === 0) {
    if (skipped.length > 0) io.stderr(`${skippedLines(skipped, locale).join('\n')}\n`);
    throw new CliError('noReports', { paths: paths.join(' ') });
  }
  return { reports, skipped };
}

/** `汇总.csv` for the 2021 format, when a folder holds both: `汇总-2021.csv`. */
export function fileForYear(output: string, year: FormatYear, several: boolean): string {
  if (!several) return output;
  const ext = extname(output);
  return join(dirname(output), `${basename(output, ext)}-${year}${ext || '.csv'}`);
}

async function writeBytes(io: CommandIO, file: string, bytes: Uint8Array, force: boolean): Promise<void> {
  try {
    await replaceFile(onDisk(io, file), bytes, { mode: force ? 'overwrite' : 'create', ...(io.beforeReplace ? { beforeReplace: io.beforeReplace } : {}) });
  } catch (error) {
    if (error instanceof WriteRefused) throw writeError(file, error.refusal);
    throw error;
  }
}

/**
 * `nianbao extract DIR --format csv|xlsx -o 汇总.xlsx`: one row per report — who, which year, which
 * format, when, its errors and warnings, every cell of Tables 二/三/四 under the format's headings — one
 * sheet (or csv file) per format year, since the two formats' tables differ.
 */
async function extractSheet(paths: readonly string[], format: 'csv' | 'xlsx', options: ExtractOptions, io: CommandIO): Promise<number> {
  const { locale } = options;
  const toFile = options.output !== undefined && options.output !== '-' ? options.output : undefined;
  if (format === 'xlsx' && toFile === undefined) {
    io.stderr(`${st(locale, 'xlsxNeedsFile')}\n`);
    return 2;
  }
  const { reports, skipped } = await readReports(paths, locale, io);
  const years = FORMAT_YEARS.filter((y) => reports.some((r) => r.data.formatYear === y)).sort((a, b) => b - a);
  const sheets = years.map((year) => {
    const columns = sheetColumns(year);
    return {
      year,
      name: st(locale, 'sheetName', { year }),
      headings: columns.map((c) => c.heading),
      rows: reports.filter((r) => r.data.formatYear === year).map((r) => sheetRow(r, columns)),
      frozenColumns: columns.findIndex((c) => c.kind === 'cell'),
    };
  });
  if (format === 'csv' && toFile === undefined && sheets.length > 1) {
    io.stderr(`${st(locale, 'csvNeedsFile', { years: years.join('、') })}\n`);
    return 2;
  }
  const written: string[] = [];
  if (format === 'xlsx') {
    const { toXlsx } = await import('../spreadsheet/xlsx.js');
    await writeBytes(io, toFile!, await toXlsx(sheets), options.force);
    written.push(toFile!);
  } else if (toFile === undefined) {
    io.stdout(toCsv(sheets[0]!.headings, sheets[0]!.rows));
  } else {
    const targets = sheets.map((s) => ({ file: fileForYear(toFile, s.year, sheets.length > 1), sheet: s }));
    // Refuse before writing any: half a summary written is worse than none.
    if (!options.force) for (const { file } of targets) if (existsSync(onDisk(io, file))) throw new CliError('outputExists', { file });
    for (const { file, sheet } of targets) {
      await writeOutputFile(io, file, toCsv(sheet.headings, sheet.rows), options.force);
      written.push(file);
    }
  }
  for (const file of written) io.stderr(`${t(locale, 'wrote', { file })}\n`);
  if (skipped.length > 0) io.stderr(`${skippedLines(skipped, locale).join('\n')}\n`);
  const counts = sheets.map((s) => st(locale, 'yearCount', { year: s.year, count: s.rows.length })).join(localize(locale, { zh: '，', en: '; ' }));
  io.stderr(`${st(locale, 'extracted', { reports: reports.length, years: counts, skipped: skipped.length > 0 ? st(locale, 'skippedCount', { count: skipped.length }) : '' })}\n`);
  return 0;
}

/** `nianbao extract PATHS…`: one report's data as JSON, or every report's figures as a spreadsheet. */
export async function extractCommand(paths: readonly string[], options: ExtractOptions, io: CommandIO): Promise<number> {
  const format = formatOf(options);
  if (format !== 'json') return extractSheet(paths, format, options, io);
  if (paths.length !== 1) {
    io.stderr(`${st(options.locale, 'jsonOneReport')}\n`);
    return 2;
  }
  return extractJson(paths[0]!, options, io);
}
