import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CliError } from './messages.js';

/** The files a folder run reads: text and Markdown, web pages, Word .docx and PDF. */
export const REPORT_FILE = /\.(md|markdown|txt|html?|docx|pdf)$/iu;

export interface InputFile {
  /** The path as the user would recognise it: as given, or the folder as given joined with the name. */
  path: string;
  /** Named on the command line itself (a report is expected), rather than found in a folder or by a glob. */
  explicit: boolean;
}

/** A file a folder run passed over, and why: a folder run names every one. */
export interface SkippedFile {
  path: string;
  reason: 'legacy-word' | 'wps' | 'ofd' | 'other';
}

/** Formats offices also save reports in that nianbao cannot read: each gets its own advice. */
const LEGACY = [
  [/\.(doc|rtf)$/iu, 'legacy-word'],
  [/\.(wps|wpt)$/iu, 'wps'],
  [/\.ofd$/iu, 'ofd'],
] as const;

function skipReason(name: string): SkippedFile['reason'] {
  for (const [re, reason] of LEGACY) if (re.test(name)) return reason;
  return 'other';
}

async function walk(dir: string, out: InputFile[], skipped: SkippedFile[] | undefined): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) await walk(path, out, skipped);
    else if (e.isFile() && REPORT_FILE.test(e.name)) out.push({ path, explicit: false });
    else if (e.isFile()) skipped?.push({ path, reason: skipReason(e.name) });
  }
}

/** The report files that paths, folders (recursive) and globs name, in a stable order, each once. */
export async function expandInputs(inputs: readonly string[], skipped?: SkippedFile[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { onlyFiles: true, dot: false, expandDirectories: false, absolute: isAbsolute(input) });
      for (const path of matches.sort()) if (REPORT_FILE.test(path)) out.push({ path, explicit: false });
      continue;
    }
    const info = await stat(input).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new CliError('fileMissing', { file: input });
      throw new CliError('unreadable', { file: input, reason: error.code ?? String(error) });
    });
    if (info.isDirectory()) await walk(input, out, skipped);
    else out.push({ path: input, explicit: true });
  }
  const seen = new Set<string>();
  return out.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));
}
