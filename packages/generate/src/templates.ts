/**
 * Finding and reading templates (the I/O side of rendering): the built-in ones, layered under a user's
 * `--templates DIR`. A template set is plain data — the main template and partials by name — so
 * rendering itself stays pure.
 *
 * A user's folder has the layout of the built-in `templates/`: `shared/` for both formats and `<year>/`
 * for one, each holding `report.md.hbs` and `partials/`; files straight in the folder (`report.md.hbs`,
 * `partials/`) count as `shared/`. Every file used is reported with the built-in one it replaces, and
 * every `.hbs` file the layout leaves unused is named: a misplaced override used to be ignored silently.
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closest, distance } from 'fastest-levenshtein';
import { FORMAT_YEARS, type FormatYear } from '@nianbao/format';

export interface TemplateSet {
  main: string;
  /** Where the main template came from, for error messages. */
  mainFile: string;
  partials: Map<string, { text: string; file: string }>;
  /** The user's files in use, each with the built-in file it replaces (none: a partial of the user's own). */
  overrides?: TemplateOverride[];
  /** The user's `.hbs` files the layout does not use, and why. */
  unused?: UnusedTemplate[];
}

export interface TemplateOverride {
  file: string;
  /** The built-in file replaced, relative to the built-in templates folder (`shared/partials/signature.hbs`). */
  replaces?: string;
  /** For a partial that replaces nothing: the built-in partial whose name it is closest to, if any is close. */
  similarTo?: string;
}

export interface UnusedTemplate {
  file: string;
  /** `replaced`: a later layer has the same file; `misplaced`: outside the layout's places. */
  why: 'replaced' | 'misplaced';
  /** With `replaced`, the file used instead. */
  by?: string;
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

/**
 * The report-data JSON Schema of this installation (`schemas/report-data.schema.json`, beside the
 * templates), or undefined when it is not there. `init` points a new data file at it.
 */
export function builtInSchemaFile(): string | undefined {
  for (const relative of ['../schemas/', '../../../schemas/']) {
    const file = fileURLToPath(new URL(`${relative}report-data.schema.json`, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** The largest template read: templates are a few KB; a bound keeps a stray huge or endless file out. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** What a non-regular entry is, as a template error names it. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return '是一个文件夹 (is a folder)';
  if (stats.isFIFO()) return '是命名管道（FIFO），不是普通文件 (is a named pipe (FIFO), not a regular file)';
  if (stats.isSocket()) return '是套接字，不是普通文件 (is a socket, not a regular file)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return '是设备，不是普通文件 (is a device, not a regular file)';
  return '不是普通文件 (is not a regular file)';
}

function inside(folder: string, path: string): boolean {
  const r = relative(folder, path);
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
}

// Opening a FIFO would wait for a writer for ever: O_NONBLOCK returns at once (fstat then refuses it).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * A template's text, read only if it is a regular file of `root` (a link is followed only inside it) and
 * at most MAX_TEMPLATE_BYTES long: the type is looked at before the file is opened, and again on the
 * open descriptor; at most the cap + 1 bytes are read, so a file growing meanwhile is bounded too.
 */
function readTemplate(file: string, root: string): string {
  const own = lstatSync(file);
  if (own.isSymbolicLink()) {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      throw new TemplateError(file, '是一个指向不存在的文件的符号链接 (is a symbolic link to nothing)');
    }
    if (!inside(realpathSync(root), real)) throw new TemplateError(file, `是一个符号链接，指向模板目录之外的 ${real}；请把该模板复制到模板目录中 (is a symbolic link out of the templates folder, to ${real}: copy the template into the folder)`);
  }
  const info = statSync(file);
  if (!info.isFile()) throw new TemplateError(file, kindOf(info));
  const tooLarge = (): TemplateError => new TemplateError(file, `超过 ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB，不像是模板 (is over ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB: not a template)`);
  if (info.size > MAX_TEMPLATE_BYTES) throw tooLarge();
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new TemplateError(file, `无法读取（${code}）(cannot be read: ${code})`);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw new TemplateError(file, kindOf(opened));
    const buffer = Buffer.allocUnsafe(MAX_TEMPLATE_BYTES + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, total, buffer.length - total, total);
      if (n === 0) break;
      total += n;
      if (total > MAX_TEMPLATE_BYTES) throw tooLarge();
    }
    return buffer.toString('utf8', 0, total);
  } finally {
    closeSync(fd);
  }
}

/** The files a layer read: by their place in the layout (`report.md.hbs`, `partials/x.hbs`). */
type LayerFiles = Map<string, string>;

function readLayer(dir: string, set: TemplateSet, root: string): LayerFiles {
  const read: LayerFiles = new Map();
  if (!existsSync(dir)) return read;
  const main = `${dir}/${MAIN}`;
  if (lstatSync(main, { throwIfNoEntry: false })) {
    set.main = readTemplate(main, root);
    set.mainFile = main;
    read.set(MAIN, main);
  }
  const partialsDir = `${dir}/partials`;
  if (existsSync(partialsDir) && statSync(partialsDir).isDirectory()) {
    for (const name of readdirSync(partialsDir).sort()) {
      if (!name.endsWith('.hbs')) continue;
      const file = `${partialsDir}/${name}`;
      set.partials.set(name.slice(0, -'.hbs'.length), { text: readTemplate(file, root), file });
      read.set(`partials/${name}`, file);
    }
  }
  return read;
}

/** Every `.hbs` file under a folder, a few levels deep (a templates folder is small; a stray one is not walked for ever). */
function hbsFilesUnder(dir: string, depth = 4): string[] {
  if (depth < 0) return [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? hbsFilesUnder(join(dir, e.name), depth - 1) : e.name.endsWith('.hbs') ? [join(dir, e.name)] : []));
}

