/**
 * Which files are reports, and the walk of a folder for them: one list of extensions and one ignore
 * policy for the CLI's folder runs and the editor's workspace diagnostics. Also what a path on disk is
 * before anything opens it (a regular file, a FIFO, a device, a link and where it leads), because
 * opening a FIFO blocks until someone writes to it and reading `/dev/zero` never ends.
 *
 * Light on purpose (node:fs and node:path only): the CLI's messages import the extension list from here;
 * the gitignore matcher is loaded only when a walk first needs it.
 *
 * The ignore policy is also here, one for every way a run finds files (a folder walked, a glob): the
 * `.gitignore` and `.nianbaoignore` files from the repository's root (the folder holding `.git`) down to
 * each folder, in gitignore's syntax and precedence (a deeper file wins, within a file the last matching
 * line wins, `!` re-includes), `.nianbaoignore` over `.gitignore` in the same folder, and the command
 * line's `!pattern` arguments over both. A file named on the command line itself is always read.
 */
import { lstat, readFile, readdir } from 'node:fs/promises';
import { lstatSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
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
function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return resolve(folder);
  }
}

/**
 * `inspectPathSync` as a promise. The looks themselves are synchronous: each is a few microseconds, and
 * the same look through the thread pool costs about 0.2 ms, which a folder run of thousands of files
 * pays per file (and nothing else waits on a worker thread meanwhile).
 */
export async function inspectPath(path: string, within: string = dirname(resolve(path))): Promise<PathInfo> {
  return inspectPathSync(path, within);
}

export function inspectPathSync(path: string, within: string = dirname(resolve(path))): PathInfo {
  let own: Stats;
  try {
    own = lstatSync(path);
  } catch (error) {
    const code = codeOf(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'error', code };
  }
  if (!own.isSymbolicLink()) return { kind: 'entry', type: fileTypeOf(own), real: resolve(path), stats: own, link: false };
  let written = '?';
  try {
    written = readlinkSync(path);
  } catch {
    // gone since the look, or not readable: the target is not known
  }
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = codeOf(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'dangling-link', target: written } : { kind: 'error', code };
  }
  const folder = realFolder(within);
  if (!isInside(folder, real)) return { kind: 'outside-link', target: real, folder: resolve(within) };
  try {
    const stats = statSync(real);
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
  | 'link-loop'
  /** Matched by an ignore file or a `!pattern` on the command line (`ignoredBy` says which). */
  | 'ignored';

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
  /** `ignored`: the rule that matched. */
  ignoredBy?: IgnoreMatch;
}

/** The ignore files read in every folder of a walk, weakest first. */
export const IGNORE_FILE_NAMES = ['.gitignore', '.nianbaoignore'] as const;

/** The rule that ignores a path: the file and line it is on (or the command line), and the pattern as written. */
export interface IgnoreMatch {
  /** The ignore file, relative to the run's folder; absent for a pattern on the command line. */
  file?: string;
  line?: number;
  pattern: string;
}

/** What node-ignore gives, narrowed to what is used (it is loaded lazily, so its types are restated). */
interface Matcher {
  add(patterns: string): Matcher;
  test(path: string): { ignored: boolean; unignored: boolean };
}
type MatcherFactory = (options?: { allowRelativePaths?: boolean }) => Matcher;

let factory: Promise<MatcherFactory> | undefined;
function loadMatcher(): Promise<MatcherFactory> {
  factory ??= import('ignore').then((m) => m.default as unknown as MatcherFactory);
  return factory;
}

/** The rules of one ignore file (or of the command line), with a matcher for each line to say which one matched. */
interface RuleSet {
  file?: string;
  /** Where its patterns are relative to. */
  base: string;
  all: Matcher;
  lines: Array<{ line: number; pattern: string; matcher: Matcher }>;
}

const slash = (p: string): string => p.split(sep).join('/');

async function ruleSet(make: MatcherFactory, base: string, text: string, file: string | undefined): Promise<RuleSet | undefined> {
  const lines: RuleSet['lines'] = [];
  text.split(/\r?\n/u).forEach((raw, i) => {
    const pattern = raw.replace(/^\ufeff/u, '');
    if (pattern.trim() === '' || pattern.startsWith('#')) return;
    lines.push({ line: i + 1, pattern, matcher: make().add(pattern) });
  });
  if (lines.length === 0) return undefined;
  return { ...(file !== undefined ? { file } : {}), base, all: make().add(lines.map((l) => l.pattern).join('\n')), lines };
}

/** The verdict of one rule set on a path relative to its base: the line that decides, if any. */
function verdict(set: RuleSet, rel: string): { ignored: boolean; line: RuleSet['lines'][number] } | undefined {
  const r = set.all.test(rel);
  if (!r.ignored && !r.unignored) return undefined;
  // Within a file the last matching line decides; a re-including `!` line is the one that unignored.
  for (let i = set.lines.length - 1; i >= 0; i--) {
    const l = set.lines[i]!;
    const t = l.matcher.test(rel);
    if (t.ignored || t.unignored) return { ignored: r.ignored, line: l };
  }
  return undefined;
}

export interface IgnorePolicyOptions {
  /** The run's folder: command-line patterns are relative to it, and ignore files are named relative to it. */
  cwd: string;
  /** `!pattern` arguments, without the `!` (gitignore syntax, relative to `cwd`). */
  patterns?: readonly string[];
  /** Whether `.gitignore` and `.nianbaoignore` are read (default true; `--no-ignore` turns them off). */
  ignoreFiles?: boolean;
  /** No ignore file above this folder applies (a folder named on the command line that they would ignore). */
  top?: string;
}

