import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CliError } from './messages.js';

export const REPORT_FILE = /\.(md|markdown|txt)$/iu;

export interface InputFile {
  /** The path as the user would recognise it: as given, or the folder as given joined with the name. */
  path: string;
  /** Named on the command line itself (a report is expected), rather than found in a folder or by a glob. */
  explicit: boolean;
}

async function walk(dir: string, out: InputFile[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) await walk(path, out);
    else if (e.isFile() && REPORT_FILE.test(e.name)) out.push({ path, explicit: false });
  }
}

/** The report files that paths, folders (recursive) and globs name, in a stable order, each once. */
export async function expandInputs(inputs: readonly string[]): Promise<InputFile[]> {
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
    if (info.isDirectory()) await walk(input, out);
    else out.push({ path: input, explicit: true });
  }
  const seen = new Set<string>();
  return out.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));
}
