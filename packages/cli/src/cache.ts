/**
 * `nianbao lint --cache`: a file whose content, configuration, nianbao version, options and paired last
 * year's report (its path and content) are all as they were is not linted again; its findings come from
 * the cache. One small JSON file per report under the cache folder (`node_modules/.cache/nianbao` by
 * default, `--cache-location DIR` otherwise), so that a run reads only the entries of the files it checks,
 * the worker threads write their own entries without a shared index, and a torn entry (a killed run) is
 * only a miss. The cache is disposable: nothing in it is trusted beyond a miss.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '@nianbao/lint';
import type { ReportSnapshot } from './formatters/review/snapshot.js';

/** Bumped when an entry's shape changes: an entry of another shape is a miss. */
const ENTRY_VERSION = 1;

export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'nianbao');

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What a cached result was computed from, beyond the file's own content. */
export interface CacheKey {
  /** The configuration that applied (its file and its settings), hashed. */
  config: string;
  /** The options that change findings (locale, previous report asked for, suppressed shown…), hashed. */
  options: string;
}

/** One file's cached lint. */
export interface CacheEntry {
  v: number;
  tool: string;
  /** Absolute path of the report. */
  file: string;
  hash: string;
  config: string;
  options: string;
  /** Last year's report it was linted with (absolute path and content hash), or null for none. */
  previous: { file: string; hash: string } | null;
  /** Who the report is by and for which year: pairing its neighbours needs no parse of it. */
  identity: { agency: string | undefined; year: number | undefined } | null;
  /** False: readable, but no annual report (skipped as such). */
  selected: boolean;
  /** Findings before `--quiet` filters them. */
  diagnostics: Diagnostic[];
  /** The lines findings point at (1-based), for the source excerpts. */
  lines: Record<string, string>;
  report?: ReportSnapshot;
}

/** The lines of `text` the findings point at, and a text with only those lines (the others empty). */
export function excerptLines(text: string, diagnostics: readonly Diagnostic[]): Record<string, string> {
  const wanted = new Set(diagnostics.map((d) => d.line));
  const out: Record<string, string> = {};
  if (wanted.size === 0) return out;
  let line = 1;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (wanted.has(line)) out[String(line)] = text.slice(start, end < 0 ? undefined : end);
    if (end < 0) break;
    start = end + 1;
    line++;
  }
  return out;
}

export function sparseText(lines: Record<string, string>): string {
  const numbers = Object.keys(lines).map(Number);
  if (numbers.length === 0) return '';
  const out: string[] = new Array<string>(Math.max(...numbers)).fill('');
  for (const n of numbers) out[n - 1] = lines[String(n)]!;
  return out.join('\n');
}

export class LintCache {
  /** Entries that could not be written (reported once, at the end). */
  failure: { file: string; reason: string } | undefined;

  constructor(
    /** The cache folder (absolute). */
    readonly dir: string,
    readonly tool: string,
  ) {}

  private pathOf(file: string): string {
    const h = sha256(resolve(file));
    return join(this.dir, h.slice(0, 2), `${h.slice(2, 34)}.json`);
  }

  /** The entry of a file whose content has hash `hash` and whose key is `key`, or undefined (a miss). */
  async get(file: string, hash: string, key: CacheKey): Promise<CacheEntry | undefined> {
    const entry = await this.read(file);
    if (!entry || entry.hash !== hash || entry.config !== key.config || entry.options !== key.options) return undefined;
    return entry;
  }

  /** The entry of a file whatever its key, if it is still of this content: who a neighbour is by, for pairing. */
  async identityOf(file: string, hash: string): Promise<CacheEntry['identity'] | undefined> {
    const entry = await this.read(file);
    return entry && entry.hash === hash ? entry.identity : undefined;
  }

  private async read(file: string): Promise<CacheEntry | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.pathOf(file), 'utf8')) as CacheEntry;
      return entry.v === ENTRY_VERSION && entry.tool === this.tool && entry.file === resolve(file) ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  async put(entry: Omit<CacheEntry, 'v' | 'tool'>): Promise<void> {
    const path = this.pathOf(entry.file);
    const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(dirname(path), { recursive: true });
      // A temporary file renamed into place: a reader never sees half an entry.
      await writeFile(temp, JSON.stringify({ v: ENTRY_VERSION, tool: this.tool, ...entry }));
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      this.failure ??= { file: this.dir, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
  }
}
