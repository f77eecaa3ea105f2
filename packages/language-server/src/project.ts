import { dirname } from 'node:path';
import type { LintOptions, Locale } from '@nianbao/lint';
import { Project, placedConfigProblems, readFailureReason as describeReadFailure, type ConfigError, type LintOverrides, type PreparedLint, type PreviousFailure, type ProjectConfig, type ReadFailure } from '@nianbao/project';
import type { ReportDocument, SourceView } from '@nianbao/parse';
import { t } from './messages.js';

export type { ProjectConfig } from '@nianbao/project';

/** A problem with last year's report: the run goes on without the cross-year checks. */
export interface PreviousProblem {
  message: string;
  file: string;
}

export type PreviousResult = { previous?: LintOptions['previous']; problem?: PreviousProblem };

/** Why a file could not be read, in the locale (the project layer's words). */
export function readFailureReason(failure: ReadFailure, locale: Locale): string {
  return describeReadFailure(failure)[locale];
}

/** What the editor says when last year's report cannot be used. */
export function previousProblem({ file, failure }: PreviousFailure, locale: Locale): PreviousProblem {
  switch (failure.kind) {
    case 'mismatch': {
      const m = failure.mismatch;
      if (m.kind === 'same-file') return { file, message: t(locale, 'previousSameFile', { file }) };
      if (m.kind === 'other-agency') return { file, message: t(locale, 'previousOtherAgency', { file, agency: m.agency, previousAgency: m.previousAgency }) };
      return { file, message: t(locale, 'previousWrongYear', { file, year: m.year, previousYear: m.previousYear, expected: m.year - 1 }) };
    }
    case 'not-a-report':
    case 'read-problem':
    case 'not-text':
      // Read, but no annual report came of it (a scan, a file of another kind).
      return { file, message: t(locale, 'previousNotReport', { file }) };
    default:
      // Not read at all: missing, a folder, no permission, a FIFO, a link out of the folder, too large.
      return { file, message: t(locale, 'previousUnreadable', { file, reason: readFailureReason(failure, locale) }) };
  }
}

/**
 * `.nianbaorc.json` discovery and last year's report, exactly as the CLI does them (the same Project of
 * @nianbao/project), cached until a watched file changes. The editor setting `nianbao.previousReport`
 * stands where the CLI's `--previous` does; a relative path in it is relative to the workspace folder.
 */
export class ProjectState {
  private readonly project = new Project();

  /** The configuration that applies to a file (the nearest one above it); one lookup per folder. */
  configFor(file: string, locale: Locale): Promise<ProjectConfig> {
    return this.project.configFor(file, locale);
  }

  /**
   * Last year's report, as the CLI's `--previous`: the editor setting wins over the config's
   * `previousReport`; `auto` pairs the same agency's report of the year before in the same folder.
   * A path in the config is relative to the config file; in the editor setting, to the workspace folder.
   */
  async previousFor(file: string, document: ReportDocument, setting: string | undefined, config: ProjectConfig, folder: string | undefined, locale: Locale): Promise<PreviousResult> {
    const outcome = await this.project.previousFor(file, document, this.request(file, setting, folder), config);
    return { ...(outcome.previous ? { previous: outcome.previous } : {}), ...(outcome.failure ? { problem: previousProblem(outcome.failure, locale) } : {}) };
  }

  /** The document, options and problems of one file's content, with the editor's settings over the project's. */
  prepare(file: string | undefined, input: string | SourceView, settings: { locale?: Locale; previousReport?: string }, folder: string | undefined, select: (document: ReportDocument) => boolean): Promise<PreparedLint> {
    const overrides: LintOverrides = {
      ...(settings.locale ? { locale: settings.locale } : {}),
      ...(file !== undefined ? this.request(file, settings.previousReport, folder) : {}),
      select,
    };
    return this.project.prepareLint(file, input, overrides);
  }

  /** Forgets every cached configuration (a `.nianbaorc.json` changed). */
  clearConfigs(): void {
    this.project.clearConfigs();
  }

  /** Forgets last years' reports (a report file changed on disk). */
  clearPrevious(): void {
    this.project.clearPrevious();
  }

  private request(file: string, setting: string | undefined, folder: string | undefined): { spec?: string; base?: string } {
    return setting !== undefined ? { spec: setting, base: folder ?? dirname(file) } : {};
  }
}

/** The texts of a configuration error, one per problem, with the file and line (as the CLI prints them). */
export function configProblems(error: ConfigError, locale: Locale): Array<{ message: string; line?: number; column?: number }> {
  return placedConfigProblems(error).map((p) => ({
    message: t(locale, 'configError', { where: p.where, path: p.path, message: p.message }),
    ...(p.line !== undefined ? { line: p.line, column: p.column ?? 1 } : {}),
  }));
}
