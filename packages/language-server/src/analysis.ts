import { deserialize } from 'node:v8';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { INTERNAL_ERROR, ruleDocsUrl, type Diagnostic, type LintOptions, type Locale } from '@nianbao/lint';
import type { ReportDocument } from '@nianbao/parse';
import { serverDiagnostic } from './diagnostics.js';
import type { Log } from './guard.js';
import type { AnalysisModel, AnalysisSummary, AnalyzeJob, AnalyzeOutcome, FixAllOutcome } from './lint-job.js';
import { WorkerLostError, type JobRunner, type Running } from './lint-pool.js';
import { t } from './messages.js';
import type { EditorSettings, SettingsCache } from './settings.js';

export { MAX_TEXT_LENGTH } from './lint-job.js';

/** The text of a document at one version, as the editor has it. */
export interface TextSnapshot {
  uri: string;
  version: number | null;
  text: string;
  /** Offsets to positions of this very text (TextDocument.positionAt). */
  positionAt(offset: number): { line: number; character: number };
}

/** Everything the features need to know about one version of a document. */
export interface Analysis {
  uri: string;
  version: number | null;
  /** Absent when the text was too large to parse. */
  document?: ReportDocument;
  /** Whether the document gets diagnostics (an annual report, or named in `nianbao.files`). */
  selected: boolean;
  locale: Locale;
  settings: EditorSettings;
  /** The findings of lint, as the CLI would report them. */
  findings: Diagnostic[];
  /** What is published: the findings converted, and the server's own problems. */
  diagnostics: LspDiagnostic[];
  /** The options the findings were made with, so that fix-all re-lints the same way. */
  lintOptions: LintOptions;
}

export interface AnalyzerDeps {
  settings: Pick<SettingsCache, 'get'>;
  /** Where the lint runs: the worker pool. */
  runner: JobRunner;
  /** The workspace folders' paths, for `nianbao.files` and relative `previousReport` settings. */
  folders(): string[];
  /** Tells the user once about a problem the diagnostics cannot show well (a broken config). */
  notify(message: string): void;
  log: Log;
}

/**
 * An analysis made in a worker: what is published at once; the model (document, findings, options)
 * decoded on this thread the first time a feature of this document asks for it, so that a large
 * document's model costs this thread nothing until someone hovers in it.
 */
function received(summary: AnalysisSummary, model: Uint8Array | undefined): Analysis {
  let bytes = model;
  let decoded: AnalysisModel | undefined = model ? undefined : { findings: [], lintOptions: { locale: summary.locale } };
  const load = (): AnalysisModel => {
    if (!decoded) {
      decoded = deserialize(bytes!) as AnalysisModel;
      bytes = undefined;
    }
    return decoded;
  };
  return {
    ...summary,
    get document() {
      return load().document;
    },
    get findings() {
      return load().findings;
    },
    get lintOptions() {
      return load().lintOptions;
    },
  };
}

interface InFlight<T> {
  version: number | null;
  generation: number;
  promise: Promise<T | undefined>;
  cancelled: boolean;
  cancel(): void;
}

/**
 * The analyses of documents, as the features ask for them: made in the lint workers (lint-job.ts holds
 * what is done there), remembered per version, and shared while under way, so a push, a pull and a
 * hover of one version cost one lint. A run for a version that is no longer current (the document
 * changed again or closed, or the settings changed) is cancelled, and its result is never remembered.
 */
export class Analyzer {
  private readonly last = new Map<string, Analysis>();
  private readonly running = new Map<string, InFlight<Analysis>>();
  private readonly fixing = new Map<string, InFlight<string>>();
  private readonly fixed = new Map<string, { version: number | null; generation: number; text: string }>();
  /** Bumped by clear(): what was started before is stale. */
  private generation = 0;

  constructor(private readonly deps: AnalyzerDeps) {}

  /** The analysis of exactly this version, if one was made. */
  cached(uri: string, version: number | null): Analysis | undefined {
    const a = this.last.get(uri);
    return a && a.version === version ? a : undefined;
  }

  /** The document closed: nothing about it is kept, and its run is cancelled. */
  forget(uri: string): void {
    this.last.delete(uri);
    this.fixed.delete(uri);
    this.stop(this.running, uri);
    this.stop(this.fixing, uri);
  }

  /** Every result is stale (settings, configuration or folders changed): all runs cancelled. */
  clear(): void {
    this.generation++;
    this.last.clear();
    this.fixed.clear();
    for (const uri of [...this.running.keys()]) this.stop(this.running, uri);
    for (const uri of [...this.fixing.keys()]) this.stop(this.fixing, uri);
  }

  /** A document is now at `version`: a run for another version is stale. */
  changed(uri: string, version: number): void {
    if (this.running.get(uri)?.version !== version) this.stop(this.running, uri);
    if (this.fixing.get(uri)?.version !== version) this.stop(this.fixing, uri);
  }

