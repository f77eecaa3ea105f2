import { isAbsolute, relative } from 'node:path';
import { RULES, lint, type Diagnostic, type Locale } from '@nianbao/lint';
import {
  InputError,
  Project,
  editableText,
  expandInputs,
  fixUntilStable,
  placedConfigProblems,
  type ConfigError,
  type PreviousFailure,
  type ReadFailure,
  type SkippedFile,
} from '@nianbao/project';
import type { CommandIO } from '../context.js';
import { encodeLike } from '../encode.js';
import { FORMATTERS, type FileResult } from '../formatters/index.js';
import { readError, tryReadFile, writeInPlace } from '../io.js';
import { CliError, t } from '../messages.js';

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
  /** Print which report is paired with which last year's report, and lint nothing. */
  printPairs?: boolean;
}

function configErrorMessage(error: ConfigError, locale: Locale): string {
  return placedConfigProblems(error)
    .map((p) => t(locale, 'configProblem', { where: p.where, path: p.path, message: p.message }))
    .join('\n');
}

/** Last year's report could not be used: the run stops, as for any file named that cannot be read. */
function previousError(problem: PreviousFailure): CliError {
  const { file, failure } = problem;
  if (failure.kind === 'not-a-report') return new CliError('notAReport', { file });
  if (failure.kind !== 'mismatch') return readError(file, failure);
  // Paired with the wrong report, every carry-over finding would be false: refuse, and say which wrong.
  const m = failure.mismatch;
  if (m.kind === 'same-file') return new CliError('previousSameFile', { file });
  if (m.kind === 'other-agency') return new CliError('previousOtherAgency', { file, agency: m.agency, previousAgency: m.previousAgency });
  return new CliError('previousWrongYear', { file, year: m.year, previousYear: m.previousYear, expected: m.year - 1 });
}

/** A file a run passed over: what the walk found, or a file of the walk or a glob that could not be read. */
type Skipped = SkippedFile | { path: string; reason: 'not-a-report' | 'not-text' | 'too-large' | 'read-problem'; detail?: string; size?: number; limit?: number };

/** Why a file was passed over, and what to do, in the locale. */
function skipText(f: Skipped, locale: Locale): string {
  switch (f.reason) {
    case 'legacy-word':
      return t(locale, 'skipLegacyWord');
    case 'wps':
      return t(locale, 'skipWps');
    case 'ofd':
      return t(locale, 'skipOfd');
    case 'other':
      return t(locale, 'skipOther');
    case 'not-a-report':
      return t(locale, 'skipNotAReport');
    case 'unreadable':
      return t(locale, 'skipUnreadable', 'code' in f && f.code !== undefined ? { code: f.code } : {});
    case 'not-regular':
      return t(locale, 'skipNotRegular', { type: ('fileType' in f && f.fileType) || 'other' });
    case 'outside-link':
      return t(locale, 'skipOutsideLink', { target: ('target' in f && f.target) || '?' });
    case 'dangling-link':
      return t(locale, 'skipDanglingLink', { target: ('target' in f && f.target) || '?' });
    case 'link-loop':
      return t(locale, 'skipLinkLoop');
    case 'too-large':
      return t(locale, 'skipTooLarge', { size: ('size' in f && f.size) || 0, limit: ('limit' in f && f.limit) || 0 });
    case 'not-text':
      return t(locale, 'skipNotText');
    case 'read-problem':
      return ('detail' in f && f.detail) || t(locale, 'skipUnreadable', {});
  }
}

/** A file found by a walk or a glob that could not be read: passed over, with why. Undefined: a failure that stops the run. */
function skippedFor(path: string, failure: ReadFailure, locale: Locale): Skipped | undefined {
  switch (failure.kind) {
    case 'not-regular':
      return { path, reason: 'not-regular', fileType: failure.fileType };
    case 'outside-link':
    case 'dangling-link':
      return { path, reason: failure.kind, target: failure.target };
    case 'too-large':
      return { path, reason: 'too-large', size: failure.size, limit: failure.limit };
    case 'not-text':
      return { path, reason: 'not-text' };
    case 'read-problem':
      return { path, reason: 'read-problem', detail: failure.message[locale] };
    default:
      // Missing since the walk, a folder, or a permission: the run cannot say it checked the folder.
      return undefined;
  }
}

