/**
 * Which files are reports, and the walk of a folder for them: one list of extensions and one ignore
 * policy for the CLI's folder runs and the editor's workspace diagnostics.
 */
import { readdir } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

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

/** Why a folder run passed over a file. */
export type SkipReason = 'legacy-word' | 'wps' | 'ofd' | 'other' | 'unreadable';

/** A file (or a folder that could not be listed) a walk passed over, and why: a folder run names every one. */
export interface SkippedFile {
  path: string;
  reason: SkipReason;
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
 * are the folder as given joined with the names. A folder that cannot be listed is skipped (and
 * recorded as unreadable), never an error: one locked subfolder must not stop a run.
 */
export async function walkReportFiles(folder: string, options: WalkOptions = {}): Promise<string[]> {
  const out: string[] = [];
  const maxFiles = options.maxFiles ?? Number.POSITIVE_INFINITY;
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > maxDepth || out.length >= maxFiles) return;
    let entries;
    try {
      entries = await readdir(options.cwd !== undefined ? resolve(options.cwd, dir) : dir, { withFileTypes: true });
    } catch {
      options.skipped?.push({ path: dir, reason: 'unreadable' });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (out.length >= maxFiles) return;
      const isFolder = entry.isDirectory();
      if (isIgnored(entry.name, isFolder)) continue;
      const path = join(dir, entry.name);
      if (isFolder) await walk(path, depth + 1);
      else if (entry.isFile() && isReportFile(entry.name)) out.push(path);
      else if (entry.isFile()) options.skipped?.push({ path, reason: skipReason(entry.name) });
    }
  };
  await walk(folder, 0);
  return out;
}
