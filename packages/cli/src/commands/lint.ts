import { dirname, resolve } from 'node:path';
import { RULES, applyFixes, lint, type Diagnostic, type LintOptions, type Locale, type NianbaoConfig } from '@nianbao/lint';
import { ConfigError, configFor, findPreviousReportAuto } from '@nianbao/lint/node';
import { parseReport, readSourceSync, type ReportDocument } from '@nianbao/parse';
import writeFileAtomic from 'write-file-atomic';
import { expandInputs, type SkippedFile } from '../files.js';
import { FORMATTERS, type FileResult } from '../formatters/index.js';
import { readReport } from '../io.js';
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
  return readReport(file);
}

/** The text a fix edits: the file's own text (the HTML source for a page); none for a .docx or PDF. */
function editableText(document: ReportDocument): string | undefined {
  if (document.source.format === 'docx' || document.source.format === 'pdf') return undefined;
  return document.source.origin?.sourceText ?? document.text;
}

/** The document a fixed text reads as, through the same reader as the file. */
function reparse(text: string, document: ReportDocument, file: string): ReportDocument {
  return document.source.format === 'html' ? parseReport(readSourceSync(text, file)) : parseReport(text, { fileName: file });
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

/** One line per file a folder run passed over, with why and what to do. */
function skippedLines(skipped: readonly Skipped[], locale: Locale): string[] {
  const REASONS: Record<Skipped['reason'], { zh: string; en: string }> = {
    'legacy-word': { zh: '旧版 Word 或 RTF 文件，请另存为 .docx 后再检查', en: 'an old Word or RTF file: save it as .docx' },
    wps: { zh: 'WPS 文件，请在 WPS 中另存为 .docx 后再检查', en: 'a WPS file: save it as .docx in WPS' },
    ofd: { zh: 'OFD 版式文件，请导出为 PDF 或 .docx 后再检查', en: 'an OFD file: export it as PDF or .docx' },
    other: { zh: '不是报告文件的格式', en: 'not a report file format' },
    'not-a-report': { zh: '读得出，但不是政府信息公开工作年度报告', en: 'readable, but not an annual report' },
    unreadable: { zh: '无法读取', en: 'could not be read' },
  };
  const shown = skipped.slice(0, 30).map((f) => `  ${f.path}：${f.detail ?? REASONS[f.reason][locale]}`);
  if (skipped.length > shown.length) shown.push(locale === 'zh' ? `  ……另有 ${skipped.length - shown.length} 个` : `  … and ${skipped.length - shown.length} more`);
  return [locale === 'zh' ? `跳过的文件（${skipped.length} 个）：` : `Files skipped (${skipped.length}):`, ...shown];
}

interface Skipped {
  path: string;
  reason: SkippedFile['reason'] | 'not-a-report' | 'unreadable';
  detail?: string;
}

function summary(results: readonly FileResult[], skippedFiles: readonly Skipped[], locale: Locale): string {
  const skipped = skippedFiles.length;
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
  if (skipped > 0) lines.push(...skippedLines(skippedFiles, locale));
  const skippedText = skipped > 0 ? (locale === 'zh' ? `；跳过 ${skipped} 个文件` : `; skipped ${skipped} files`) : '';
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
  const walked: SkippedFile[] = [];
  const files = await expandInputs(paths.length > 0 ? paths : ['.'], walked);
  if (files.length === 0) throw new CliError('noReports', { paths: paths.join(' ') || '.' });
  const loadConfig = configCache(cliLocale);
  const results: FileResult[] = [];
  const skipped: Skipped[] = [...walked];
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
      // In a folder run a file that cannot be read is named among the skipped, with what to do.
      if (error.id === 'readProblem' || error.id === 'notText') {
        skipped.push({ path: input.path, reason: 'unreadable', ...(error.id === 'readProblem' ? { detail: String(error.args[locale === 'zh' ? 'zh' : 'en']) } : {}) });
        continue;
      }
      io.stderr(`${t(locale, error.id, error.args)}\n`);
      couldNotRun = true;
      continue;
    }
    if (!loaded.document.isReport) {
      if (input.explicit) {
        io.stderr(`${t(locale, 'notAReport', { file: input.path })}\n`);
        couldNotRun = true;
      } else skipped.push({ path: input.path, reason: 'not-a-report' });
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
    const original = editableText(document);
    if (options.fix && original === undefined && diagnostics.some((d) => d.unappliedFix && !d.suppressed)) {
      io.stderr(`${t(locale, 'fixesNotApplied', { file: input.path, count: diagnostics.filter((d) => d.unappliedFix && !d.suppressed).length, format: `.${document.source.format}` })}\n`);
    }
    if (options.fix && original !== undefined && diagnostics.some((d) => d.fix && !d.suppressed)) {
      let text = original;
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const { text: next, applied } = applyFixes(text, diagnostics);
        if (applied.length === 0) break;
        text = next;
        document = reparse(text, document, input.path);
        diagnostics = lint(document, lintOptions);
      }
      if (text !== original) {
        try {
          await writeFileAtomic(input.path, encodeLike(text, loaded.document.encoding));
        } catch (error) {
          throw new CliError('outputFailed', { file: input.path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
        }
      }
    }
    if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
    // Positions are the file's own: a page's excerpt comes from its HTML.
    results.push({ file: input.path, text: document.source.origin?.sourceText ?? document.text, diagnostics });
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
