import { generateReport, renderHtml, updateReport, RenderError, TemplateError, type DataProblem } from '@nianbao/generate';
import { parseReport } from '@nianbao/parse';
import { describeJsonError, readJson } from '@nianbao/project';
import type { CommandIO } from '../context.js';
import { encodeLike } from '../encode.js';
import { onDisk, readReportFile, writeInPlace, writeOutputFile } from '../io.js';
import { CliError, t, type Locale } from '../messages.js';

export interface GenerateCommandOptions {
  output?: string;
  force: boolean;
  to: 'markdown' | 'html';
  update?: string;
  templates?: string;
  allowBlank: boolean;
  fixTotals: boolean;
  locale: Locale;
}

/** A path under a folder read from disk, shown under the folder as the user gave it. */
function asGiven(path: string, resolved: string, given: string): string {
  return path.startsWith(resolved) ? `${given}${path.slice(resolved.length)}` : path;
}

function printProblems(file: string, problems: ReadonlyArray<Pick<DataProblem, 'path' | 'message'> & Partial<DataProblem>>, io: CommandIO, locale: Locale): void {
  for (const p of problems) {
    const level = t(locale, p.severity === 'warning' ? 'problemWarning' : 'problemError');
    io.stderr(`${file}: ${level} ${p.path}：${p.message}\n`);
  }
}

/** `nianbao generate DATA`: validates report data and renders the report. Exit 0 written, 1 invalid data, 2 could not run. */
export async function generateCommand(dataFile: string, options: GenerateCommandOptions, io: CommandIO): Promise<number> {
  const { locale } = options;
  const { bytes } = await readReportFile(io, dataFile);
  const read = readJson(new TextDecoder('utf-8').decode(bytes));
  if (!read.ok) {
    const { line, column } = read.error;
    io.stderr(`${t(locale, 'badJson', { file: `${dataFile}:${line}:${column}`, reason: describeJsonError(read.error, locale) })}\n`);
    return 1;
  }
  const raw = read.json.value;
  const templates = options.templates !== undefined ? { given: options.templates, resolved: onDisk(io, options.templates) } : undefined;
  let result;
  try {
    result = generateReport(raw, {
      locale,
      allowBlank: options.allowBlank,
      fixTotals: options.fixTotals,
      ...(templates ? { templatesDir: templates.resolved } : {}),
    });
  } catch (error) {
    if (error instanceof TemplateError || error instanceof RenderError) {
      throw new CliError('templateError', { file: templates ? asGiven(error.file, templates.resolved, templates.given) : error.file, reason: error.reason });
    }
    throw error;
  }
  if (!result.ok) {
    printProblems(dataFile, result.problems, io, locale);
    io.stderr(`${t(locale, 'dataInvalid', { file: dataFile, count: result.problems.filter((p) => p.severity !== 'warning').length })}\n`);
    return 1;
  }
  printProblems(dataFile, result.problems, io, locale);
  if (result.computed.length > 0) io.stderr(`${t(locale, 'totalsComputed', { count: result.computed.length })}\n`);

  if (options.update !== undefined) {
    const report = await readReportFile(io, options.update);
    const existing = parseReport(report.bytes, { fileName: options.update });
    const updated = updateReport(existing.text, result.markdown);
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
