import { generateReport, renderHtml, updateReport, RenderError, TemplateError, type DataProblem } from '@nianbao/generate';
import { parseReport } from '@nianbao/parse';
import writeFileAtomic from 'write-file-atomic';
import { encodeLike } from '../encode.js';
import { readReportFile, writeOutputFile } from '../io.js';
import { CliError, t, type Locale } from '../messages.js';
import type { CommandIO } from './extract.js';

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

/** Where in a JSON text a parse error is, as line and column, from the position Node reports. */
function jsonErrorPlace(text: string, message: string): string {
  const at = /position (\d+)/u.exec(message);
  if (!at) return '';
  const before = text.slice(0, Number(at[1]));
  return `:${before.split('\n').length}:${Number(at[1]) - before.lastIndexOf('\n')}`;
}

function printProblems(file: string, problems: ReadonlyArray<Pick<DataProblem, 'path' | 'message'> & Partial<DataProblem>>, io: CommandIO, locale: Locale): void {
  for (const p of problems) {
    const level = p.severity === 'warning' ? (locale === 'zh' ? '提示' : 'warning') : locale === 'zh' ? '错误' : 'error';
    io.stderr(`${file}: ${level} ${p.path}：${p.message}\n`);
  }
}

/** `nianbao generate DATA`: validates report data and renders the report. Exit 0 written, 1 invalid data, 2 could not run. */
export async function generateCommand(dataFile: string, options: GenerateCommandOptions, io: CommandIO): Promise<number> {
  const { locale } = options;
  const bytes = await readReportFile(dataFile);
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/u, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${t(locale, 'badJson', { file: `${dataFile}${jsonErrorPlace(text, message)}`, reason: message })}\n`);
    return 1;
  }
  let result;
  try {
    result = generateReport(raw, {
      locale,
      allowBlank: options.allowBlank,
      fixTotals: options.fixTotals,
      ...(options.templates !== undefined ? { templatesDir: options.templates } : {}),
    });
  } catch (error) {
    if (error instanceof TemplateError || error instanceof RenderError) throw new CliError('templateError', { file: error.file, reason: error.reason });
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
    const reportBytes = await readReportFile(options.update);
    const existing = parseReport(reportBytes, { fileName: options.update });
    const updated = updateReport(existing.text, result.markdown);
    if (updated.replaced.length === 0) throw new CliError('noMarkers', { file: options.update });
    if (updated.missing.length > 0) io.stderr(`${t(locale, 'markersMissing', { file: options.update, regions: updated.missing.join('、') })}\n`);
    if (updated.text !== existing.text) {
      try {
        await writeFileAtomic(options.update, encodeLike(updated.text, existing.encoding));
      } catch (error) {
        throw new CliError('outputFailed', { file: options.update, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      }
    }
    io.stderr(`${t(locale, 'updated', { file: options.update, count: updated.replaced.length })}\n`);
    return 0;
  }

  const title = typeof (raw as { title?: unknown }).title === 'string' ? String((raw as { title: string }).title) : '';
  const out = options.to === 'html' ? renderHtml(result.markdown, title) : result.markdown;
  if (options.output === undefined || options.output === '-') {
    io.stdout(out);
    return 0;
  }
  await writeOutputFile(options.output, out, options.force);
  io.stderr(`${t(locale, 'wrote', { file: options.output })}\n`);
  return 0;
}