/** Which built-in file each user file replaces, and which user files go unused. */
function describeUserLayers(formatYear: FormatYear, userDir: string, builtIn: Map<string, string>, layers: LayerFiles[], set: TemplateSet): void {
  const used = new Set([set.mainFile, ...[...set.partials.values()].map((p) => p.file)]);
  const builtInPartials = [...builtIn.keys()].filter((k) => k.startsWith('partials/')).map((k) => k.slice('partials/'.length));
  const overrides: TemplateOverride[] = [];
  const unused: UnusedTemplate[] = [];
  const read = new Set<string>();
  for (const layer of layers) {
    for (const [place, file] of layer) {
      read.add(resolve(file));
      if (!used.has(file)) {
        const by = place === MAIN ? set.mainFile : set.partials.get(place.slice('partials/'.length, -'.hbs'.length))?.file;
        unused.push({ file, why: 'replaced', ...(by !== undefined ? { by } : {}) });
        continue;
      }
      const replaces = builtIn.get(place);
      const name = place.slice('partials/'.length);
      const near = replaces === undefined && builtInPartials.length > 0 ? closest(name, builtInPartials) : undefined;
      overrides.push({
        file,
        ...(replaces !== undefined ? { replaces: relative(builtInTemplatesDir(), replaces).split(sep).join('/') } : {}),
        ...(near !== undefined && distance(name, near) <= 3 ? { similarTo: `partials/${near}` } : {}),
      });
    }
  }
  // Another format's folder is for that format's reports, not misplaced.
  const otherYears = FORMAT_YEARS.filter((y) => y !== formatYear).map((y) => resolve(userDir, String(y)));
  for (const file of hbsFilesUnder(userDir)) {
    if (read.has(resolve(file)) || otherYears.some((dir) => inside(dir, resolve(file)))) continue;
    unused.push({ file, why: 'misplaced' });
  }
  set.overrides = overrides;
  set.unused = unused;
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
  const layers = [`${builtIn}shared`, `${builtIn}${formatYear}`, ...(userDir !== undefined ? userLayers(userDir, formatYear) : [])];
  const paths = [...layers, ...layers.map((l) => `${l}/partials`), set.mainFile, ...[...set.partials.values()].map((p) => p.file)];
  cache.set(key, { set, stamps: paths.map((p) => [p, mtime(p)]) });
  return set;
}

/** A user's layers in the order they apply: the folder itself (as shared), `shared/`, `<year>/`. */
function userLayers(userDir: string, formatYear: FormatYear): string[] {
  return [userDir, `${userDir}/shared`, `${userDir}/${formatYear}`];
}

/**
 * The templates for a format: built-in `shared/` then `<year>/`, then the user's folder (its own files,
 * `shared/`, then `<year>/`), each layer replacing files of the same name.
 */
export function loadTemplates(formatYear: FormatYear, userDir?: string): TemplateSet {
  const builtIn = builtInTemplatesDir();
  const set: TemplateSet = { main: '', mainFile: '', partials: new Map() };
  const builtInFiles = new Map([...readLayer(`${builtIn}shared`, set, builtIn), ...readLayer(`${builtIn}${formatYear}`, set, builtIn)]);
  if (userDir !== undefined) {
    if (!existsSync(userDir) || !statSync(userDir).isDirectory()) throw new TemplateError(userDir, '模板目录不存在 (no such template folder)');
    const layers = userLayers(userDir, formatYear).map((dir) => readLayer(dir, set, resolve(userDir)));
    describeUserLayers(formatYear, userDir, builtInFiles, layers, set);
  }
  if (set.main === '') throw new TemplateError(builtIn, `缺少 ${MAIN} (${MAIN} is missing)`);
  return set;
}
