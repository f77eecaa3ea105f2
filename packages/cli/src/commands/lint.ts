import { dirname, resolve } from 'node:path';
import { RULES, applyFixes, lint, type Diagnostic, type LintOptions, type Locale, type NianbaoConfig } from '@nianbao/lint';
import { ConfigError, configFor, findPreviousReportAuto } from '@nianbao/lint/node';
import { parseReport, type ReportDocument } from '@nianbao/parse';
import writeFileAtomic from 'write-file-atomic';
import { expandInputs } from '../files.js';
import { FORMATTERS, type FileResult } from '../formatters/index.js';
import { readReportFile } from '../io.js';
import { CliError, t } from '../messages.js';
import { encodeLike } from '../encode.js';
import type { CommandIO } from './extract.js';

export interface LintCommandOptions {
  format: string;
  fix: boolean;
  previous?: string;
  quiet: boolean;
  maxWarnings?: number;
  /** The locale asked for on the command line; a config's locale applies when absent. */
  locale?: Locale;
  reportSuppressed: boolean;
  color: boolean;
}

const MAX_FIX_PASSES = 10;

interface Loaded {
  document: ReportDocument;
  bytes: Uint8Array;
}

async function loadReport(file: string): Promise<Loaded> {
  const bytes = await readReportFile(file);
  return { document: parseReport(bytes, { fileName: file }), bytes };
}

/** The configuration of each folder, read once. */
function configCache(locale: Locale): (file: string) => Promise<{ config: NianbaoConfig; file?: string }> {
  const cache = new Map<string, Promise<{ config: NianbaoConfig; file?: string }>>();
  return (file) => {
    const dir = dirname(resolve(file));
    let entry = cache.get(dir);
    if (!entry) {
      entry = configFor(file, locale);
      cache.set(dir, entry);
    }
    return entry;
  };
}

async function previousFor(
  file: string,
  document: ReportDocument,
  requested: string | undefined,
  config: { config: NianbaoConfig; file?: string },
): Promise<LintOptions['previous']> {
  const fromConfig = config.config.previousReport;
  const spec = requested ?? fromConfig;
  if (spec === undefined) return undefined;
  if (spec === 'auto') return findPreviousReportAuto(file, document);
  // A path in the config is relative to the config file; on the command line, to the working folder.
  const path = requested !== undefined ? requested : resolve(dirname(config.file!), spec);
  const { document: previous } = await loadReport(path);
  if (!previous.isReport) throw new CliError('notAReport', { file: path });
  return { document: previous, file: path };
}

function configErrorMessage(error: ConfigError, locale: Locale): string {
  return error.problems
    .map((p) => {
      const where = p.line !== undefined ? `${error.file}:${p.line}:${p.column ?? 1}` : error.file;
      return locale === 'zh'
        ? `配置文件有误：${where}（${p.path}）${p.message}。请改正后重试。`
        : `Bad configuration: ${where} (${p.path}) ${p.message}. Correct it and try again.`;
    })
    .join('\n');
}

function summary(results: readonly FileResult[], skipped: number, locale: Locale): string {
  const count = (r: FileResult, s: Diagnostic['severity']): number => r.diagnostics.filter((d) => d.severity === s && !d.suppressed).length;
  const total = (s: Diagnostic['severity']): number => results.reduce((n, r) => n + count(r, s), 0);
  const suppressed = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.suppressed).length, 0);
  const lines: string[] = [];
  if (results.length > 1) {
    const worst = [...results]
      .filter((r) => count(r, 'error') + count(r, 'warning') > 0)
      .sort((a, b) => count(b, 'error') - count(a, 'error') || count(b, 'warning') - count(a, 'warning') || a.file.localeCompare(b.file))
      .slice(0, 10);
    if (worst.length > 0) {
      lines.push(locale === 'zh' ? '问题最多的文件：' : 'Files with the most findings:');
      for (const r of worst) {
        lines.push(
          locale === 'zh' ? `  ${r.file}：错误 ${count(r, 'error')}，提示 ${count(r, 'warning')}` : `  ${r.file}: ${count(r, 'error')} errors, ${count(r, 'warning')} warnings`,
        );
      }
    }
  }
  const skippedText = skipped > 0 ? (locale === 'zh' ? `；跳过 ${skipped} 个不是年度报告的文件` : `; skipped ${skipped} files that are not annual reports`) : '';
  const suppressedText = suppressed > 0 ? (locale === 'zh' ? `；已按注释忽略 ${suppressed} 个` : `; ${suppressed} suppressed by comments`) : '';
  lines.push(
    locale === 'zh'
      ? `检查了 ${results.length} 个文件：错误 ${total('error')} 个，提示 ${total('warning')} 个，信息 ${total('info')} 个${suppressedText}${skippedText}。`
      : `Checked ${results.length} files: ${total('error')} errors, ${total('warning')} warnings, ${total('info')} info${suppressedText}${skippedText}.`,
  );
  return `${lines.join('\n')}\n`;
}