  /** Forgets the configurations the workers cached. */
  clearConfigs(): void {
    this.deps.runner.clearConfigs();
  }

  /** Forgets the last years' reports the workers cached. */
  clearPrevious(): void {
    this.deps.runner.clearPrevious();
  }

  /**
   * Analyses an open document's snapshot; `isStale` is asked after the settings are in. Undefined when
   * the run was stale or cancelled.
   */
  async analyze(snapshot: TextSnapshot, isStale: () => boolean = () => false): Promise<Analysis | undefined> {
    return this.analyzeJob(snapshot.uri, snapshot.version, snapshot.text, isStale);
  }

  /** Analyses a file that is not open: the worker reads it from disk. Undefined when it is no report or cannot be read. */
  analyzeFile(uri: string): Promise<Analysis | undefined> {
    return this.analyzeJob(uri, null, undefined, () => false);
  }

  /** The text of a version after every fix (`nianbao lint --fix`), made in a worker; undefined when cancelled. */
  async fixAll(snapshot: TextSnapshot): Promise<string | undefined> {
    const { uri, version, text } = snapshot;
    const generation = this.generation;
    const done = this.fixed.get(uri);
    if (done && done.version === version && done.generation === generation) return done.text;
    const under = this.fixing.get(uri);
    if (under && under.version === version && under.generation === generation) return under.promise;
    const settings = await this.deps.settings.get(uri);
    const flight = this.start(this.fixing, uri, version, { kind: 'fixAll', uri, version, text, settings, folders: this.deps.folders() }, (outcome: FixAllOutcome) => {
      this.fixed.set(uri, { version, generation, text: outcome.text });
      return outcome.text;
    });
    return flight.promise;
  }

  private async analyzeJob(uri: string, version: number | null, text: string | undefined, isStale: () => boolean): Promise<Analysis | undefined> {
    const shared = (): Promise<Analysis | undefined> | undefined => {
      const hit = this.cached(uri, version);
      if (hit) return Promise.resolve(hit);
      const under = this.running.get(uri);
      return under && under.version === version && under.generation === this.generation ? under.promise : undefined;
    };
    const before = shared();
    if (before) return before;
    const settings = await this.deps.settings.get(uri);
    if (isStale()) return undefined;
    // Another request for this version may have started it while the settings came.
    const after = shared();
    if (after) return after;
    const job: AnalyzeJob = { kind: 'analyze', uri, version, ...(text !== undefined ? { text } : {}), settings, folders: this.deps.folders() };
    const generation = this.generation;
    const flight = this.start(this.running, uri, version, job, (outcome: AnalyzeOutcome) => {
      for (const notice of outcome.notices) this.deps.notify(notice);
      if (!outcome.summary) {
        if (outcome.skipped) this.deps.log(`nianbao: ${outcome.skipped}`);
        return undefined;
      }
      return this.remember(received(outcome.summary, outcome.model), generation);
    });
    return flight.promise.catch((error: unknown) => {
      // The worker died on this document (out of memory, say): one diagnostic, and the next version tries again.
      if (!(error instanceof WorkerLostError) || flight.cancelled) throw error;
      this.deps.log(`nianbao: checking ${uri} stopped its worker: ${error.message}`);
      const locale = settings.locale ?? 'zh';
      const diagnostics = [serverDiagnostic(INTERNAL_ERROR, ruleDocsUrl(INTERNAL_ERROR), DiagnosticSeverity.Error, t(locale, 'lintWorkerLost', { reason: error.message }))];
      return this.remember(received({ uri, version, selected: true, locale, settings, diagnostics }, undefined), generation);
    });
  }

  /** Runs a job as the one for this document, cancelling the one before; `accept` takes a result still wanted. */
  private start<T, R>(table: Map<string, InFlight<T>>, uri: string, version: number | null, job: Parameters<JobRunner['run']>[0], accept: (outcome: R) => T | undefined): InFlight<T> {
    this.stop(table, uri);
    const running: Running<unknown> = this.deps.runner.run(job, uri);
    const generation = this.generation;
    const flight: InFlight<T> = {
      version,
      generation,
      cancelled: false,
      cancel: () => {
        flight.cancelled = true;
        running.cancel();
      },
      promise: running.promise.then(
        (outcome) => {
          if (table.get(uri) === flight) table.delete(uri);
          if (outcome === undefined || flight.cancelled || generation !== this.generation) return undefined;
          return accept(outcome as R);
        },
        (error: unknown) => {
          if (table.get(uri) === flight) table.delete(uri);
          throw error;
        },
      ),
    };
    table.set(uri, flight);
    return flight;
  }

  private stop<T>(table: Map<string, InFlight<T>>, uri: string): void {
    const flight = table.get(uri);
    if (!flight) return;
    table.delete(uri);
    flight.cancel();
  }

  private remember(analysis: Analysis, generation: number): Analysis | undefined {
    if (generation !== this.generation) return undefined;
    this.last.set(analysis.uri, analysis);
    return analysis;
  }
}
