/**
 * Linting a file in a project: its configuration (the nearest `.nianbaorc.json`), last year's report and
 * the lint options they make, found the same way for the CLI and the editor and cached until told that
 * files changed (the editor lints on every keystroke and must not walk the file system each time).
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { LintOptions, Locale, NianbaoConfig } from '@nianbao/lint';
import { parseReport, type ReportDocument, type SourceView } from '@nianbao/parse';
import { ConfigError, configFor, loadConfigFile, type ProjectConfig } from './config.js';
import { identityOf, pairAmong, pairIdentityAmong, pairingCandidates, pairingMismatch, type Candidate, type CandidateSource, type PairingMismatch, type ReportIdentity } from './previous.js';
import { readReport, viewFailure, viewOf, type ReadFailure } from './read.js';

/** Last year's report as lint takes it. */
export type PreviousReport = NonNullable<LintOptions['previous']>;

/** Why last year's report was not used: the file asked for, and what went wrong reading it. */
export interface PreviousFailure {
  file: string;
  failure: ReadFailure | { kind: 'not-a-report' } | { kind: 'mismatch'; mismatch: PairingMismatch };
}

export interface PreviousOutcome {
  previous?: PreviousReport;
  failure?: PreviousFailure;
}

/** Which previous report a caller asks for, over the configuration's `previousReport`. */
export interface PreviousRequest {
  /** `auto` or a path; absent: the configuration's `previousReport`, relative to the config file. */
  spec?: string;
  /**
   * The folder a relative `spec` is relative to (the result then names the resolved path); absent: the
   * path stays as given, read relative to the project's folder (a command line's `--previous`).
   */
  base?: string;
}

export interface LintOverrides extends PreviousRequest {
  /** Wins over the configuration's `locale`; also the language of configuration problems. */
  locale?: Locale;
  reportSuppressed?: boolean;
  /** Whether the document is linted at all (default: it reads as an annual report). */
  select?: (document: ReportDocument) => boolean;
  /** The file's view and document when the caller has parsed it already (a folder run parses each file once). */
  parsed?: { view: SourceView; document: ReportDocument };
}

export interface ProjectOptions {
  /** Relative paths are relative to this folder (the process's own by default). */
  cwd?: string;
  /** One configuration for every file (`--config FILE`), instead of the nearest `.nianbaorc.json`. */
  configFile?: string;
}

/** What stands in the way of a full lint, for the edge to word: a broken config, an unreadable file or previous report. */
export type ProjectProblem = { kind: 'config'; error: ConfigError } | { kind: 'read'; failure: ReadFailure } | ({ kind: 'previous' } & PreviousFailure);

export interface PreparedLint {
  document: ReportDocument;
  config: ProjectConfig;
  locale: Locale;
  /** Whether `select` took the document; when not, `options` holds the locale only and no previous report was looked for. */
  selected: boolean;
  options: LintOptions;
  problems: ProjectProblem[];
}

/** The lint options a configuration, a locale and last year's report make. */
export function lintOptionsFor(config: NianbaoConfig, locale: Locale, extra: { previous?: PreviousReport; reportSuppressed?: boolean } = {}): LintOptions {
  return {
    locale,
    ...(extra.reportSuppressed !== undefined ? { reportSuppressed: extra.reportSuppressed } : {}),
    ...(config.rules ? { rules: config.rules } : {}),
    ...(config.agencyKind ? { agencyKind: config.agencyKind } : {}),
    ...(config.docsBaseUrl ? { docsBaseUrl: config.docsBaseUrl } : {}),
    ...(extra.previous ? { previous: extra.previous } : {}),
  };
}

export class Project {
  private readonly configs = new Map<string, Promise<ProjectConfig>>();
  private readonly previous = new Map<string, Promise<PreviousOutcome>>();
  private readonly candidates = new Map<string, Promise<Candidate[]>>();
  /** Relative paths are relative to this folder. */
  readonly cwd: string;
  private readonly configFile: string | undefined;
  /** What pairing may take from the caller instead of reading the folder again. */
  private candidateSource: CandidateSource = {};

