/**
 * Finding and reading templates (the I/O side of rendering): the built-in ones, layered under a user's
 * `--templates DIR`. A template set is plain data — the main template and partials by name — so
 * rendering itself stays pure.
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
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

function readLayer(dir: string, set: TemplateSet, root: string): void {
  if (!existsSync(dir)) return;
  const main = `${dir}/${MAIN}`;
  if (lstatSync(main, { throwIfNoEntry: false })) {
    set.main = readTemplate(main, root);
    set.mainFile = main;
  }
  const partialsDir = `${dir}/partials`;
  if (existsSync(partialsDir) && statSync(partialsDir).isDirectory()) {
    for (const name of readdirSync(partialsDir).sort()) {
      if (!name.endsWith('.hbs')) continue;
      const file = `${partialsDir}/${name}`;
      set.partials.set(name.slice(0, -'.hbs'.length), { text: readTemplate(file, root), file });
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
  readLayer(`${builtIn}shared`, set, builtIn);
  readLayer(`${builtIn}${formatYear}`, set, builtIn);
  if (userDir !== undefined) {
    if (!existsSync(userDir) || !statSync(userDir).isDirectory()) throw new TemplateError(userDir, '模板目录不存在 (no such template folder)');
    readLayer(userDir, set, resolve(userDir));
    readLayer(`${userDir}/${formatYear}`, set, resolve(userDir));
  }
  if (set.main === '') throw new TemplateError(builtIn, `缺少 ${MAIN} (${MAIN} is missing)`);
  return set;
}
