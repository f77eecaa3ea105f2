import { lstat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { RULES, type Locale } from '@nianbao/lint';
import { InputError, Project, expandInputs, placedConfigProblems, type SkippedFile } from '@nianbao/project';
import { DEFAULT_CACHE_LOCATION } from '../cache.js';
import type { CommandIO } from '../context.js';
import { FORMATTERS, REPORT_FORMATS, STREAMING, addToTotals, emptyTotals, type FileResult, type FormatContext } from '../formatters/index.js';
import { toolInfo } from '../formatters/tool.js';
import { onDisk, writeOutputFile } from '../io.js';
import { LintJob, type FileOutcome, type JobFile, type JobOptions, type Skipped } from '../lint-job.js';
import { WorstFiles, skippedLines, summaryText } from '../lint-summary.js';
import { CliError, t } from '../messages.js';
import { closestWord } from './options.js';
import { Progress } from '../progress.js';
import { chunksOf, runPool, threadsFor, workerScript } from '../pool.js';

export interface LintCommandOptions {
  format: string;
  fix: boolean;
  previous?: string;
  quiet: boolean;
  maxWarnings?: number;
  /** The locale asked for on the command line; a config's locale applies when absent. */
  locale?: Locale;
  reportSuppressed: boolean;
  /** Colours in the stylish output (a terminal, or FORCE_COLOR; never NO_COLOR). */
  color: boolean;
  /** Print which report is paired with which last year's report, and lint nothing. */
  printPairs?: boolean;
  /** `-o FILE`: the formatter's output goes to this file (written safely) instead of stdout. */
  outputFile?: string;
  force?: boolean;
  /** `--config FILE`: one configuration for every file. */
  config?: string;
  /** `--stdin-filename`: the name stdin's report is checked under (its folder's configuration, its format). */
  stdinFilename?: string;
  cache?: boolean;
  cacheLocation?: string;
  /** Worker threads: `auto` (by cores and files), `off`, or a number. */
  concurrency?: 'auto' | 'off' | number;
  /** `--no-ignore`: `.gitignore` and `.nianbaoignore` do not apply. */
  ignoreFiles?: boolean;
  /** `--no-progress`. */
  progress?: boolean;
  /** Colours on stderr's progress line (NO_COLOR says no). */
  stderrColor?: boolean;
}

async function inputsOf(paths: readonly string[], io: CommandIO, walked: SkippedFile[], ignoreFiles: boolean): ReturnType<typeof expandInputs> {
  try {
    return await expandInputs(paths, { cwd: io.cwd, skipped: walked, ignoreFiles });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw error.failure.kind === 'missing' ? new CliError('fileMissing', { file: error.path }) : new CliError('unreadable', { file: error.path, reason: error.failure.code });
  }
}

/** `-` names stdin: alone, never with --fix. */
async function stdinInput(paths: readonly string[], options: LintCommandOptions, io: CommandIO, locale: Locale): Promise<JobFile | undefined> {
  if (!paths.includes('-')) {
    if (options.stdinFilename !== undefined) throw new CliError('stdinFilenameAlone');
    return undefined;
  }
  if (paths.length > 1) throw new CliError('stdinNotAlone');
  if (options.fix) throw new CliError('stdinFix');
  if (!io.stdin) throw new CliError('stdinUnavailable');
  const bytes = await io.stdin().catch(() => {
    throw new CliError('stdinUnavailable');
  });
  return { index: 0, path: options.stdinFilename ?? t(locale, 'stdinName'), explicit: true, bytes };
}

/** Where formatted output goes: stdout as it comes, or gathered for `-o FILE` and written once at the end. */
class Output {
  private readonly parts: string[] = [];
  constructor(
    private readonly io: CommandIO,
    private readonly file: string | undefined,
    private readonly progress: Progress | undefined,
  ) {}

  write(text: string): void {
    if (text === '') return;
    if (this.file !== undefined) {
      this.parts.push(text);
      return;
    }
    this.progress?.clear();
    this.io.stdout(text);
  }

  async close(force: boolean): Promise<void> {
    if (this.file !== undefined) await writeOutputFile(this.io, this.file, this.parts.join(''), force);
  }
}

/** `nianbao lint [paths…]`: checks reports before they go online. Exit 0 clean, 1 errors, 2 could not run. */
export async function lintCommand(paths: readonly string[], options: LintCommandOptions, io: CommandIO): Promise<number> {
  const cliLocale: Locale = options.locale ?? 'zh';
  const batch = FORMATTERS[options.format];
  if (!batch) {
    const names = Object.keys(FORMATTERS);
    const suggestion = closestWord(options.format, names);
    throw new CliError('badFormat', { value: options.format, formats: names.join(','), ...(suggestion ? { suggestion } : {}) });
  }
  const outputFile = options.outputFile !== undefined && options.outputFile !== '-' ? options.outputFile : undefined;
  // Refused before anything is linted: an hour's folder run must not end in "the file exists".
  if (outputFile !== undefined && !options.force && (await lstat(onDisk(io, outputFile)).then(() => true, () => false))) throw new CliError('outputExists', { file: outputFile });
  const stdin = await stdinInput(paths, options, io, cliLocale);
  const walked: SkippedFile[] = [];
  // The run's own output file (a review page written into the folder it checks) is never one of its inputs.
  const ownOutput = outputFile !== undefined ? resolve(io.cwd, outputFile) : undefined;
  const found = stdin ? [] : (await inputsOf(paths, io, walked, options.ignoreFiles ?? true)).filter((f) => f.explicit || resolve(io.cwd, f.path) !== ownOutput);
  const files: JobFile[] = stdin ? [stdin] : found.map((f, index) => ({ index, path: f.path, explicit: f.explicit, ...(f.root !== undefined ? { root: f.root } : {}) }));
  if (files.length === 0) {
    // Nothing to check: still say what was passed over (a folder of FIFOs or links out of it is no empty folder).
    if (walked.length > 0) io.stderr(`${skippedLines(walked, cliLocale).join('\n')}\n`);
    throw new CliError('noReports', { paths: paths.join(' ') || '.' });
  }
  // A broken configuration stops the run before anything is read: every file under it would be wrong.
  const project = new Project({ cwd: io.cwd, ...(options.config !== undefined ? { configFile: options.config } : {}) });
  for (const dir of new Set(files.map((f) => dirname(resolve(io.cwd, f.path))))) {
    const config = await project.configFor(join(dir, 'x'), cliLocale);
    if (!config.ok) {
      io.stderr(`${placedConfigProblems(config.error).map((p) => t(cliLocale, 'configProblem', { where: p.where, path: p.path, message: p.message })).join('\n')}\n`);
      return 2;
    }
  }
  const job: JobOptions = {
    cwd: io.cwd,
    ...(options.config !== undefined ? { configFile: options.config } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.previous !== undefined ? { previous: options.previous } : {}),
    reportSuppressed: options.reportSuppressed,
    quiet: options.quiet,
    fix: options.fix,
    printPairs: options.printPairs === true,
    snapshot: REPORT_FORMATS.has(options.format),
    multiple: files.length > 1,
    ...(options.cache ? { cache: { dir: resolve(io.cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION), tool: toolInfo().version } } : {}),
  };
  const locale: Locale = cliLocale;
  const progress =
    io.stderrTTY && options.progress !== false && files.length > 1 && !options.printPairs
      ? new Progress({ total: files.length, locale, write: io.stderr, columns: io.stderrTTY.columns, color: options.stderrColor ?? false })
      : undefined;
  const out = new Output(io, outputFile, progress);
  const context: FormatContext = { locale, color: options.color && options.format === 'stylish' && outputFile === undefined, rules: RULES, cwd: io.cwd };
  const stream = STREAMING[options.format]?.();
  const collected: FileResult[] = [];
  const totals = emptyTotals();
  const worst = new WorstFiles();
  const skipped: Skipped[] = [...walked];
  const pairs: Array<{ file: string; previous: string | undefined }> = [];
  let couldNotRun = false;
  let fatal: string | undefined;
  let cacheFailure: { file: string; reason: string } | undefined;
  let written = 0;
  const say = (text: string): void => {
    progress?.clear();
    io.stderr(`${text}\n`);
    progress?.redraw();
  };
  if (stream) out.write(stream.start(context));
  /** Each file's outcome, in input order. `false`: the run stops. */
  const take = (o: FileOutcome): boolean => {
    for (const m of o.messages) say(t(locale, m.id, m.args));
    if (o.couldNotRun) couldNotRun = true;
    cacheFailure ??= o.cacheFailure;
    if (o.fatalText !== undefined || o.fatal) {
      fatal = o.fatalText ?? t(locale, o.fatal!.id, o.fatal!.args);
      return false;
    }
    if (o.skipped) skipped.push(o.skipped);
    if (o.pair) pairs.push(o.pair);
    let findings = 0;
    if (o.result && !options.printPairs) {
      const r = o.result;
      addToTotals(totals, r);
      const active = r.diagnostics.filter((d) => !d.suppressed);
      findings = active.length;
      worst.add(r.file, active.filter((d) => d.severity === 'error').length, active.filter((d) => d.severity === 'warning').length);
      if (stream) out.write(stream.file(r, context, written++));
      else collected.push(r);
    }
    progress?.tick(findings);
    return true;
  };
  // --fix writes files a neighbour may pair as last year's, and stdin is one file: both stay in this thread.
  const threads = options.fix || options.printPairs || stdin ? 1 : threadsFor(options.concurrency ?? 'auto', files.length);
  const script = threads > 1 ? workerScript() : undefined;
  const chunks = chunksOf(files, (p) => dirname(resolve(io.cwd, p)));
  try {
    if (script) await runPool({ threads, script, options: job, chunks, onOutcome: take });
    else {
      const one = new LintJob(job, io.beforeReplace ? { beforeReplace: io.beforeReplace } : {});
      let going = true;
      for (const chunk of chunks) {
        if (!going) break;
        await one.runChunk(chunk, (o) => {
          if (going) going = take(o);
        });
      }
    }
  } catch (error) {
    progress?.clear();
    if (error instanceof CliError) throw error;
    throw new CliError('workerFailed', { reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
  }
  progress?.clear();
  if (fatal !== undefined) {
    io.stderr(`${fatal}\n`);
    return 2;
  }
  if (options.printPairs) {
    // Relative to the run's folder where last year's report was found by pairing (an absolute path).
    const shown = (p: string): string => (isAbsolute(p) ? relative(io.cwd, p) || p : p);
    for (const pair of pairs) io.stdout(`${t(locale, pair.previous ? 'pairLine' : 'pairNone', { file: pair.file, previous: pair.previous ? shown(pair.previous) : '' })}\n`);
    return couldNotRun ? 2 : 0;
  }
  out.write(stream ? stream.end(context, totals) : batch(collected, context));
  await out.close(options.force === true);
  if (cacheFailure) io.stderr(`${t(locale, 'cacheUnwritable', cacheFailure)}\n`);
  io.stderr(summaryText(totals, worst, skipped, locale));
  if (couldNotRun) return 2;
  if (totals.errors > 0) return 1;
  if (options.maxWarnings !== undefined && totals.warnings > options.maxWarnings) {
    io.stderr(`${t(locale, 'tooManyWarnings', { max: options.maxWarnings })}\n`);
    return 1;
  }
  return 0;
}