/** `nianbao lint [paths…]`: checks reports before they go online. Exit 0 clean, 1 errors, 2 could not run. */
export async function lintCommand(paths: readonly string[], options: LintCommandOptions, io: CommandIO): Promise<number> {
  const cliLocale: Locale = options.locale ?? 'zh';
  const formatter = FORMATTERS[options.format];
  if (!formatter) throw new CliError('badFormat', { value: options.format });
  const files = await expandInputs(paths.length > 0 ? paths : ['.']);
  if (files.length === 0) throw new CliError('noReports', { paths: paths.join(' ') || '.' });
  const loadConfig = configCache(cliLocale);
  const results: FileResult[] = [];
  let skipped = 0;
  let couldNotRun = false;
  for (const input of files) {
    let config: { config: NianbaoConfig; file?: string };
    try {
      config = await loadConfig(input.path);
    } catch (error) {
      if (error instanceof ConfigError) {
        io.stderr(`${configErrorMessage(error, cliLocale)}\n`);
        return 2;
      }
      throw error;
    }
    const locale: Locale = options.locale ?? config.config.locale ?? 'zh';
    let loaded: Loaded;
    try {
      loaded = await loadReport(input.path);
    } catch (error) {
      if (!(error instanceof CliError) || input.explicit) throw error;
      io.stderr(`${t(locale, error.id, error.args)}\n`);
      couldNotRun = true;
      continue;
    }
    if (loaded.document.encoding === 'binary' || !loaded.document.isReport) {
      if (input.explicit) {
        io.stderr(`${t(locale, loaded.document.encoding === 'binary' ? 'notText' : 'notAReport', { file: input.path })}\n`);
        couldNotRun = true;
      } else skipped++;
      continue;
    }
    const previous = await previousFor(input.path, loaded.document, options.previous, config);
    const lintOptions: LintOptions = {
      locale,
      reportSuppressed: options.reportSuppressed,
      ...(config.config.rules ? { rules: config.config.rules } : {}),
      ...(config.config.agencyKind ? { agencyKind: config.config.agencyKind } : {}),
      ...(config.config.docsBaseUrl ? { docsBaseUrl: config.config.docsBaseUrl } : {}),
      ...(previous ? { previous } : {}),
    };
    let document = loaded.document;
    let diagnostics = lint(document, lintOptions);
    if (options.fix && diagnostics.some((d) => d.fix && !d.suppressed)) {
      let text = document.text;
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const { text: next, applied } = applyFixes(text, diagnostics);
        if (applied.length === 0) break;
        text = next;
        document = parseReport(text, { fileName: input.path });
        diagnostics = lint(document, lintOptions);
      }
      if (text !== loaded.document.text) {
        try {
          await writeFileAtomic(input.path, encodeLike(text, loaded.document.encoding));
        } catch (error) {
          throw new CliError('outputFailed', { file: input.path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
        }
      }
    }
    if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
    results.push({ file: input.path, text: document.text, diagnostics });
  }
  const locale: Locale = options.locale ?? 'zh';
  io.stdout(formatter(results, { locale, color: options.color && options.format === 'stylish', rules: RULES }));
  io.stderr(summary(results, skipped, locale));
  if (couldNotRun) return 2;
  const active = results.flatMap((r) => r.diagnostics).filter((d) => !d.suppressed);
  if (active.some((d) => d.severity === 'error')) return 1;
  if (options.maxWarnings !== undefined && active.filter((d) => d.severity === 'warning').length > options.maxWarnings) {
    io.stderr(`${t(locale, 'tooManyWarnings', { max: options.maxWarnings })}\n`);
    return 1;
  }
  return 0;
}