/**
 * One line per file a folder run passed over, with why and what to do: every file that is named like a
 * report (or could be one) is listed; files of other formats up to a bound, then counted.
 */
function skippedLines(skipped: readonly Skipped[], locale: Locale): string[] {
  const MAX_OTHER = 30;
  const important = skipped.filter((f) => f.reason !== 'other');
  const other = skipped.filter((f) => f.reason === 'other');
  const listed = [...important, ...other.slice(0, Math.max(0, MAX_OTHER - important.length))];
  const shown = listed.map((f) => `  ${f.path}：${skipText(f, locale)}`);
  if (skipped.length > listed.length) shown.push(`  ${t(locale, 'skippedMore', { count: skipped.length - listed.length })}`);
  return [t(locale, 'skippedHeader', { count: skipped.length }), ...shown];
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
      lines.push(t(locale, 'worstHeader'));
      for (const r of worst) lines.push(`  ${t(locale, 'worstFile', { file: r.file, errors: count(r, 'error'), warnings: count(r, 'warning') })}`);
    }
  }
  if (skipped > 0) lines.push(...skippedLines(skippedFiles, locale));
  lines.push(
    t(locale, 'summary', {
      files: results.length,
      errors: total('error'),
      warnings: total('warning'),
      info: total('info'),
      suppressed: suppressed > 0 ? t(locale, 'summarySuppressed', { count: suppressed }) : '',
      skipped: skipped > 0 ? t(locale, 'summarySkipped', { count: skipped }) : '',
    }),
  );
  return `${lines.join('\n')}\n`;
}

async function inputsOf(paths: readonly string[], io: CommandIO, walked: SkippedFile[]): ReturnType<typeof expandInputs> {
  try {
    return await expandInputs(paths, { cwd: io.cwd, skipped: walked });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw error.failure.kind === 'missing' ? new CliError('fileMissing', { file: error.path }) : new CliError('unreadable', { file: error.path, reason: error.failure.code });
  }
}

