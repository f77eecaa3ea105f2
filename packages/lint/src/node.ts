/**
 * The file-system edge of linting, shared by the CLI and the language server so that both find the same
 * configuration and pair the same previous report: config discovery and loading, and `previous: auto`.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseReport, type ReportDocument } from '@nianbao/parse';
import { validateConfig, type ConfigProblem, type NianbaoConfig } from './config.js';
import type { Locale } from './types.js';

export const CONFIG_FILE_NAME = '.nianbaorc.json';

/** A configuration that cannot be used: the file, the place in it, and what is wrong. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Array<ConfigProblem & { line?: number; column?: number }>,
  ) {
    super(`${file}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  }
}

/** The nearest `.nianbaorc.json` at or above `startDir`, or undefined. */
export async function findConfigFile(startDir: string): Promise<string | undefined> {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    const found = await stat(candidate).then(
      (s) => s.isFile(),
      () => false,
    );
    if (found) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Where a JSON path (`/rules/placeholder`) stands in the text, roughly: the line of its last key. */
function lineOfPath(text: string, path: string): { line: number; column: number } | undefined {
  const key = path.split('/').filter(Boolean).pop();
  if (!key) return undefined;
  const i = text.indexOf(`"${key}"`);
  return i >= 0 ? lineColumnAt(text, i) : undefined;
}

/** Reads and validates a configuration file. Throws ConfigError with positions for bad JSON or bad settings. */
export async function loadConfigFile(file: string, locale: Locale = 'zh'): Promise<NianbaoConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(file, [{ path: '/', message: locale === 'zh' ? `无法读取（${code}）` : `cannot be read (${code})` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/u, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/u.exec(message);
    const place = at ? lineColumnAt(text, Number(at[1])) : undefined;
    throw new ConfigError(file, [
      { path: '/', message: locale === 'zh' ? `不是有效的 JSON（${message}）` : `is not valid JSON (${message})`, ...(place ?? {}) },
    ]);
  }
  const problems = validateConfig(raw, locale);
  if (problems.length > 0) throw new ConfigError(file, problems.map((p) => ({ ...p, ...(lineOfPath(text, p.path) ?? {}) })));
  return raw as NianbaoConfig;
}

/** The configuration that applies to a report file: the nearest one above it, or none. */
export async function configFor(reportFile: string, locale: Locale = 'zh'): Promise<{ config: NianbaoConfig; file?: string }> {
  const file = await findConfigFile(dirname(resolve(reportFile)));
  if (!file) return { config: {} };
  return { config: await loadConfigFile(file, locale), file };
}

/** An agency name in comparable form: no spaces, no brackets, full/half width folded. */
export function normalizeAgencyName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s《》“”"()（）]/gu, '')
    .trim();
}

export interface ReportIdentity {
  file: string;
  agency: string | undefined;
  year: number | undefined;
}

/**
 * The report of the same agency for the year before, among candidates: exact normalised agency name
 * and year − 1. With more than one match none is chosen (a wrong pairing is worse than none).
 */
export function pairPreviousReport(current: ReportIdentity, candidates: readonly ReportIdentity[]): ReportIdentity | undefined {
  if (current.agency === undefined || current.year === undefined) return undefined;
  const agency = normalizeAgencyName(current.agency);
  const matches = candidates.filter(
    (c) => c.file !== current.file && c.year === current.year! - 1 && c.agency !== undefined && normalizeAgencyName(c.agency) === agency,
  );
  return matches.length === 1 ? matches[0] : undefined;
}

export function identityOf(file: string, document: ReportDocument): ReportIdentity {
  return { file, agency: document.title?.agency ?? undefined, year: document.reportYear };
}

const REPORT_EXTENSIONS = /\.(md|markdown|txt)$/iu;

/** `previous: auto`: reads the report files beside `file` and pairs the same agency's report of the year before. */
export async function findPreviousReportAuto(file: string, document: ReportDocument): Promise<{ file: string; document: ReportDocument } | undefined> {
  const dir = dirname(resolve(file));
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return undefined;
  }
  const candidates: Array<ReportIdentity & { document: ReportDocument }> = [];
  for (const name of names) {
    if (!REPORT_EXTENSIONS.test(name) || name === basename(file)) continue;
    const path = join(dir, name);
    try {
      const bytes = await readFile(path);
      const doc = parseReport(bytes, { fileName: name });
      if (doc.isReport) candidates.push({ ...identityOf(path, doc), document: doc });
    } catch {
      // an unreadable neighbour is simply not a candidate
    }
  }
  const paired = pairPreviousReport(identityOf(resolve(file), document), candidates);
  if (!paired) return undefined;
  const found = candidates.find((c) => c.file === paired.file)!;
  return { file: found.file, document: found.document };
}
