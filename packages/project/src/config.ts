/**
 * `.nianbaorc.json`: the nearest one at or above a report, read and validated. A broken one is a
 * ConfigError naming the file and, where it can, the line and column, and saying what to do.
 *
 * The search goes up from the report's folder and stops at the first configuration found, or at the
 * repository's root — the folder holding `.git` — after looking in it: a configuration above the
 * repository (in a home folder, say) is not the project's, and applying it silently changed what was found.
 * The nearest configuration applies whole (configurations are not merged), so each one ends the search;
 * `"root": true` says so explicitly, as `{ "root": true }` at the top of a project that is no repository.
 */
import { lstat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { localize } from '@nianbao/format';
import { precompiledConfigValidator, validateConfig, type ConfigProblem, type Locale, type NianbaoConfig } from '@nianbao/lint';
import { describeJsonError, readJson } from './json.js';
import { MAX_CONFIG_BYTES, readRegularFile, type ReadFailure } from './read.js';

export const CONFIG_FILE_NAME = '.nianbaorc.json';

/** What marks a repository's root folder: a `.git` folder, or the `.git` file of a worktree or submodule. */
const REPOSITORY_MARKER = '.git';

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

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Where the search for a report's configuration ended: the file found, if any, and the repository's root, if one was met. */
interface ConfigSearch {
  file?: string;
  repositoryRoot?: string;
}

/** The nearest folder above `dir` holding `.git`, if any. */
async function repositoryAbove(dir: string): Promise<string | undefined> {
  for (let at = dirname(dir); ; at = dirname(at)) {
    if (await exists(join(at, REPOSITORY_MARKER))) return at;
    if (dirname(at) === at) return undefined;
  }
}

async function searchConfig(startDir: string): Promise<ConfigSearch> {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    // Whatever stands under the name is the configuration: a folder, a FIFO or a dangling link there is
    // reported when it is read, not passed over for one further up.
    const found = await exists(candidate);
    const repository = await exists(join(dir, REPOSITORY_MARKER));
    if (found) {
      const root = repository ? dir : await repositoryAbove(dir);
      return root !== undefined ? { file: candidate, repositoryRoot: root } : { file: candidate };
    }
    if (repository) return { repositoryRoot: dir };
    const parent = dirname(dir);
    if (parent === dir) return {};
    dir = parent;
  }
}

/**
 * The nearest `.nianbaorc.json` at or above `startDir`, not above the repository's root (the nearest
 * folder holding `.git`), or undefined.
 */
export async function findConfigFile(startDir: string): Promise<string | undefined> {
  return (await searchConfig(startDir)).file;
}

/** Why the file could not be read, and what to do, in the user's language. */
function readFailureMessage(failure: ReadFailure, locale: Locale): string {
  switch (failure.kind) {
    case 'missing':
      return localize(locale, { zh: '不存在（读取之前被删除了？）', en: 'does not exist (removed before it was read?)' });
    case 'directory':
      return localize(locale, { zh: '是一个文件夹，不是配置文件：请删去或改名这个文件夹', en: 'is a folder, not a configuration file: remove or rename the folder' });
    case 'not-regular':
      return localize(locale, {
        zh: `不是普通文件（${failure.fileType}）：nianbao 不读取命名管道、设备这类文件，请换成一个普通的 JSON 文件`,
        en: `is not a regular file (${failure.fileType}): nianbao does not read FIFOs or devices; make it a plain JSON file`,
      });
    case 'dangling-link':
      return localize(locale, { zh: `是一个符号链接，指向的“${failure.target}”不存在：请修正或删去这个链接`, en: `is a symbolic link to “${failure.target}”, which does not exist: fix or remove the link` });
    case 'outside-link':
      return localize(locale, {
        zh: `是指向项目之外（${failure.target}）的符号链接，不会读取：请把配置文件放在 ${failure.folder} 之内`,
        en: `is a symbolic link out of the project (to ${failure.target}) and is not read: keep the configuration inside ${failure.folder}`,
      });
    case 'too-large':
      return localize(locale, {
        zh: `太大（至少 ${failure.size} 字节，上限 ${failure.limit} 字节）：配置文件通常只有几百字节，请检查是不是放错了文件`,
        en: `is too large (at least ${failure.size} bytes; the limit is ${failure.limit}): a configuration is a few hundred bytes, check it is the right file`,
      });
    case 'unreadable':
      return localize(locale, { zh: `无法读取（${failure.code}）：请检查文件的权限`, en: `cannot be read (${failure.code}): check the file’s permissions` });
    default:
      return localize(locale, { zh: '无法读取', en: 'cannot be read' });
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
  // The precompiled validator decides; only a configuration it refuses is validated again to say why
  // (validateConfig words the same precompiled validator's errors: no schema is compiled at run time).
  const valid = (precompiledConfigValidator as unknown as (data: unknown) => boolean)(read.json.value);
  const problems: PlacedConfigProblem[] = valid ? [] : validateConfig(read.json.value, locale).map((p) => ({ ...p, ...(read.json.positionOf(p.path) ?? {}) }));
  // JSON.parse keeps the last of a repeated key: the earlier value looks set and does nothing.
  for (const d of read.json.duplicateKeys()) {
    problems.push({
      path: d.pointer,
      message: localize(locale, {
        zh: `“${d.key}”在同一处写了不止一次，这里的值不起作用（只有最后一个有效）：请删去多余的`,
        en: `“${d.key}” is written more than once here, and this value does nothing (only the last one counts): remove the extra ones`,
      }),
      line: d.line,
      column: d.column,
    });
  }
  if (problems.length > 0) throw new ConfigError(file, problems);
  return read.json.value as NianbaoConfig;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads and validates a configuration file. Throws ConfigError. The file must be a regular file of at
 * most MAX_CONFIG_BYTES; a symbolic link may lead anywhere inside `within` (default: the file's folder).
 */
export async function loadConfigFile(file: string, locale: Locale = 'zh', within?: string): Promise<NianbaoConfig> {
  const read = await readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, ...(within !== undefined ? { within } : {}) });
  if (!read.ok) throw new ConfigError(file, [{ path: '/', message: readFailureMessage(read.failure, locale) }]);
  let text: string;
  try {
    text = UTF8.decode(read.bytes);
  } catch {
    throw new ConfigError(file, [{ path: '/', message: localize(locale, { zh: '不是 UTF-8 编码的文本：请用 UTF-8 保存这个文件', en: 'is not UTF-8 text: save the file as UTF-8' }) }]);
  }
  return parseConfig(file, text, locale);
}

/** The configuration that applies to a report file: the nearest one above it, or none. Never throws. */
export async function configFor(reportFile: string, locale: Locale = 'zh'): Promise<ProjectConfig> {
  const search = await searchConfig(dirname(resolve(reportFile)));
  if (!search.file) return { ok: true, config: {} };
  try {
    // A link to a shared configuration may lead anywhere in the repository, not out of it.
    return { ok: true, config: await loadConfigFile(search.file, locale, search.repositoryRoot), file: search.file };
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