  constructor(options: ProjectOptions = {}) {
    this.cwd = options.cwd ?? process.cwd();
    this.configFile = options.configFile !== undefined ? resolve(this.cwd, options.configFile) : undefined;
  }

  /** Documents and identities the caller already has, for pairing (until the next `clearPrevious`). */
  useCandidates(source: CandidateSource): void {
    this.candidateSource = source;
    this.candidates.clear();
  }

  private at(path: string): string {
    return resolve(this.cwd, path);
  }

  /** The configuration that applies to a file (the nearest one above it); one lookup per folder and locale. */
  configFor(file: string, locale: Locale = 'zh'): Promise<ProjectConfig> {
    const key = this.configFile !== undefined ? `\0${locale}` : `${dirname(this.at(file))}\0${locale}`;
    let entry = this.configs.get(key);
    if (!entry) {
      entry = this.configFile !== undefined ? namedConfig(this.configFile, locale) : configFor(this.at(file), locale);
      this.configs.set(key, entry);
    }
    return entry;
  }

  /**
   * Last year's report: the request's `spec` over the configuration's `previousReport`; `auto` pairs the
   * same agency's report of the year before in the same folder. A path in the configuration is relative
   * to the configuration file.
   */
  previousFor(file: string, document: ReportDocument, request: PreviousRequest, config: ProjectConfig): Promise<PreviousOutcome> {
    const fromConfig = config.ok ? config.config.previousReport : undefined;
    const spec = request.spec ?? fromConfig;
    if (spec === undefined) return Promise.resolve({});
    const absolute = this.at(file);
    // `auto` depends on who the report is by and for which year: re-pair only when either changes.
    if (spec === 'auto') {
      const key = `auto\0${absolute}\0${document.title?.agency ?? ''}\0${document.reportYear ?? ''}`;
      return this.remember(key, async () => this.pairedOutcome(pairAmong(absolute, document, await this.candidatesIn(dirname(absolute)))));
    }
    const base = request.spec !== undefined ? request.base : config.ok && config.file ? dirname(config.file) : dirname(absolute);
    const path = base === undefined || isAbsolute(spec) ? spec : resolve(base, spec);
    return this.remember(`path\0${this.at(path)}`, () => this.readPrevious(path)).then((outcome) => {
      // A report named as last year's must be: not this file, the same agency's, the year before.
      if (!outcome.previous) return outcome;
      const mismatch = pairingMismatch(identityOf(absolute, document), identityOf(this.at(outcome.previous.file ?? path), outcome.previous.document));
      return mismatch ? { failure: { file: path, failure: { kind: 'mismatch', mismatch } } } : outcome;
    });
  }

  /**
   * Everything lint needs for one file's content (bytes from disk, an editor's text, or a reader's view):
   * the document, its configuration and last year's report as options, and the problems met on the way.
   * `file` is undefined for an editor buffer that is no file (no configuration, no previous report).
   */
  /** The file `previous: auto` pairs with a report of this identity (a cached result checks its pairing still holds). */
  async autoPairFor(identity: ReportIdentity): Promise<string | undefined> {
    const absolute = this.at(identity.file);
    return pairIdentityAmong({ ...identity, file: absolute }, await this.candidatesIn(dirname(absolute)))?.file;
  }

