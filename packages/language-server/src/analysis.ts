import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { INTERNAL_ERROR, lint, ruleDocsUrl, type Diagnostic, type LintOptions, type Locale } from '@nianbao/lint';
import type { ReportDocument, SourceView } from '@nianbao/parse';
import { serverDiagnostic, toLspDiagnostic } from './diagnostics.js';
import { t } from './messages.js';
import { configProblems, previousProblem, type ProjectState } from './project.js';
import { filePathOf, isSelected, matchesFiles } from './selection.js';
import type { EditorSettings, SettingsCache } from './settings.js';

/**
 * The largest text linted in the editor. Real reports are 5–200 KB; parsing is linear but runs on the
 * server's only thread, so a multi-megabyte paste would freeze every other request for seconds.
 */
export const MAX_TEXT_LENGTH = 500_000;

/** The text of a document at one version, as the editor has it. */
export interface TextSnapshot {
  uri: string;
  version: number | null;
  text: string;
  /** Offsets to positions of this very text (TextDocument.positionAt). */
  positionAt(offset: number): { line: number; character: number };
  /** A file not open in the editor, read by its reader (a .docx or PDF has no buffer): its view. */
  view?: SourceView;
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
  settings: SettingsCache;
  project: ProjectState;
  /** The workspace folders' paths, for `nianbao.files` and relative `previousReport` settings. */
  folders(): string[];
  /** Tells the user once about a problem the diagnostics cannot show well (a broken config). */
  notify(message: string): void;
}

/** A report title in the first lines: cheap enough to check before deciding a huge file is not ours. */
const TITLE_HINT = /政府信息公开工作年度报告/u;

/**
 * Turns an editor document into findings with the same engine, configuration and previous-report
 * pairing as the CLI (both prepare the lint with @nianbao/project). Holds no lint logic: it turns what
 * the project layer found into diagnostics and calls `lint`.
 */
export class Analyzer {
  private readonly last = new Map<string, Analysis>();

  constructor(private readonly deps: AnalyzerDeps) {}

  /** The analysis of exactly this version, if one was made. */
  cached(uri: string, version: number | null): Analysis | undefined {
    const a = this.last.get(uri);
    return a && a.version === version ? a : undefined;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }

  clear(): void {
    this.last.clear();
  }

  /**
   * Analyses a snapshot; `isStale` is asked after each wait, and a stale run stops before the
   * expensive part (returns undefined) so that typing never queues up lint runs.
   */
  async analyze(snapshot: TextSnapshot, isStale: () => boolean = () => false): Promise<Analysis | undefined> {
    const hit = this.cached(snapshot.uri, snapshot.version);
    if (hit) return hit;
    const settings = await this.deps.settings.get(snapshot.uri);
    if (isStale()) return undefined;
    const file = filePathOf(snapshot.uri);
    const folders = this.deps.folders();
    const folder = file ? folders.find((f) => file.startsWith(f)) : undefined;
    const baseLocale: Locale = settings.locale ?? 'zh';
    const config = file ? await this.deps.project.configFor(file, baseLocale) : undefined;
    if (isStale()) return undefined;
    const locale: Locale = settings.locale ?? (config?.ok ? config.config.locale : undefined) ?? 'zh';
    const base = { uri: snapshot.uri, version: snapshot.version, settings, locale, findings: [] as Diagnostic[], lintOptions: { locale } as LintOptions };

    if (snapshot.text.length > MAX_TEXT_LENGTH) {
      const ours = TITLE_HINT.test(snapshot.text.slice(0, 4000)) || matchesFiles(snapshot.uri, settings.files, folders);
      const diagnostics = ours
        ? [serverDiagnostic(INTERNAL_ERROR, ruleDocsUrl(INTERNAL_ERROR), DiagnosticSeverity.Warning, t(locale, 'tooLarge', { size: snapshot.text.length, limit: MAX_TEXT_LENGTH }))]
        : [];
      return this.remember({ ...base, selected: ours, diagnostics });
    }

    // The editor's buffer is the file: HTML by its markup; a .docx or PDF from the workspace comes as its view.
    const prepared = await this.deps.project.prepare(file, snapshot.view ?? snapshot.text, settings, folder, (d) => isSelected(d, snapshot.uri, settings.files, folders));
    const { document, selected } = prepared;
    if (!selected) return this.remember({ ...base, document, selected, diagnostics: [] });
    if (isStale()) return undefined;

    const diagnostics: LspDiagnostic[] = [];
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
          this.deps.notify(p.message);
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
      return this.remember({ ...base, document, selected, diagnostics, lintOptions });
    }
    for (const f of findings) diagnostics.push(toLspDiagnostic(f, snapshot.uri, snapshot.positionAt));
    return this.remember({ ...base, document, selected, findings, diagnostics, lintOptions });
  }

  private remember(analysis: Analysis): Analysis {
    this.last.set(analysis.uri, analysis);
    return analysis;
  }
}
