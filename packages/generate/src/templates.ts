/**
 * Finding and reading templates (the I/O side of rendering): the built-in ones, layered under a user's
 * `--templates DIR`. A template set is plain data — the main template and partials by name — so
 * rendering itself stays pure.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormatYear } from '@nianbao/format';

export interface TemplateSet {
  main: string;
  /** Where the main template came from, for error messages. */
  mainFile: string;
  partials: Map<string, { text: string; file: string }>;
}

/** A template directory that cannot be used, with the file and what is wrong. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

const MAIN = 'report.md.hbs';

/** The built-in templates: beside the package in the repository, or inside the bundle when packed. */
let builtIn: string | undefined;

export function builtInTemplatesDir(): string {
  if (builtIn !== undefined) return builtIn;
  for (const relative of ['../templates/', '../../../templates/']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(`${dir}shared/${MAIN}`)) return (builtIn = dir);
  }
  throw new TemplateError('templates/', 'nianbao 自带的模板不在安装目录中 (the built-in templates are missing from the installation)');
}

function readLayer(dir: string, set: TemplateSet): void {
  if (!existsSync(dir)) return;
  const main = `${dir}/${MAIN}`;
  if (existsSync(main)) {
    set.main = readFileSync(main, 'utf8');
    set.mainFile = main;
  }
  const partialsDir = `${dir}/partials`;
  if (existsSync(partialsDir) && statSync(partialsDir).isDirectory()) {
    for (const name of readdirSync(partialsDir).sort()) {
      if (!name.endsWith('.hbs')) continue;
      const file = `${partialsDir}/${name}`;
      set.partials.set(name.slice(0, -'.hbs'.length), { text: readFileSync(file, 'utf8'), file });
    }
  }
}

interface Cached {
  set: TemplateSet;
  /** Every folder and file the set was read from, with its modification time (-1: absent). */
  stamps: Array<[string, number]>;
}

const cache = new Map<string, Cached>();

function mtime(path: string): number {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}

/**
 * `loadTemplates`, read again only when a template file or folder has changed since: a batch of reports
 * (or an editor session) reads the templates once, and an edit is still seen at the next report.
 */
export function loadTemplatesCached(formatYear: FormatYear, userDir?: string): TemplateSet {
  const key = `${formatYear}\u0000${userDir ?? ''}`;
  const hit = cache.get(key);
  if (hit && hit.stamps.every(([path, time]) => mtime(path) === time)) return hit.set;
  const set = loadTemplates(formatYear, userDir);
  const builtIn = builtInTemplatesDir();
  const layers = [`${builtIn}shared`, `${builtIn}${formatYear}`, ...(userDir !== undefined ? [userDir, `${userDir}/${formatYear}`] : [])];
  const paths = [...layers, ...layers.map((l) => `${l}/partials`), set.mainFile, ...[...set.partials.values()].map((p) => p.file)];
  cache.set(key, { set, stamps: paths.map((p) => [p, mtime(p)]) });
  return set;
}

/**
 * The templates for a format: built-in `shared/` then `<year>/`, then the user's directory (flat, and its
 * `<year>/` subfolder), each layer replacing files of the same name.
 */
export function loadTemplates(formatYear: FormatYear, userDir?: string): TemplateSet {
  const builtIn = builtInTemplatesDir();
  const set: TemplateSet = { main: '', mainFile: '', partials: new Map() };
  readLayer(`${builtIn}shared`, set);
  readLayer(`${builtIn}${formatYear}`, set);
  if (userDir !== undefined) {
    if (!existsSync(userDir) || !statSync(userDir).isDirectory()) throw new TemplateError(userDir, '模板目录不存在 (no such template folder)');
    readLayer(userDir, set);
    readLayer(`${userDir}/${formatYear}`, set);
  }
  if (set.main === '') throw new TemplateError(builtIn, `缺少 ${MAIN} (${MAIN} is missing)`);
  return set;
}