  async prepareLint(file: string | undefined, input: Uint8Array | string | SourceView, overrides: LintOverrides = {}): Promise<PreparedLint> {
    const config: ProjectConfig = file !== undefined ? await this.configFor(file, overrides.locale ?? 'zh') : { ok: true, config: {} };
    const locale: Locale = overrides.locale ?? (config.ok ? config.config.locale : undefined) ?? 'zh';
    const problems: ProjectProblem[] = config.ok ? [] : [{ kind: 'config', error: config.error }];
    const view = overrides.parsed?.view ?? (await viewOf(input, file));
    const document = overrides.parsed?.document ?? parseReport(view, file !== undefined ? { fileName: file } : {});
    const unreadable = viewFailure(view);
    if (unreadable) problems.push({ kind: 'read', failure: unreadable });
    const selected = (overrides.select ?? ((d: ReportDocument) => d.isReport))(document);
    if (!selected) return { document, config, locale, selected, options: { locale }, problems };
    const outcome = file !== undefined ? await this.previousFor(file, document, overrides, config) : {};
    if (outcome.failure) problems.push({ kind: 'previous', ...outcome.failure });
    const options = lintOptionsFor(config.ok ? config.config : {}, locale, {
      ...(outcome.previous ? { previous: outcome.previous } : {}),
      ...(overrides.reportSuppressed !== undefined ? { reportSuppressed: overrides.reportSuppressed } : {}),
    });
    const fileSuppressions = file !== undefined && config.ok ? suppressionsFor(this.at(file), config) : [];
    if (fileSuppressions.length > 0) options.fileSuppressions = fileSuppressions;
    return { document, config, locale, selected, options, problems };
  }

  /** Forgets every cached configuration and previous report (a `.nianbaorc.json` changed). */
  clearConfigs(): void {
    this.configs.clear();
    this.clearPrevious();
  }

  /**
   * Forgets the pairing made for `file` (and the report it brought), keeping the folder's candidates: a
   * folder run lints each file once, and would otherwise hold every paired model to the end of the folder.
   */
  forgetPairing(file: string): void {
    const prefix = `auto\0${this.at(file)}\0`;
    for (const key of this.previous.keys()) if (key.startsWith(prefix)) this.previous.delete(key);
  }

  /** Forgets last years' reports (a report file changed on disk). */
  clearPrevious(): void {
    this.previous.clear();
    this.candidates.clear();
  }

  private remember(key: string, make: () => Promise<PreviousOutcome>): Promise<PreviousOutcome> {
    let entry = this.previous.get(key);
    if (!entry) {
      entry = make();
      this.previous.set(key, entry);
    }
    return entry;
  }

  private candidatesIn(dir: string): Promise<Candidate[]> {
    let entry = this.candidates.get(dir);
    if (!entry) {
      entry = pairingCandidates(dir, this.candidateSource);
      this.candidates.set(dir, entry);
    }
    return entry;
  }

  /** A paired candidate as lint takes it: its document when at hand, else read again (and remembered by path). */
  private async pairedOutcome(found: Candidate | undefined): Promise<PreviousOutcome> {
    if (!found) return {};
    const document = found.document ?? this.candidateSource.document?.(found.file);
    if (document) return { previous: { document, file: found.file } };
    const outcome = await this.remember(`path\0${found.file}`, () => this.readPrevious(found.file));
    // Changed since the folder was listed into something that is no report: no pairing, as before.
    return outcome.previous ? outcome : {};
  }

  private async readPrevious(path: string): Promise<PreviousOutcome> {
    const read = await readReport(this.at(path), path);
    if (!read.ok) return { failure: { file: path, failure: read.failure } };
    if (!read.document.isReport) return { failure: { file: path, failure: { kind: 'not-a-report' } } };
    return { previous: { document: read.document, file: path } };
  }
}

/** The configuration's suppressions that name this file (paths relative to the configuration file). */
function suppressionsFor(absolute: string, config: Extract<ProjectConfig, { ok: true }>): Array<{ rule: string; reason: string; config?: string }> {
  const base = config.file ? dirname(config.file) : undefined;
  if (base === undefined) return [];
  return (config.config.suppressions ?? [])
    .filter((s) => resolve(base, s.file) === absolute)
    .map((s) => ({ rule: s.rule, reason: s.reason, config: config.file! }));
}

/** `--config FILE`: that file, whatever folder a report is in; a broken one is shown, not thrown. */
async function namedConfig(file: string, locale: Locale): Promise<ProjectConfig> {
  try {
    // Named on the command line: it may be anywhere the user can name, so no folder bounds its links.
    return { ok: true, config: await loadConfigFile(file, locale, '/'), file };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error };
    throw error;
  }
}
