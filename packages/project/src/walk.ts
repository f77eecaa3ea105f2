/**
 * Which files are reports, and the walk of a folder for them: one list of extensions and one ignore
 * policy for the CLI's folder runs and the editor's workspace diagnostics. Also what a path on disk is
 * before anything opens it (a regular file, a FIFO, a device, a link and where it leads), because
 * opening a FIFO blocks until someone writes to it and reading `/dev/zero` never ends.
 *
 * Light on purpose (node:fs and node:path only): the CLI's messages import the extension list from here.
 */
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The files nianbao reads: text and Markdown, web pages, Word .docx and PDF. */
export const REPORT_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm', '.docx', '.pdf'] as const;

/**
 * The report files whose text is the file itself (no reader between): cheap to read, so `previous: auto`
 * reads these beside a report to find last year's.
 */
export const TEXT_REPORT_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.txt']);

const REPORTS: ReadonlySet<string> = new Set(REPORT_EXTENSIONS);

/** Folders that never hold reports to check and can be huge: dependencies and build output. */
const IGNORED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);

export function isReportFile(name: string): boolean {
  return REPORTS.has(extname(name).toLowerCase());
}

/** Hidden entries (`.git`, `.vscode`, editor backups) and dependency or build folders are not walked. */
export function isIgnored(name: string, isFolder: boolean): boolean {
  return name.startsWith('.') || (isFolder && IGNORED_FOLDERS.has(name));
}

/** What an entry on disk is. Only a `file` (a regular file) is ever opened for reading. */
export type FileType = 'file' | 'directory' | 'fifo' | 'socket' | 'character-device' | 'block-device' | 'other';

export function fileTypeOf(entry: Stats | Dirent): FileType {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (entry.isFIFO()) return 'fifo';
  if (entry.isSocket()) return 'socket';
  if (entry.isCharacterDevice()) return 'character-device';
  if (entry.isBlockDevice()) return 'block-device';
  return 'other';
}

/** Whether `path` is `folder` or inside it (both absolute, links already resolved). */
export function isInside(folder: string, path: string): boolean {
  const r = relative(folder, path);
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
}

/**
 * What a path is, following a symbolic link only when it stays inside `within` (a folder):
 * - `entry`: what is there (`real` is where it is, the link resolved; `stats` follow the link);
 * - `dangling-link`: a link to nothing (`target` as the link spells it);
 * - `outside-link`: a link that leads out of `within` (`target` is where it leads);
 * - `missing`, or `error` with the system's code.
 * Nothing is opened: a FIFO or a device is told apart by its type alone.
 */
export type PathInfo =
  | { kind: 'entry'; type: FileType; real: string; stats: Stats; link: boolean }
  | { kind: 'dangling-link'; target: string }
  | { kind: 'outside-link'; target: string; folder: string }
  | { kind: 'missing' }
  | { kind: 'error'; code: string };

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));

/** The real path of a folder (its links resolved), or the folder itself when it cannot be resolved. */
async function realFolder(folder: string): Promise<string> {
  return realpath(folder).catch(() => resolve(folder));
}

export async function inspectPath(path: string, within: string = dirname(resolve(path))): Promise<PathInfo> {
  let own: Stats;
  try {
    own = await lstat(path);
  } catch (error) {
    const code = codeOf(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'error', code };
  }
  if (!own.isSymbolicLink()) return { kind: 'entry', type: fileTypeOf(own), real: resolve(path), stats: own, link: false };
  const written = await readlink(path).catch(() => '?');
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    const code = codeOf(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'dangling-link', target: written } : { kind: 'error', code };
  }
  const folder = await realFolder(within);
  if (!isInside(folder, real)) return { kind: 'outside-link', target: real, folder: resolve(within) };
  try {
    const stats = await stat(real);
    return { kind: 'entry', type: fileTypeOf(stats), real, stats, link: true };
  } catch (error) {
    return { kind: 'error', code: codeOf(error) };
  }
}

