import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { LintOptions, Locale, NianbaoConfig } from '@nianbao/lint';
import { ConfigError, configFor, findPreviousReportAuto } from '@nianbao/lint/node';
import { parseReport, readSource, type ReportDocument } from '@nianbao/parse';
import { t } from './messages.js';

/** The project configuration of a file, or why it cannot be used. */
export type ProjectConfig = { ok: true; config: NianbaoConfig; file?: string } | { ok: false; error: ConfigError };

/** A problem with last year's report: the run goes on without the cross-year checks. */
export interface PreviousProblem {
  message: string;
  file: string;
}

export type PreviousResult = { previous?: LintOptions['previous']; problem?: PreviousProblem };

/**
 * `.nianbaorc.json` discovery and last year's report, exactly as the CLI does them (the same
 * functions of @nianbao/lint/node), cached until a watched file changes: the editor lints on every
 * keystroke and must not walk the file system each time.
 */
export class ProjectState {
  private readonly configs = new Map<string, Promise<ProjectConfig>>();
  private readonly previous = new Map<string, Promise<PreviousResult>>();

  /** The configuration that applies to a file (the nearest one above it); one lookup per folder. */
  configFor(file: string, locale: Locale): Promise<ProjectConfig> {
    const key = `${dirname(resolve(file))}\0${locale}`;
    let entry = this.configs.get(key);
    if (!entry) {
      entry = configFor(file, locale).then(
        (found): ProjectConfig => ({ ok: true, ...found }),
        (error: unknown): ProjectConfig => {
          if (error instanceof ConfigError) return { ok: false, error };
          throw error;
        },
      );
      this.configs.set(key, entry);
    }
    return entry;
  }

  /**
   * Last year's report, as the CLI's `--previous`: the editor setting wins over the config's
   * `previousReport`; `auto` pairs the same agency's report of the year before in the same folder.
   * A path in the config is relative to the config file; in the editor setting, to the workspace folder.
   */
  previousFor(file: string, document: ReportDocument, setting: string | undefined, config: ProjectConfig, folder: string | undefined, locale: Locale): Promise<PreviousResult> {
    const fromConfig = config.ok ? config.config.previousReport : undefined;
    const spec = setting ?? fromConfig;
    if (spec === undefined) return Promise.resolve({});
    const base = setting !== undefined ? (folder ?? dirname(file)) : config.ok && config.file ? dirname(config.file) : dirname(file);
    // `auto` depends on who the report is by and for which year: re-pair only when either changes.
    const key = spec === 'auto' ? `auto\0${resolve(file)}\0${document.title?.agency ?? ''}\0${document.reportYear ?? ''}` : `path\0${isAbsolute(spec) ? spec : resolve(base, spec)}\0${locale}`;
    let entry = this.previous.get(key);
    if (!entry) {
      entry = spec === 'auto' ? autoPrevious(file, document) : readPrevious(isAbsolute(spec) ? spec : resolve(base, spec), locale);
      this.previous.set(key, entry);
    }
    return entry;
  }

  /** Forgets every cached configuration (a `.nianbaorc.json` changed). */
  clearConfigs(): void {
    this.configs.clear();
    this.previous.clear();
  }

  /** Forgets last years' reports (a report file changed on disk). */
  clearPrevious(): void {
    this.previous.clear();
  }
}

async function autoPrevious(file: string, document: ReportDocument): Promise<PreviousResult> {
  const found = await findPreviousReportAuto(file, document);
  return found ? { previous: found } : {};
}

async function readPrevious(path: string, locale: Locale): Promise<PreviousResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { problem: { file: path, message: t(locale, 'previousUnreadable', { file: path, reason }) } };
  }
  const document = parseReport(await readSource(bytes, path), { fileName: path });
  if (!document.isReport) return { problem: { file: path, message: t(locale, 'previousNotReport', { file: path }) } };
  return { previous: { document, file: path } };
}

/** The texts of a configuration error, one per problem, with the file and line (as the CLI prints them). */
export function configProblems(error: ConfigError, locale: Locale): Array<{ message: string; line?: number; column?: number }> {
  return error.problems.map((p) => {
    const where = p.line !== undefined ? `${error.file}:${p.line}:${p.column ?? 1}` : error.file;
    return { message: t(locale, 'configError', { where, path: p.path, message: p.message }), ...(p.line !== undefined ? { line: p.line, column: p.column ?? 1 } : {}) };
  });
}
