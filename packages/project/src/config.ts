/**
 * `.nianbaorc.json`: the nearest one at or above a report, read and validated. A broken one is a
 * ConfigError naming the file and, where it can, the line and column.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { localize } from '@nianbao/format';
import { validateConfig, type ConfigProblem, type Locale, type NianbaoConfig } from '@nianbao/lint';
import { describeJsonError, readJson } from './json.js';

export const CONFIG_FILE_NAME = '.nianbaorc.json';

export type PlacedConfigProblem = ConfigProblem & { line?: number; column?: number };

/** A configuration that cannot be used: the file, the place in it, and what is wrong. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: PlacedConfigProblem[],
  ) {
    super(`${file}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  }
}

/** The configuration of a file, or why it cannot be used (a broken config is shown, not thrown). */
export type ProjectConfig = { ok: true; config: NianbaoConfig; file?: string } | { ok: false; error: ConfigError };

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

/** Validates a configuration's text. Throws ConfigError with positions for bad JSON or bad settings. */
export function parseConfig(file: string, text: string, locale: Locale = 'zh'): NianbaoConfig {
  const read = readJson(text);
  if (!read.ok) {
    const { line, column } = read.error;
    const reason = describeJsonError(read.error, locale);
    throw new ConfigError(file, [{ path: '/', message: localize(locale, { zh: `不是有效的 JSON（${reason}）`, en: `is not valid JSON (${reason})` }), line, column }]);
  }
  const problems = validateConfig(read.json.value, locale);
  if (problems.length > 0) throw new ConfigError(file, problems.map((p) => ({ ...p, ...(read.json.positionOf(p.path) ?? {}) })));
  return read.json.value as NianbaoConfig;
}

/** Reads and validates a configuration file. Throws ConfigError. */
export async function loadConfigFile(file: string, locale: Locale = 'zh'): Promise<NianbaoConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(file, [{ path: '/', message: localize(locale, { zh: `无法读取（${code}）`, en: `cannot be read (${code})` }) }]);
  }
  return parseConfig(file, text, locale);
}

/** The configuration that applies to a report file: the nearest one above it, or none. Never throws. */
export async function configFor(reportFile: string, locale: Locale = 'zh'): Promise<ProjectConfig> {
  const file = await findConfigFile(dirname(resolve(reportFile)));
  if (!file) return { ok: true, config: {} };
  try {
    return { ok: true, config: await loadConfigFile(file, locale), file };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error };
    throw error;
  }
}

/**
 * Each problem of a broken configuration with its place (`file:line:column`, or the file alone) — the
 * part of the message every edge shares; what to do next is the edge's to say.
 */
export function placedConfigProblems(error: ConfigError): Array<{ where: string; path: string; message: string; line?: number; column?: number }> {
  return error.problems.map((p) => ({
    where: p.line !== undefined ? `${error.file}:${p.line}:${p.column ?? 1}` : error.file,
    path: p.path,
    message: p.message,
    ...(p.line !== undefined ? { line: p.line, column: p.column ?? 1 } : {}),
  }));
}