/** Why a folder run passed over a file (or a folder that could not be listed). */
export type SkipReason =
  | 'legacy-word'
  | 'wps'
  | 'ofd'
  | 'other'
  | 'unreadable'
  /** A FIFO, socket or device: never opened. */
  | 'not-regular'
  /** A symbolic link that leads out of the folder being walked. */
  | 'outside-link'
  /** A symbolic link to nothing. */
  | 'dangling-link'
  /** A link to a folder already walked (a loop, or the same folder twice). */
  | 'link-loop';

/** A file (or a folder that could not be listed) a walk passed over, and why: a folder run names every one. */
export interface SkippedFile {
  path: string;
  reason: SkipReason;
  /** `not-regular`: what the entry is. */
  fileType?: FileType;
  /** `outside-link`, `dangling-link`: where the link leads. */
  target?: string;
  /** `unreadable`: the system's error code. */
  code?: string;
}

/** Formats offices also save reports in that nianbao cannot read: each gets its own advice. */
const LEGACY: ReadonlyArray<readonly [RegExp, SkipReason]> = [
  [/\.(doc|rtf)$/iu, 'legacy-word'],
  [/\.(wps|wpt)$/iu, 'wps'],
  [/\.ofd$/iu, 'ofd'],
];

export function skipReason(name: string): SkipReason {
  for (const [re, reason] of LEGACY) if (re.test(name)) return reason;
  return 'other';
}

export interface WalkOptions {
  /** The folder relative paths are read from (the process's own by default); paths come back as given. */
  cwd?: string;
  /** Where to list what was passed over; nothing is recorded without it. */
  skipped?: SkippedFile[];
  /** Bounds for the editor: a folder of reports is dozens of files, not a whole disk. */
  maxFiles?: number;
  maxDepth?: number;
}

/**
 * The report files under a folder, recursively, in a stable order (names sorted at each level). Paths
 * are the folder as given joined with the names. Only regular files are taken: a FIFO, a socket or a
 * device is passed over unopened, and so is a symbolic link that leads out of the folder (or to nothing);
 * a link that stays inside it is followed, each real folder walked once. A folder that cannot be listed
 * is skipped (and recorded as unreadable), never an error: one locked subfolder must not stop a run.
 */
export async function walkReportFiles(folder: string, options: WalkOptions = {}): Promise<string[]> {
  const out: string[] = [];
  const maxFiles = options.maxFiles ?? Number.POSITIVE_INFINITY;
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const onDisk = (path: string): string => (options.cwd !== undefined ? resolve(options.cwd, path) : resolve(path));
  const root = onDisk(folder);
  const walked = new Set<string>();
  const skip = (entry: SkippedFile): void => {
    options.skipped?.push(entry);
  };
  const walk = async (dir: string, depth: number, viaLink: boolean): Promise<void> => {
    if (depth > maxDepth || out.length >= maxFiles) return;
    const real = await realFolder(onDisk(dir));
    if (walked.has(real)) {
      if (viaLink) skip({ path: dir, reason: 'link-loop' });
      return;
    }
    walked.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(onDisk(dir), { withFileTypes: true });
    } catch (error) {
      skip({ path: dir, reason: 'unreadable', code: codeOf(error) });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (out.length >= maxFiles) return;
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      let type = fileTypeOf(entry);
      let link = false;
      if (entry.isSymbolicLink()) {
        const info = await inspectPath(onDisk(path), root);
        if (info.kind === 'outside-link' || info.kind === 'dangling-link') {
          skip({ path, reason: info.kind, target: info.target });
          continue;
        }
        if (info.kind !== 'entry') {
          skip({ path, reason: 'unreadable', ...(info.kind === 'error' ? { code: info.code } : {}) });
          continue;
        }
        type = info.type;
        link = true;
      }
      if (type === 'directory') {
        if (!isIgnored(entry.name, true)) await walk(path, depth + 1, link);
      } else if (type !== 'file') skip({ path, reason: 'not-regular', fileType: type });
      else if (isReportFile(entry.name)) out.push(path);
      else skip({ path, reason: skipReason(entry.name) });
    }
  };
  await walk(folder, 0, false);
  return out;
}
