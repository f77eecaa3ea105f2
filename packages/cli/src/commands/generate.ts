import { generateReport, renderHtml, updateReport, RenderError, TemplateError, type DataProblem, type TemplateLayers, type UpdateResult } from '@nianbao/generate';
// The data file's reading alone: the project layer's index would load the linter and all its rules.
import { describeJsonError, positionNear, readDataText } from '@nianbao/project/report-data';
import type { JsonDocument } from '@nianbao/project';
import type { FormatYear } from '@nianbao/format';
import type { CommandIO } from '../context.js';
import { encodeLike } from '../encode.js';
import { onDisk, readReportFile, writeInPlace, writeOutputFile } from '../io.js';
import { CliError, t, type Locale } from '../messages.js';
import { tData } from './generate-messages.js';

export interface GenerateCommandOptions {
  output?: string;
  force: boolean;
  to: 'markdown' | 'html';
  update?: string;
  templates?: string;
  allowBlank: boolean;
  fixTotals: boolean;
  /** Every blank cell on a line of its own, not a count per table. */
  verbose?: boolean;
  locale: Locale;
}

/** A path under a folder read from disk, shown under the folder as the user gave it. */
function asGiven(path: string, resolved: string, given: string): string {
  return path.startsWith(resolved) ? `${given}${path.slice(resolved.length)}` : path;
}

/** Each problem at its line and column in the data file (`数据.json:12:7`), or the file alone. */
function printProblems(file: string, json: JsonDocument, problems: ReadonlyArray<Pick<DataProblem, 'path' | 'message'> & Partial<DataProblem>>, io: CommandIO, locale: Locale): void {
  for (const p of problems) {
    const level = t(locale, p.severity === 'warning' ? 'problemWarning' : 'problemError');
    const at = p.pointer !== undefined ? positionNear(json, p.pointer) : undefined;
    io.stderr(`${tData(locale, 'dataProblem', { where: at ? `${file}:${at.line}:${at.column}` : file, level, path: p.path, message: p.message })}\n`);
  }
}

/** Which of the user's templates are used in place of which built-in ones, and which are not used. */
function printTemplateLayers(set: TemplateLayers, formatYear: FormatYear, shown: (path: string) => string, io: CommandIO, locale: Locale): void {
  for (const o of set.overrides) {
    if (o.replaces !== undefined) io.stderr(`${tData(locale, 'templateReplaces', { file: shown(o.file), builtIn: o.replaces })}\n`);
    else io.stderr(`${tData(locale, 'templateOwn', { file: shown(o.file), similar: o.similarTo ?? '' })}\n`);
  }
  for (const u of set.unused) {
    if (u.why === 'replaced') io.stderr(`${tData(locale, 'templateShadowed', { file: shown(u.file), by: shown(u.by ?? '') })}\n`);
    else io.stderr(`${tData(locale, 'templateMisplaced', { file: shown(u.file), year: formatYear })}\n`);
  }
}

/** Markers without their partner stop an update: each is named at its line, and nothing is written. */
function printBrokenMarkers(file: string, updated: UpdateResult, io: CommandIO, locale: Locale): void {
  io.stderr(`${tData(locale, 'markersBroken', { file, count: updated.broken.length })}\n`);
  for (const b of updated.broken) {
    const data = { file, line: b.line, column: b.column, marker: b.marker, kind: b.region.split(':')[0] ?? b.region };
    io.stderr(`${tData(locale, b.kind === 'start' ? 'markerNoEnd' : 'markerNoStart', data)}\n`);
  }
}

/** `nianbao generate DATA`: validates report data and renders the report. Exit 0 written, 1 invalid data, 2 could not run. */
export async function generateCommand(dataFile: string, options: GenerateCommandOptions, io: CommandIO): Promise<number> {
  const { locale } = options;
  // Refused before anything is read: an update writes Markdown regions, which a page does not have.
  if (options.update !== undefined && options.to === 'html') {
    io.stderr(`${tData(locale, 'updateWithHtml')}\n`);
    return 2;
  }
  const { bytes } = await readReportFile(io, dataFile);
  const read = readDataText(bytes);
  if (!read.ok) {
    if (read.problem.kind === 'binary') {
      io.stderr(`${tData(locale, 'dataNotText', { file: dataFile })}\n`);
      return 1;
    }
    const { line, column } = read.problem.error;
    io.stderr(`${t(locale, 'badJson', { file: `${dataFile}:${line}:${column}`, reason: describeJsonError(read.problem.error, locale) })}\n`);
    return 1;
  }
  const raw = read.json.value;
  const templates = options.templates !== undefined ? { given: options.templates, resolved: onDisk(io, options.templates) } : undefined;
  const shown = (path: string): string => (templates ? asGiven(path, templates.resolved, templates.given) : path);
  let result;
  try {
    result = generateReport(raw, {
      locale,
      allowBlank: options.allowBlank,
      fixTotals: options.fixTotals,
      // People read this list: many blanks are counted per table unless --verbose asks for each.
      countBlanks: options.verbose !== true,
      ...(templates ? { templatesDir: templates.resolved } : {}),
    });
  } catch (error) {
    if (error instanceof TemplateError || error instanceof RenderError) {
      throw new CliError('templateError', { file: shown(error.file), reason: error.reason });
    }
    throw error;
  }
  if (!result.ok) {
    printProblems(dataFile, read.json, result.problems, io, locale);
    io.stderr(`${t(locale, 'dataInvalid', { file: dataFile, count: result.problems.filter((p) => p.severity !== 'warning').length })}\n`);
    return 1;
  }
  if (result.templates) printTemplateLayers(result.templates, result.formatYear, shown, io, locale);
  printProblems(dataFile, read.json, result.problems, io, locale);
  if (result.computed.length > 0) io.stderr(`${t(locale, 'totalsComputed', { count: result.computed.length })}\n`);

  if (options.update !== undefined) {
    const report = await readReportFile(io, options.update);
    // The reader only for an update: a plain generate reads no report.
    const { parseReport } = await import('@nianbao/parse');
    const existing = parseReport(report.bytes, { fileName: options.update });
    const updated = updateReport(existing.text, result.markdown);
    if (updated.broken.length > 0) {
      printBrokenMarkers(options.update, updated, io, locale);
      return 1;
    }
    if (updated.replaced.length === 0) throw new CliError('noMarkers', { file: options.update });
    if (updated.missing.length > 0) io.stderr(`${t(locale, 'markersMissing', { file: options.update, regions: updated.missing.join('、') })}\n`);
    // Replaced only if it is still the report read above: the author may be editing its prose right now.
    if (updated.text !== existing.text) await writeInPlace(io, options.update, encodeLike(updated.text, existing.encoding), report.stamp);
    io.stderr(`${t(locale, 'updated', { file: options.update, count: updated.replaced.length })}\n`);
    return 0;
  }

  const title = typeof (raw as { title?: unknown }).title === 'string' ? String((raw as { title: string }).title) : '';
  const out = options.to === 'html' ? renderHtml(result.markdown, title) : result.markdown;
  if (options.output === undefined || options.output === '-') {
    io.stdout(out);
    return 0;
  }
  await writeOutputFile(io, options.output, out, options.force);
  io.stderr(`${t(locale, 'wrote', { file: options.output })}\n`);
  return 0;
}
