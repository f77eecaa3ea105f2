/**
 * Linting a run of files of one folder: what the CLI's main thread does for a handful of files, and each
 * worker thread does for its share of a folder run. Everything it gives back is plain data (findings,
 * messages by id, what was skipped and why), so that a worker can post it; nothing is printed here.
 *
 * A chunk is the files of one folder, in input order: each file is read and parsed once, and pairing with
 * last year's report takes its candidates from the documents already parsed (or from the cache) instead of
 * parsing the folder again; the documents are dropped when the chunk is done, so memory is bounded by a
 * chunk, not the folder run.
 */
import { dirname, resolve } from 'node:path';
import { lint, type Diagnostic, type Locale } from '@nianbao/lint';
import { parseReport, type ReportDocument, type SourceView } from '@nianbao/parse';
import {
  Project,
  editableText,
  fixUntilStable,
  identityOf,
  normalizeAgencyName,
  placedConfigProblems,
  viewOf,
  type ConfigError,
  type PreparedLint,
  type PreviousFailure,
  type ReadFailure,
  type SkippedFile,
} from '@nianbao/project';
import type { CommandIO } from './context.js';
import { LintCache, excerptLines, sha256, sparseText, type CacheEntry, type CacheKey } from './cache.js';
import { encodeLike } from './encode.js';
import type { FileResult } from './formatters/types.js';
import { readError, tryReadFile, writeInPlace, type ReadFile } from './io.js';
import { CliError, t, type MessageId } from './messages.js';

/** What every file of a run is linted with: plain data, posted to the workers as it is. */
export interface JobOptions {
  cwd: string;
  /** `--config FILE`. */
  configFile?: string;
  /** The locale asked for on the command line; a config's locale applies when absent. */
  locale?: Locale;
  previous?: string;
  reportSuppressed: boolean;
  quiet: boolean;
  fix: boolean;
  printPairs: boolean;
  /** Whether results carry the report's snapshot (the review page). */
  snapshot: boolean;
  /** More than one file in the run (last year's report may be one of them). */
  multiple: boolean;
  cache?: { dir: string; tool: string };
}

export interface JobFile {
  /** Its place in the run's input order. */
  index: number;
  path: string;
  explicit: boolean;
  root?: string;
  /** Content given instead of read (stdin). */
  bytes?: Uint8Array;
}

/** A file a run passed over: what the walk found, or a file of the walk or a glob that could not be read. */
export type Skipped = SkippedFile | { path: string; reason: 'not-a-report' | 'not-text' | 'too-large' | 'read-problem'; detail?: string; size?: number; limit?: number };

/** A message for stderr, by id, worded by the main thread. */
export interface JobMessage {
  id: MessageId;
  args: Record<string, string | number>;
}

/** What became of one file. */
export interface FileOutcome {
  index: number;
  /** Printed on stderr before the file's findings; `couldNotRun` makes the run exit 2. */
  messages: JobMessage[];
  couldNotRun: boolean;
  result?: FileResult;
  /** For `--print-pairs`: the file and the report it was paired with. */
  pair?: { file: string; previous: string | undefined };
  skipped?: Skipped;
  /** The run stops here (a file named on the command line that cannot be read, a wrong `--previous`…). */
  fatal?: JobMessage;
  /** Written already (a broken configuration, in its own words). */
  fatalText?: string;
  /** Whether the findings came from the cache. */
  cached?: boolean;
  /** The cache could not be written (said once, at the end of the run). */
  cacheFailure?: { file: string; reason: string };
}

const message = (error: CliError): JobMessage => ({ id: error.id, args: error.args as Record<string, string | number> });

