/**
 * What the paths on a command line name: files (a report is expected), folders (walked), globs.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { isReportFile, walkReportFiles, type SkippedFile } from './walk.js';

export interface InputFile {
  /** The path as the user would recognise it: as given, or the folder as given joined with the name. */
  path: string;
  /** Named on the command line itself (a report is expected), rather than found in a folder or by a glob. */
  explicit: boolean;
}

/** A path on the command line that names nothing usable. */
export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly failure: { kind: 'missing' } | { kind: 'unreadable'; code: string },
  ) {
    super(`${path}: ${failure.kind}`);
  }
}

/**
 * The report files that paths, folders (recursive) and globs name, in a stable order, each once; what a
 * folder walk passed over goes to `skipped`. Relative paths are relative to `cwd`. Throws InputError.
 */
export async function expandInputs(inputs: readonly string[], options: { cwd: string; skipped?: SkippedFile[] }): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { cwd: options.cwd, onlyFiles: true, dot: false, expandDirectories: false, absolute: isAbsolute(input) });
      for (const path of matches.sort()) if (isReportFile(path)) out.push({ path, explicit: false });
      continue;
    }
    const info = await stat(resolve(options.cwd, input)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new InputError(input, { kind: 'missing' });
      throw new InputError(input, { kind: 'unreadable', code: error.code ?? String(error) });
    });
    if (info.isDirectory()) {
      for (const path of await walkReportFiles(input, { cwd: options.cwd, ...(options.skipped ? { skipped: options.skipped } : {}) })) out.push({ path, explicit: false });
    } else out.push({ path: input, explicit: true });
  }
  const seen = new Set<string>();
  return out.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));
}
