import { pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { FORMAT_2021 } from '@nianbao/format';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { INTERNAL_ERROR, lint, ruleDocsUrl, sectionSkeleton, type Diagnostic, type LintOptions, type Locale } from '@nianbao/lint';
import type { ReportDocument, SourceView } from '@nianbao/parse';
import { readBytes, viewFailure, viewOf, type ReadFailure } from '@nianbao/project';
import { fixAllText } from './code-actions.js';
import { serverDiagnostic, toLspDiagnostic } from './diagnostics.js';
import { t } from './messages.js';
import { configProblems, previousProblem, readFailureReason, ProjectState } from './project.js';
import { filePathOf, isSelected, matchesFiles } from './selection.js';
import { DEFAULT_SETTINGS, type EditorSettings } from './settings.js';

/**
 * The largest text linted in the editor. Real reports are 5–200 KB. Linting runs in a worker, so a
 * bigger text would not freeze other documents, but its model and findings are copied back to the
 * server's thread: past this, the editor says to use the command line.
 */
export const MAX_TEXT_LENGTH = 500_000;

/**
 * The most diagnostics listed for one document. A broken file can make tens of thousands of findings
 * (every row of a mangled table): sending them all costs the editor and the server more than anyone
 * can read. The rest are counted in one last diagnostic; `nianbao lint` lists them all.
 */
export const MAX_DIAGNOSTICS = 1000;

/** Lint one version of a document: the editor's text, or a file not open in the editor, read from disk. */
export interface AnalyzeJob {
  kind: 'analyze';
  uri: string;
  version: number | null;
  /** The editor's text; absent for a file not open, which is read (any format) through the project layer. */
  text?: string;
  settings: EditorSettings;
  /** The workspace folders' paths, for `nianbao.files` and relative `previousReport` settings. */
  folders: string[];
}

/** The text after every fix, as `nianbao lint --fix` makes it. */
export interface FixAllJob {
  kind: 'fixAll';
  uri: string;
  version: number | null;
  text: string;
  settings: EditorSettings;
  folders: string[];
}

export type Job = AnalyzeJob | FixAllJob;

/** What every caller needs at once: what is published and whether the document is a report. */
export interface AnalysisSummary {
  uri: string;
  version: number | null;
  /** Whether the document gets diagnostics (an annual report, or named in `nianbao.files`). */
  selected: boolean;
  locale: Locale;
  settings: EditorSettings;
  /** What is published: the findings converted (at most MAX_DIAGNOSTICS), and the server's own problems. */
  diagnostics: LspDiagnostic[];
}

/** What only hover, outline, completion and code actions need: sent serialized, decoded when asked for. */
export interface AnalysisModel {
  /** Absent when the text was too large to parse. */
  document?: ReportDocument;
  /** The findings of lint, as the CLI would report them. */
  findings: Diagnostic[];
  /** The options the findings were made with. */
  lintOptions: LintOptions;
}

export interface AnalyzeOutcome {
  /** Absent for a file not open that was not checked (unreadable, not a report); `skipped` says why. */
  summary?: AnalysisSummary;
  /** The AnalysisModel, v8-serialized: copying bytes back is cheap, rebuilding the objects is not. */
  model?: Uint8Array;
  /** Problems to tell the user once (a broken configuration). */
  notices: string[];
  skipped?: string;
}

export interface FixAllOutcome {
  text: string;
}

export interface JobResults {
  analyze: AnalyzeOutcome;
  fixAll: FixAllOutcome;
}

/** A full analysis, as made in the worker. */
type Made = { summary: AnalysisSummary; model: AnalysisModel; notices: string[] } | { skipped: string; notices: string[] };

/** A report title in the first lines: cheap enough to check before deciding a huge file is not ours. */
const TITLE_HINT = /政府信息公开工作年度报告/u;

/** The title of the warm-up report (any agency, any year: it is never shown). */
const WARM_UP_TITLE = '示例机关2024年政府信息公开工作年度报告';

/**
 * The lint side of the server, run in a worker thread (worker.ts): turns a document into findings with
 * the same engine, configuration and previous-report pairing as the CLI (both prepare the lint with
 * @nianbao/project). Holds no lint logic: it turns what the project layer found into diagnostics and
 * calls `lint`. One instance per worker keeps the project's caches (configurations, last year's reports).
 */
export class LintJobs {
  private readonly project = new ProjectState();

  run(job: AnalyzeJob): Promise<AnalyzeOutcome>;
  run(job: FixAllJob): Promise<FixAllOutcome>;
  run(job: Job): Promise<AnalyzeOutcome | FixAllOutcome>;
  async run(job: Job): Promise<AnalyzeOutcome | FixAllOutcome> {
    if (job.kind === 'fixAll') return this.fixAll(job);
    const made = await this.make(job);
    if ('skipped' in made) return { skipped: made.skipped, notices: made.notices };
    const model = made.model.document ? new Uint8Array(serialize(made.model)) : undefined;
    return { summary: made.summary, ...(model ? { model } : {}), notices: made.notices };
  }

  /**
   * Lints a blank report of the current format for nobody, so that the parser and the rules are
   * compiled before a document waits for them: a worker's first lint is several times slower than its next.
   */
  async warmUp(): Promise<void> {
    const sections = FORMAT_2021.sections.map((s) => sectionSkeleton(s, s.table ? FORMAT_2021.tables[s.table] : undefined, 2));
    const text = [`# ${WARM_UP_TITLE}`, ...sections].join('\n\n');
    await this.run({ kind: 'analyze', uri: 'untitled:nianbao-warm-up', version: 0, text, settings: DEFAULT_SETTINGS, folders: [] });
  }

  clearConfigs(): void {
    this.project.clearConfigs();
  }

  clearPrevious(): void {
    this.project.clearPrevious();
  }

  private async fixAll(job: FixAllJob): Promise<FixAllOutcome> {
    const made = await this.make({ ...job, kind: 'analyze' });
    if ('skipped' in made || !made.summary.selected) return { text: job.text };
    return { text: fixAllText(made.model, job.text, filePathOf(job.uri)) };
  }

  private async make(job: AnalyzeJob): Promise<Made> {
    const { uri, version, settings, folders } = job;
    const file = filePathOf(uri);
    const folder = file ? folders.find((f) => file.startsWith(f)) : undefined;
    const config = file ? await this.project.configFor(file, settings.locale ?? 'zh') : undefined;
    const locale: Locale = settings.locale ?? (config?.ok ? config.config.locale : undefined) ?? 'zh';
    const summary = { uri, version, settings, locale };
    const empty: AnalysisModel = { findings: [], lintOptions: { locale } };

    let text: string;
    let input: string | SourceView;
    if (job.text !== undefined) {
      text = input = job.text;
    } else {
      const read = await this.readClosed(file, locale);
      if ('skipped' in read) return { skipped: read.skipped, notices: [] };
      ({ text, view: input } = read);
    }

    if (text.length > MAX_TEXT_LENGTH) {
      if (job.text === undefined) return { skipped: t(locale, 'tooLarge', { size: text.length, limit: MAX_TEXT_LENGTH }), notices: [] };
      const ours = TITLE_HINT.test(text.slice(0, 4000)) || matchesFiles(uri, settings.files, folders);
      const diagnostics = ours
        ? [serverDiagnostic(INTERNAL_ERROR, ruleDocsUrl(INTERNAL_ERROR), DiagnosticSeverity.Warning, t(locale, 'tooLarge', { size: text.length, limit: MAX_TEXT_LENGTH }))]
        : [];
      return { summary: { ...summary, selected: ours, diagnostics }, model: empty, notices: [] };
    }

    // The editor's buffer is the file: HTML by its markup; a .docx or PDF from the workspace comes as its view.
    const prepared = await this.project.prepare(file, input, settings, folder, (d) => isSelected(d, uri, settings.files, folders));
    const { document, selected } = prepared;
    if (!selected) return { summary: { ...summary, selected, diagnostics: [] }, model: { ...empty, document }, notices: [] };

    const diagnostics: LspDiagnostic[] = [];
    const notices: string[] = [];
    for (const problem of prepared.problems) {
      if (problem.kind === 'config') {
        // A broken config: one diagnostic naming its file and line, and linting goes on with the defaults.
        for (const p of configProblems(problem.error, locale)) {
          diagnostics.push(
            serverDiagnostic('config', undefined, DiagnosticSeverity.Error, p.message, {
              uri: pathToFileURL(problem.error.file).href,
              place: { line: p.line ?? 1, column: p.column ?? 1, endLine: p.line ?? 1, endColumn: p.column ?? 1 },
              message: problem.error.file,
            }),
          );
          notices.push(p.message);
        }
      } else if (problem.kind === 'previous') {
        const previous = previousProblem(problem, locale);
        diagnostics.push(
          serverDiagnostic('previous-report', undefined, DiagnosticSeverity.Warning, previous.message, {
            uri: pathToFileURL(previous.file).href,
            place: { line: 1, column: 1, endLine: 1, endColumn: 1 },
            message: previous.file,
          }),
        );
      }
    }
    const lintOptions = prepared.options;
    let findings: Diagnostic[];
    try {
      findings = lint(document, lintOptions);
    } catch (error) {
      // lint isolates each rule; this is for a failure around them (the engine, the data extraction).
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push(serverDiagnostic(INTERNAL_ERROR, ruleDocsUrl(INTERNAL_ERROR), DiagnosticSeverity.Error, t(locale, 'crashed', { reason })));
      return { summary: { ...summary, selected, diagnostics }, model: { document, findings: [], lintOptions }, notices };
    }
    const positions = TextDocument.create(uri, 'plaintext', 0, text);
    const positionAt = (offset: number): { line: number; character: number } => positions.positionAt(offset);
    for (const f of findings.slice(0, MAX_DIAGNOSTICS)) diagnostics.push(toLspDiagnostic(f, uri, positionAt));
    if (findings.length > MAX_DIAGNOSTICS) {
      const more = findings.length - MAX_DIAGNOSTICS;
      diagnostics.push(serverDiagnostic(INTERNAL_ERROR, ruleDocsUrl(INTERNAL_ERROR), DiagnosticSeverity.Information, t(locale, 'tooManyProblems', { more, limit: MAX_DIAGNOSTICS })));
    }
    return { summary: { ...summary, selected, diagnostics }, model: { document, findings, lintOptions }, notices };
  }

  /**
   * A file not open in the editor, read as the CLI reads it (bytes, any encoding, .docx and PDF too)
   * through the project layer, which refuses what is no regular file and caps the size.
   */
  private async readClosed(file: string | undefined, locale: Locale): Promise<{ text: string; view: SourceView } | { skipped: string }> {
    if (!file) return { skipped: 'not a file' };
    const skipped = (failure: ReadFailure): { skipped: string } => ({ skipped: t(locale, 'closedFileUnreadable', { file, reason: readFailureReason(failure, locale) }) });
    const read = await readBytes(file);
    if (!read.ok) return skipped(read.failure);
    const view = await viewOf(read.bytes, file);
    const failure = viewFailure(view);
    if (failure) return skipped(failure);
    return { text: view.origin?.sourceText ?? view.text, view };
  }
}