function configErrorText(error: ConfigError, locale: Locale): string {
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

/** A file found by a walk or a glob that could not be read: passed over, with why. Undefined: a failure that stops the run. */
export function skippedFor(path: string, failure: ReadFailure, locale: Locale): Skipped | undefined {
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
 * The models of a chunk's reports, each kept only while a report not yet linted may pair with it as last
 * year's (the same agency, the year after): the rest of the folder needs only who each report is by.
 * Kept from first to last, a chunk's models were most of a worker's heap and of its collector's work.
 */
class KeptModels {
  private readonly identities = new Map<string, { agency: string | undefined; year: number | undefined } | null>();
  /** Reports not yet linted, by agency and year. */
  private readonly waiting = new Map<string, number>();
  private readonly linted = new Set<string>();

  constructor(private readonly models: Map<string, { view: SourceView; document: ReportDocument }>) {
    for (const [path, { document }] of models) {
      const identity = document.isReport ? identityOf(path, document) : null;
      this.identities.set(path, identity && { agency: identity.agency, year: identity.year });
      const key = this.keyOf(path, 0);
      if (key !== undefined) this.waiting.set(key, (this.waiting.get(key) ?? 0) + 1);
    }
  }

  /** Who a parsed report is by (`null`: no report), for pairing; undefined for a file not parsed here. */
  identity(path: string): { agency: string | undefined; year: number | undefined } | null | undefined {
    return this.identities.get(path);
  }

  /** `path` is being linted: it no longer waits for last year's report. */
  linting(path: string): void {
    this.linted.add(path);
    const key = this.keyOf(path, 0);
    if (key === undefined || !this.waiting.has(key)) return;
    const n = this.waiting.get(key)! - 1;
    if (n > 0) this.waiting.set(key, n);
    else this.waiting.delete(key);
  }

  /** Drops the model of a linted `path` unless a report still waiting is of its agency and the year after. */
  release(path: string): void {
    // Last year's report may come later in the folder: it is linted from its model still.
    if (!this.linted.has(path)) return;
    const next = this.keyOf(path, 1);
    if (next === undefined || !this.waiting.has(next)) this.models.delete(path);
  }

  /** The file changed (rewritten by --fix): neither its model nor its identity stands. */
  forget(path: string): void {
    this.models.delete(path);
    this.identities.delete(path);
  }

  private keyOf(path: string, years: number): string | undefined {
    const identity = this.identities.get(path);
    if (!identity || identity.agency === undefined || identity.year === undefined) return undefined;
    return `${normalizeAgencyName(identity.agency)}\0${identity.year + years}`;
  }
}

/** One worker's (or the main thread's) state across chunks: its project and cache. */
export class LintJob {
  readonly project: Project;
  private readonly cache: LintCache | undefined;
  private cacheFailureSaid = false;
  /** Files `--fix` rewrote, until the chunk hears of it. */
  private readonly rewritten = new Set<string>();

  constructor(
    private readonly options: JobOptions,
    /** The test hook of a write in place (CommandIO's); a worker has none. */
    private readonly hooks: Pick<CommandIO, 'beforeReplace'> = {},
  ) {
    this.project = new Project({ cwd: options.cwd, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}) });
    this.cache = options.cache ? new LintCache(options.cache.dir, options.cache.tool) : undefined;
  }

  /** Lints the files of one folder (in input order), giving each outcome as soon as it is known. */
  async runChunk(files: readonly JobFile[], emit: (outcome: FileOutcome) => void): Promise<void> {
    const read = new Map<number, ReadFile>();
    const hits = new Map<number, CacheEntry>();
    const parsed = new Map<string, { view: SourceView; document: ReportDocument }>();
    const keys = new Map<number, CacheKey>();
    const pending: JobFile[] = [];
    // Read every file first: the cache's verdicts and the pairing both need the whole chunk.
    for (const input of files) {
      const outcome: FileOutcome = { index: input.index, messages: [], couldNotRun: false };
      const config = await this.project.configFor(input.path, this.options.locale ?? 'zh');
      if (!config.ok) {
        emit({ ...outcome, fatalText: configErrorText(config.error, this.options.locale ?? 'zh') });
        return;
      }
      const locale: Locale = this.options.locale ?? config.config.locale ?? 'zh';
      const got = input.bytes !== undefined ? { ok: true as const, file: { bytes: input.bytes, stamp: { size: input.bytes.length, mtimeMs: 0, hash: sha256(input.bytes) } } } : await tryReadFile({ cwd: this.options.cwd }, input.path, input.root);
      if (!got.ok) {
        if (input.explicit) {
          emit({ ...outcome, fatal: message(readError(input.path, got.failure)) });
          return;
        }
        // A FIFO, a device, a link out of the folder, a file over the cap: named among the skipped.
        const skip = skippedFor(input.path, got.failure, locale);
        if (skip) emit({ ...outcome, skipped: skip });
        else emit({ ...outcome, messages: [message(readError(input.path, got.failure))], couldNotRun: true });
        continue;
      }
      read.set(input.index, got.file);
      pending.push(input);
      if (this.cache && !this.options.fix && !this.options.printPairs && input.bytes === undefined) {
        const key = this.keyFor(config, locale, input);
        keys.set(input.index, key);
        const entry = await this.cache.get(this.at(input.path), got.file.stamp.hash, key);
        if (entry) {
          hits.set(input.index, entry);
          continue;
        }
      }
      parsed.set(this.at(input.path), await this.parse(input.path, got.file.bytes));
    }
    this.knownIdentities.clear();
    // Cached neighbours are paired by the identity their entry remembers, not parsed again.
    if (hits.size > 0) for (const dir of new Set(pending.map((f) => dirname(this.at(f.path))))) await this.rememberIdentities(dir);
    const kept = new KeptModels(parsed);
    this.project.useCandidates({
      known: (path) => kept.identity(path),
      document: (path) => parsed.get(path)?.document,
      ...(this.cache ? { identity: this.identityFromCache() } : {}),
    });
    try {
      for (const input of pending) {
        const bytes = read.get(input.index)!;
        const entry = hits.get(input.index);
        if (entry && (await this.stillPaired(input, entry))) {
          emit(this.fromCache(input, entry));
          continue;
        }
        const at = this.at(input.path);
        const ready = parsed.get(at) ?? (await this.parse(input.path, bytes.bytes));
        kept.linting(at);
        const outcome = await this.lintOne(input, bytes, ready, keys.get(input.index));
        emit(outcome);
        if (outcome.fatal || outcome.fatalText) return;
        this.project.forgetPairing(input.path);
        // A report rewritten by --fix is read again as it now is by a neighbour that pairs with it.
        if (this.rewritten.delete(at)) kept.forget(at);
        kept.release(at);
        if (outcome.pair?.previous !== undefined) kept.release(this.at(outcome.pair.previous));
      }
    } finally {
      // Nothing of this folder is kept: the next chunk pairs among its own files.
      this.project.clearPrevious();
      this.project.useCandidates({});
    }
  }

  private at(path: string): string {
    return resolve(this.options.cwd, path);
  }

  private async parse(path: string, bytes: Uint8Array): Promise<{ view: SourceView; document: ReportDocument }> {
    const view = await viewOf(bytes, path);
    return { view, document: parseReport(view, { fileName: path }) };
  }

  /** The previous report asked for: `--previous`, or in a folder run `auto` unless the configuration names one. */
  private specFor(input: JobFile, config: Awaited<ReturnType<Project['configFor']>>): string | undefined {
    const fromConfig = config.ok ? config.config.previousReport : undefined;
    return this.options.previous ?? (!input.explicit && fromConfig === undefined ? 'auto' : undefined);
  }

  private keyFor(config: Awaited<ReturnType<Project['configFor']>>, locale: Locale, input: JobFile): CacheKey {
    return {
      config: sha256(JSON.stringify(config.ok ? { file: config.file ?? null, config: config.config } : null)),
      options: sha256(JSON.stringify({ locale, spec: this.specFor(input, config) ?? null, reportSuppressed: this.options.reportSuppressed, snapshot: this.options.snapshot, multiple: this.options.multiple })),
    };
  }

  /** Identities remembered in the cache for a neighbour's bytes, found while listing a folder's candidates. */
  private readonly knownIdentities = new Map<string, CacheEntry['identity'] | undefined>();
  private identityFromCache(): (path: string, bytes: Uint8Array) => { agency: string | undefined; year: number | undefined } | undefined {
    return (path) => this.knownIdentities.get(path) ?? undefined;
  }

  /**
   * Whether a cached result was linted with the report that would be paired now, as it is now: last
   * year's report edited, added or removed since means linting again.
   */
  private async stillPaired(input: JobFile, entry: CacheEntry): Promise<boolean> {
    const config = await this.project.configFor(input.path, this.options.locale ?? 'zh');
    const spec = this.specFor(input, config);
    let expected: string | undefined;
    if (spec === 'auto') {
      if (!entry.identity) return entry.previous === null;
      expected = await this.project.autoPairFor({ file: input.path, agency: entry.identity.agency, year: entry.identity.year });
    } else if (spec !== undefined || (config.ok && config.config.previousReport !== undefined)) {
      // A named report: the one the entry was linted with, if still the same content.
      expected = entry.previous?.file;
      if (expected === undefined) return false;
    }
    if (expected === undefined) return entry.previous === null;
    if (entry.previous === null || resolve(entry.previous.file) !== resolve(expected)) return false;
    const now = await tryReadFile({ cwd: this.options.cwd }, expected);
    return now.ok && now.file.stamp.hash === entry.previous.hash;
  }

  /** Loads the cached identities of a folder's text reports, so that listing its candidates parses none of them. */
  private async rememberIdentities(dir: string): Promise<void> {
    if (!this.cache) return;
    const { readdir } = await import('node:fs/promises');
    const { TEXT_REPORT_EXTENSIONS } = await import('@nianbao/project/walk');
    const { extname, join } = await import('node:path');
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!TEXT_REPORT_EXTENSIONS.has(extname(name).toLowerCase())) continue;
      const path = join(dir, name);
      const got = await tryReadFile({ cwd: this.options.cwd }, path);
      if (!got.ok) continue;
      const identity = await this.cache.identityOf(path, got.file.stamp.hash);
      if (identity) this.knownIdentities.set(path, identity);
    }
  }

  private fromCache(input: JobFile, entry: CacheEntry): FileOutcome {
    const outcome: FileOutcome = { index: input.index, messages: [], couldNotRun: false, cached: true };
    if (!entry.selected) {
      if (input.explicit) return { ...outcome, messages: [{ id: 'notAReport', args: { file: input.path } }], couldNotRun: true };
      return { ...outcome, skipped: { path: input.path, reason: 'not-a-report' } };
    }
    const diagnostics = this.options.quiet ? entry.diagnostics.filter((d) => d.severity === 'error') : entry.diagnostics;
    return { ...outcome, result: { file: input.path, text: sparseText(entry.lines), diagnostics, ...(entry.report ? { report: entry.report } : {}) } };
  }

  private async lintOne(input: JobFile, file: ReadFile, ready: { view: SourceView; document: ReportDocument }, key: CacheKey | undefined): Promise<FileOutcome> {
    const outcome: FileOutcome = { index: input.index, messages: [], couldNotRun: false };
    const options = this.options;
    const config = await this.project.configFor(input.path, options.locale ?? 'zh');
    const spec = this.specFor(input, config);
    const prepared: PreparedLint = await this.project.prepareLint(input.path, file.bytes, {
      ...(options.locale ? { locale: options.locale } : {}),
      ...(spec !== undefined ? { spec } : {}),
      reportSuppressed: options.reportSuppressed,
      parsed: ready,
    });
    const locale = prepared.locale;
    const unreadable = prepared.problems.find((p) => p.kind === 'read');
    if (unreadable) {
      if (input.explicit) return { ...outcome, fatal: message(readError(input.path, unreadable.failure)) };
      // In a folder run a file that cannot be read is named among the skipped, with why and what to do.
      return { ...outcome, skipped: skippedFor(input.path, unreadable.failure, locale) ?? { path: input.path, reason: 'unreadable' } };
    }
    if (!prepared.selected) {
      if (key) await this.store(input, file, key, prepared, [], '', undefined, false);
      if (input.explicit) return { ...outcome, messages: [{ id: 'notAReport', args: { file: input.path } }], couldNotRun: true };
      return { ...outcome, skipped: { path: input.path, reason: 'not-a-report' } };
    }
    const previousProblem = prepared.problems.find((p) => p.kind === 'previous');
    // In a run over several files, last year's report may be one of them: it is linted without a previous one.
    const isPrevious = previousProblem?.failure.kind === 'mismatch' && previousProblem.failure.mismatch.kind === 'same-file' && options.multiple;
    if (previousProblem && !isPrevious) return { ...outcome, fatal: message(previousError(previousProblem)) };
    const pair = { file: input.path, previous: prepared.options.previous?.file };
    if (options.printPairs) return { ...outcome, pair };
    let { document } = prepared;
    let diagnostics: Diagnostic[] = lint(document, prepared.options);
    const original = editableText(document);
    if (options.fix && original === undefined && diagnostics.some((d) => d.unappliedFix && !d.suppressed)) {
      outcome.messages.push({ id: 'fixesNotApplied', args: { file: input.path, count: diagnostics.filter((d) => d.unappliedFix && !d.suppressed).length, format: `.${document.source.format}` } });
    }
    let stored = file;
    if (options.fix && original !== undefined && diagnostics.some((d) => d.fix && !d.suppressed)) {
      const fixed = fixUntilStable(original, document, diagnostics, prepared.options, input.path);
      if (fixed.text !== original) {
        try {
          // Only if the file is still what was read: an edit saved meanwhile is never overwritten.
          const bytes = encodeLike(fixed.text, prepared.document.encoding);
          await writeInPlace({ cwd: options.cwd, ...(this.hooks.beforeReplace ? { beforeReplace: this.hooks.beforeReplace } : {}) }, input.path, bytes, file.stamp);
          ({ document, findings: diagnostics } = fixed);
          stored = { bytes, stamp: { ...file.stamp, hash: sha256(bytes) } };
          this.rewritten.add(this.at(input.path));
        } catch (error) {
          if (!(error instanceof CliError)) throw error;
          // The file is left as it is: say why, and go on with the others. A file changed since it was read
          // has findings of a text that is no longer there, so none are shown; a read-only file has those
          // of the text as read, which is still the file.
          outcome.messages.push(message(error));
          outcome.couldNotRun = true;
          if (error.id === 'writeChanged' || error.id === 'writeRemoved') return outcome;
        }
        // Its neighbours may pair it as their last year's report: read it again as it now is.
        this.project.clearPrevious();
      } else ({ document, findings: diagnostics } = fixed);
    }
    // Positions are the file's own: a page's excerpt comes from its HTML.
    const text = document.source.origin?.sourceText ?? document.text;
    const report = options.snapshot ? (await import('./formatters/review/snapshot.js')).reportSnapshot(document, prepared.options.previous) : undefined;
    if (key) await this.store(input, stored, key, prepared, diagnostics, text, report, true);
    if (this.cache?.failure && !this.cacheFailureSaid) {
      this.cacheFailureSaid = true;
      outcome.cacheFailure = this.cache.failure;
    }
    if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
    return { ...outcome, pair, result: { file: input.path, text, diagnostics, ...(report ? { report } : {}) } };
  }

  private async store(input: JobFile, file: ReadFile, key: CacheKey, prepared: PreparedLint, diagnostics: Diagnostic[], text: string, report: FileResult['report'], selected: boolean): Promise<void> {
    if (!this.cache) return;
    const previous = prepared.options.previous;
    let previousEntry: CacheEntry['previous'] = null;
    if (previous?.file !== undefined) {
      const got = await tryReadFile({ cwd: this.options.cwd }, previous.file);
      // Last year's report that cannot be read again: no entry, so the next run lints this one again.
      if (!got.ok) return;
      previousEntry = { file: resolve(this.options.cwd, previous.file), hash: got.file.stamp.hash };
    }
    const identity = identityOf(input.path, prepared.document);
    await this.cache.put({
      file: this.at(input.path),
      hash: file.stamp.hash,
      ...key,
      previous: previousEntry,
      identity: prepared.document.isReport ? { agency: identity.agency, year: identity.year } : null,
      selected,
      diagnostics,
      lines: excerptLines(text, diagnostics),
      ...(report ? { report } : {}),
    });
  }
}
