/**
 * What the paths on a command line name: files (a report is expected), folders (walked), globs, and
 * `!pattern`s that leave files out. What a walk or a glob finds goes through the one ignore policy
 * (walk.ts): `.gitignore`, `.nianbaoignore` and the `!pattern`s.
 */
import { lstat, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { IgnorePolicy, isReportFile, walkReportFiles, type SkippedFile } from './walk.js';

export interface InputFile {
  /** The path as the user would recognise it: as given, or the folder as given joined with the name. */
  path: string;
  /** Named on the command line itself (a report is expected), rather than found in a folder or by a glob. */
  explicit: boolean;
  /**
   * The folder the file was found in by a walk or a glob (as given; relative to `cwd`): a symbolic link
   * read for it must stay inside this folder. Absent for a file named itself (its own folder then).
   */
  root?: string;
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

/** The part of a glob before its first pattern segment (`reports/**\/*.md` → `reports`). */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/u);
  const fixed: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  if (fixed.length === parts.length) fixed.pop();
  const base = fixed.join('/');
  return base === '' ? (pattern.startsWith('/') ? '/' : '.') : base;
}

export interface ExpandOptions {
  cwd: string;
  /** Where what was passed over is listed (ignored files among them, with the rule). */
  skipped?: SkippedFile[];
  /** Whether `.gitignore` and `.nianbaoignore` apply (default true; `--no-ignore`). */
  ignoreFiles?: boolean;
}

/** Whether a command-line argument leaves files out rather than naming them (`'!**\/草稿/**'`). */
export function isNegation(input: string): boolean {
  return input.startsWith('!') && input.length > 1;
}

/**
 * The report files that paths, folders (recursive) and globs name, in a stable order, each once; what a
 * walk or a glob passed over goes to `skipped`. Arguments starting with `!` are patterns of files to
 * leave out (gitignore syntax, relative to `cwd`); with nothing else named, the folder `cwd` is walked.
 * Relative paths are relative to `cwd`. Throws InputError.
 */
export async function expandInputs(inputs: readonly string[], options: ExpandOptions): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const negations = inputs.filter(isNegation).map((p) => p.slice(1));
  const named = inputs.filter((p) => !isNegation(p));
  const policy = new IgnorePolicy({ cwd: options.cwd, patterns: negations, ignoreFiles: options.ignoreFiles ?? true });
  for (const input of named.length > 0 ? named : ['.']) {
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { cwd: options.cwd, onlyFiles: true, dot: false, expandDirectories: false, absolute: isAbsolute(input) });
      const root = globBase(input);
      for (const path of matches.sort()) {
        if (!isReportFile(path)) continue;
        const rule = await policy.match(resolve(options.cwd, path), false);
        if (rule) options.skipped?.push({ path, reason: 'ignored', ignoredBy: rule });
        else out.push({ path, explicit: false, root });
      }
      continue;
    }
    const onDisk = resolve(options.cwd, input);
    const info = await stat(onDisk).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
        // A link to nothing is still something named: reading it says what it is.
        if ((await lstat(onDisk).catch(() => undefined))?.isSymbolicLink()) return undefined;
        throw new InputError(input, { kind: 'missing' });
      }
      throw new InputError(input, { kind: 'unreadable', code: error.code ?? String(error) });
    });
    if (info?.isDirectory()) {
      for (const path of await walkReportFiles(input, { cwd: options.cwd, ignore: policy, ...(options.skipped ? { skipped: options.skipped } : {}) })) out.push({ path, explicit: false, root: input });
    } else out.push({ path: input, explicit: true });
  }
  const seen = new Set<string>();
  return out.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));
}