/** `nianbao lint [paths…]`: checks reports before they go online. Exit 0 clean, 1 errors, 2 could not run. */
export async function lintCommand(paths: readonly string[], options: LintCommandOptions, io: CommandIO): Promise<number> {
  const cliLocale: Locale = options.locale ?? 'zh';
  const formatter = FORMATTERS[options.format];
  if (!formatter) throw new CliError('badFormat', { value: options.format });
  const walked: SkippedFile[] = [];
  const files = await inputsOf(paths.length > 0 ? paths : ['.'], io, walked);
  if (files.length === 0) {
    // Nothing to check: still say what was passed over (a folder of FIFOs or links out of it is no empty folder).
    if (walked.length > 0) io.stderr(`${skippedLines(walked, cliLocale).join('\n')}\n`);
    throw new CliError('noReports', { paths: paths.join(' ') || '.' });
  }
  const project = new Project({ cwd: io.cwd });
  const results: FileResult[] = [];
  const skipped: Skipped[] = [...walked];
  const pairs: Array<{ file: string; previous: string | undefined }> = [];
  let couldNotRun = false;
  for (const input of files) {
    // A broken configuration stops the run before anything is read: every file under it would be wrong.
    const config = await project.configFor(input.path, cliLocale);
    if (!config.ok) {
      io.stderr(`${configErrorMessage(config.error, cliLocale)}\n`);
      return 2;
    }
    const locale: Locale = options.locale ?? config.config.locale ?? 'zh';
    // A file named itself must stay in its own folder; one a walk or a glob found, in the folder walked.
    const read = await tryReadFile(io, input.path, input.root);
    if (!read.ok) {
      if (input.explicit) throw readError(input.path, read.failure);
      // A FIFO, a device, a link out of the folder, a file over the cap: named among the skipped.
      const skip = skippedFor(input.path, read.failure, locale);
      if (skip) {
        skipped.push(skip);
        continue;
      }
      const error = readError(input.path, read.failure);
      io.stderr(`${t(locale, error.id, error.args)}\n`);
      couldNotRun = true;
      continue;
    }
    const { bytes, stamp } = read.file;
    // A folder of reports pairs each with the same agency's report of the year before, unless told otherwise.
    const spec = options.previous ?? (!input.explicit && config.config.previousReport === undefined ? 'auto' : undefined);
    const prepared = await project.prepareLint(input.path, bytes, {
      ...(options.locale ? { locale: options.locale } : {}),
      ...(spec !== undefined ? { spec } : {}),
      reportSuppressed: options.reportSuppressed,
    });
    const unreadable = prepared.problems.find((p) => p.kind === 'read');
    if (unreadable) {
      if (input.explicit) throw readError(input.path, unreadable.failure);
      // In a folder run a file that cannot be read is named among the skipped, with why and what to do.
      skipped.push(skippedFor(input.path, unreadable.failure, locale) ?? { path: input.path, reason: 'unreadable' });
      continue;
    }
    if (!prepared.selected) {
      if (input.explicit) {
        io.stderr(`${t(locale, 'notAReport', { file: input.path })}\n`);
        couldNotRun = true;
      } else skipped.push({ path: input.path, reason: 'not-a-report' });
      continue;
    }
    const previousProblem = prepared.problems.find((p) => p.kind === 'previous');
    // In a run over several files, last year's report may be one of them: it is linted without a previous one.
    const isPrevious = previousProblem?.failure.kind === 'mismatch' && previousProblem.failure.mismatch.kind === 'same-file' && files.length > 1;
    if (previousProblem && !isPrevious) throw previousError(previousProblem);
    pairs.push({ file: input.path, previous: prepared.options.previous?.file });
    if (options.printPairs) continue;
    let { document } = prepared;
    let diagnostics = lint(document, prepared.options);
    const original = editableText(document);
    if (options.fix && original === undefined && diagnostics.some((d) => d.unappliedFix && !d.suppressed)) {
      io.stderr(`${t(locale, 'fixesNotApplied', { file: input.path, count: diagnostics.filter((d) => d.unappliedFix && !d.suppressed).length, format: `.${document.source.format}` })}\n`);
    }
    if (options.fix && original !== undefined && diagnostics.some((d) => d.fix && !d.suppressed)) {
      const fixed = fixUntilStable(original, document, diagnostics, prepared.options, input.path);
      if (fixed.text !== original) {
        try {
          // Only if the file is still what was read: an edit saved meanwhile is never overwritten.
          await writeInPlace(io, input.path, encodeLike(fixed.text, prepared.document.encoding), stamp);
          ({ document, findings: diagnostics } = fixed);
        } catch (error) {
          if (!(error instanceof CliError)) throw error;
          // The file is left as it is: say why, and go on with the others. A file changed since it was read
          // has findings of a text that is no longer there, so none are shown; a read-only file has those
          // of the text as read, which is still the file.
          io.stderr(`${t(locale, error.id, error.args)}\n`);
          couldNotRun = true;
          if (error.id === 'writeChanged' || error.id === 'writeRemoved') continue;
        }
        // Its neighbours may pair it as their last year's report: read it again as it now is.
        project.clearPrevious();
      } else ({ document, findings: diagnostics } = fixed);
    }
    if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
    // Positions are the file's own: a page's excerpt comes from its HTML.
    results.push({ file: input.path, text: document.source.origin?.sourceText ?? document.text, diagnostics });
  }
  const locale: Locale = options.locale ?? 'zh';
  if (options.printPairs) {
    // Relative to the run's folder where last year's report was found by pairing (an absolute path).
    const shown = (p: string): string => (isAbsolute(p) ? relative(io.cwd, p) || p : p);
    for (const pair of pairs) io.stdout(`${t(locale, pair.previous ? 'pairLine' : 'pairNone', { file: pair.file, previous: pair.previous ? shown(pair.previous) : '' })}\n`);
    return couldNotRun ? 2 : 0;
  }
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