/**
 * Whether a path a run found is ignored, and by which rule. Ignore files are read once per folder. A
 * folder ignored is not walked (as git does, nothing below it can be re-included).
 */
export class IgnorePolicy {
  private readonly cwd: string;
  private readonly patterns: readonly string[];
  private readonly ignoreFiles: boolean;
  private readonly sets = new Map<string, Promise<RuleSet[]>>();
  private readonly tops = new Map<string, Promise<string>>();
  private commandLine: Promise<RuleSet | undefined> | undefined;
  private readonly top: string | undefined;

  constructor(private readonly options: IgnorePolicyOptions) {
    this.cwd = resolve(options.cwd);
    this.patterns = options.patterns ?? [];
    this.ignoreFiles = options.ignoreFiles ?? true;
    this.top = options.top !== undefined ? resolve(options.top) : undefined;
  }

  /**
   * The policy for walking a folder named on the command line: when the ignore files above it would
   * ignore the folder itself (a folder under `node_modules/` or `build/` named on purpose), only those at
   * and below it apply. The user named it, so it is checked; what is ignored inside it still is.
   */
  async forRoot(folder: string): Promise<IgnorePolicy> {
    if (!this.ignoreFiles || !(await this.match(folder, true))) return this;
    return new IgnorePolicy({ ...this.options, ignoreFiles: true, top: folder });
  }

  /** Whether anything can be ignored at all (no matcher is loaded otherwise). */
  get active(): boolean {
    return this.ignoreFiles || this.patterns.length > 0;
  }

  /** The rule that ignores `path` (absolute), or undefined. */
  async match(path: string, isFolder: boolean): Promise<IgnoreMatch | undefined> {
    if (!this.active) return undefined;
    const absolute = resolve(path);
    const suffix = isFolder ? '/' : '';
    const cli = await this.cliRules();
    if (cli && isInside(this.cwd, absolute) && absolute !== this.cwd) {
      const v = verdict(cli, slash(relative(this.cwd, absolute)) + suffix);
      if (v) return v.ignored ? { pattern: v.line.pattern } : undefined;
    }
    if (!this.ignoreFiles) return undefined;
    const dirs = await this.foldersAbove(dirname(absolute));
    // The deepest folder's files first: a deeper ignore file overrides one above it.
    for (let i = dirs.length - 1; i >= 0; i--) {
      const sets = await this.setsIn(dirs[i]!);
      for (let k = sets.length - 1; k >= 0; k--) {
        const set = sets[k]!;
        const v = verdict(set, slash(relative(set.base, absolute)) + suffix);
        if (v) return v.ignored ? { ...(set.file !== undefined ? { file: set.file } : {}), line: v.line.line, pattern: v.line.pattern } : undefined;
      }
    }
    return undefined;
  }

  private cliRules(): Promise<RuleSet | undefined> {
    this.commandLine ??= this.patterns.length === 0 ? Promise.resolve(undefined) : loadMatcher().then((make) => ruleSet(make, this.cwd, this.patterns.join('\n'), undefined));
    return this.commandLine;
  }

  /** The folders from the top of the project (the repository's root, else the run's folder) down to `dir`. */
  private async foldersAbove(dir: string): Promise<string[]> {
    const top = await this.topFor(dir);
    const out: string[] = [];
    for (let at = dir; ; at = dirname(at)) {
      out.unshift(at);
      if (at === top || dirname(at) === at) break;
    }
    return out;
  }

  private topFor(dir: string): Promise<string> {
    if (this.top !== undefined && isInside(this.top, dir)) return Promise.resolve(this.top);
    let entry = this.tops.get(dir);
    if (!entry) {
      entry = (async () => {
        for (let at = dir; ; at = dirname(at)) {
          if (await lstat(join(at, '.git')).then(() => true, () => false)) return at;
          if (dirname(at) === at) break;
        }
        return isInside(this.cwd, dir) ? this.cwd : dir;
      })();
      this.tops.set(dir, entry);
    }
    return entry;
  }

  private setsIn(dir: string): Promise<RuleSet[]> {
    let entry = this.sets.get(dir);
    if (!entry) {
      entry = (async () => {
        const out: RuleSet[] = [];
        for (const name of IGNORE_FILE_NAMES) {
          const file = join(dir, name);
          const info = await lstat(file).catch(() => undefined);
          // Only a regular file, and only a small one: a FIFO named .gitignore must not hang the walk.
          if (!info?.isFile() || info.size > 1024 * 1024) continue;
          const text = await readFile(file, 'utf8').catch(() => undefined);
          if (text === undefined) continue;
          const set = await ruleSet(await loadMatcher(), dir, text, relative(this.cwd, file) || name);
          if (set) out.push(set);
        }
        return out;
      })();
      this.sets.set(dir, entry);
    }
    return entry;
  }
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
  /** The ignore policy (none by default: the editor lists its own workspace). */
  ignore?: IgnorePolicy;
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
    const real = realFolder(onDisk(dir));
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
      if (options.ignore && !(type === 'directory' && isIgnored(entry.name, true))) {
        const rule = await options.ignore.match(onDisk(path), type === 'directory');
        if (rule) {
          skip({ path, reason: 'ignored', ignoredBy: rule });
          continue;
        }
      }
      if (type === 'directory') {
        if (!isIgnored(entry.name, true)) await walk(path, depth + 1, link);
      } else if (type !== 'file') skip({ path, reason: 'not-regular', fileType: type });
      else if (isReportFile(entry.name)) out.push(path);
      else skip({ path, reason: skipReason(entry.name) });
    }
  };
  if (options.ignore) options = { ...options, ignore: await options.ignore.forRoot(root) };
  await walk(folder, 0, false);
  return out;
}
