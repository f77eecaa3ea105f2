/**
 * Replacing a file so that no edit is lost and nothing is left behind:
 * - the new content goes to a temporary file beside the target, which is renamed into place (a crash
 *   never leaves half a file);
 * - a file read before (`--fix`, `--update`) is replaced only if it is still as it was read (size,
 *   modification time and a SHA-256 of its content are compared at the last moment);
 * - a read-only file is refused (never chmod-ed around), and so is a FIFO, a device or a folder;
 * - a symbolic link to nothing is refused whatever the options: writing through it would create a file
 *   somewhere the user did not name, replacing it would silently drop the link;
 * - the temporary file is removed on every way out: an error, SIGINT, SIGTERM, SIGHUP, process exit; and
 *   temporary files of ours that a killed run (SIGKILL, power loss) left beside the target are removed
 *   at the next write, if older than a minute.
 *
 * Our temporary files are named `.<name>.nianbao-<pid>-<8 hex>.tmp` beside `<name>`: hidden (a folder
 * run never reads one), and a pattern no one else writes, so removing a stale one is certainly safe.
 */
import { createHash, randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { access, constants, link, lstat, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { readRegularFile } from '@nianbao/project/read';
import { inspectPath, type FileType } from '@nianbao/project/walk';

/** What a file was when it was read: a write that replaces it checks it still is. */
export interface ReadStamp {
  size: number;
  mtimeMs: number;
  /** SHA-256 of the bytes read, hex. */
  hash: string;
}

export function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function stampOf(bytes: Uint8Array, mtimeMs: number): ReadStamp {
  return { size: bytes.length, mtimeMs, hash: hashOf(bytes) };
}

/** Why a write did not happen. */
export type WriteRefusal =
  | { kind: 'exists' }
  /** Changed since it was read (`removed`: it is no longer there, or no longer a regular file). */
  | { kind: 'changed'; how: 'content' | 'removed' }
  | { kind: 'read-only' }
  | { kind: 'dangling-link'; target: string }
  | { kind: 'not-regular'; fileType: FileType }
  | { kind: 'directory' }
  | { kind: 'failed'; code: string | undefined; message: string };

export class WriteRefused extends Error {
  constructor(readonly refusal: WriteRefusal) {
    super(refusal.kind);
  }
}

export interface ReplaceOptions {
  /**
   * `create`: the file must not exist (`-o` without `--force`); `overwrite`: a regular file there is
   * replaced (`--force`); `update`: the file was read and must still be as `expected` says.
   */
  mode: 'create' | 'overwrite' | 'update';
  expected?: ReadStamp;
  /**
   * Called once the new content is safely beside the target, just before the last check and the rename:
   * where a test changes the file (or stops the process) deterministically.
   */
  beforeReplace?: (path: string) => void | Promise<void>;
}

/** A temporary file of ours beside `<name>`, and how old one must be to be certainly abandoned. */
const TEMP = /^\.(.+)\.nianbao-(\d+)-[0-9a-f]{8}\.tmp$/u;
export const STALE_TEMP_MS = 60_000;

export function tempNameFor(name: string): string {
  return `.${name}.nianbao-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

// The temporary files being written now, removed if the process is stopped before they are renamed.
const active = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeActive(): void {
  for (const file of active) {
    try {
      unlinkSync(file);
    } catch {
      // already renamed into place, or never created
    }
  }
  active.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeActive();
  detach();
  // Nobody else handles the signal: die of it, as the process would have without us (exit 130 on ^C).
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function attach(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', removeActive);
}

function detach(): void {
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  process.removeListener('exit', removeActive);
}

function track(file: string): void {
  if (active.size === 0) attach();
  active.add(file);
}

function untrack(file: string): void {
  active.delete(file);
  if (active.size === 0) detach();
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files of ours a killed write left beside `name` in `dir`: only our exact name
 * pattern, only regular files, only older than a minute and of a process no longer running. Returns
 * the files removed.
 */
export async function removeStaleTemps(dir: string, name: string, now = Date.now()): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const entry of names) {
    const m = TEMP.exec(entry);
    if (!m || m[1] !== name || isAlive(Number(m[2]))) continue;
    const path = join(dir, entry);
    const info = await lstat(path).catch(() => undefined);
    if (!info?.isFile() || now - info.mtimeMs < STALE_TEMP_MS) continue;
    if (await unlink(path).then(() => true, () => false)) removed.push(path);
  }
  return removed;
}

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** Whether the file may be written: some write bit set (root writes any file, so access() alone is not enough) and access() agrees. */
async function isWritable(path: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return false;
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** Whether the file at `path` is still what was read. */
async function unchanged(path: string, expected: ReadStamp): Promise<boolean> {
  const now = await readRegularFile(path, { maxBytes: Math.max(expected.size, 1) });
  return now.ok && now.info.size === expected.size && now.info.mtimeMs === expected.mtimeMs && hashOf(now.bytes) === expected.hash;
}

/**
 * Writes `content` to `target` as `options.mode` says, or throws WriteRefused. A link to a file is
 * written through (the file it points to is replaced, the link stays).
 */
export async function replaceFile(target: string, content: Uint8Array, options: ReplaceOptions): Promise<{ removedTemps: string[] }> {
  // A link to a file is followed wherever it leads: the user named this path to be written.
  const where = await inspectPath(target, parse(resolve(target)).root);
  let real = target;
  let mode: number | undefined;
  let owner: { uid: number; gid: number } | undefined;
  switch (where.kind) {
    case 'dangling-link':
      throw new WriteRefused({ kind: 'dangling-link', target: where.target });
    case 'error':
      throw new WriteRefused({ kind: 'failed', code: where.code, message: where.code });
    case 'outside-link': // never, with the file system's root as the folder; for the type's sake
      throw new WriteRefused({ kind: 'failed', code: undefined, message: where.target });
    case 'missing':
      if (options.mode === 'update') throw new WriteRefused({ kind: 'changed', how: 'removed' });
      break;
    case 'entry':
      if (where.type === 'directory') throw new WriteRefused({ kind: 'directory' });
      if (where.type !== 'file') throw new WriteRefused({ kind: 'not-regular', fileType: where.type });
      if (options.mode === 'create') throw new WriteRefused({ kind: 'exists' });
      real = where.real;
      mode = where.stats.mode & 0o7777;
      owner = { uid: where.stats.uid, gid: where.stats.gid };
      if (!(await isWritable(real, where.stats.mode))) throw new WriteRefused({ kind: 'read-only' });
      break;
  }
  const dir = dirname(real);
  const name = basename(real);
  const removedTemps = await removeStaleTemps(dir, name);
  const temp = join(dir, tempNameFor(name));
  track(temp);
  try {
    const handle = await open(temp, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(content);
      if (mode !== undefined) {
        // The mode given to open is cut by the umask: the file keeps exactly the mode it had.
        await handle.chmod(mode);
        // Root keeps the file's owner (anyone else cannot give a file away, and owns what it writes).
        if (owner && process.getuid?.() === 0) await handle.chown(owner.uid, owner.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeReplace?.(target);
    // The last look, as close to the rename as it can be: what was read is what is replaced.
    if (options.mode === 'update' && options.expected && !(await unchanged(real, options.expected))) {
      const still = await lstat(real).catch(() => undefined);
      throw new WriteRefused({ kind: 'changed', how: still?.isFile() ? 'content' : 'removed' });
    }
    if (options.mode === 'create') {
      // link() fails if the name exists: a file made there since the look above is never replaced.
      try {
        await link(temp, real);
      } catch (error) {
        const code = codeOf(error);
        if (code === 'EEXIST') throw new WriteRefused({ kind: 'exists' });
        // A file system without hard links (FAT, some network shares): look once more, then rename.
        if ((await lstat(real).catch(() => undefined)) !== undefined) throw new WriteRefused({ kind: 'exists' });
        await rename(temp, real);
      }
    } else await rename(temp, real);
  } catch (error) {
    if (error instanceof WriteRefused) throw error;
    throw new WriteRefused({ kind: 'failed', code: codeOf(error), message: error instanceof Error ? error.message : String(error) });
  } finally {
    await unlink(temp).catch(() => undefined);
    untrack(temp);
  }
  return { removedTemps };
}
