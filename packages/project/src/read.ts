/**
 * Reading a report file into its model, every way it can fail named (not worded: the CLI and the
 * editor say it differently).
 *
 * Only regular files are read, and only so much of them: a FIFO nobody writes to would block the open
 * for ever, `/dev/zero` never ends, and a link out of the folder can make a report's excerpts show a
 * file that is none of the project's. `readRegularFile` is the one way the project layer (and the
 * configuration) reads a file.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseReport, readSource, readSourceSync, type ReportDocument, type SourceView } from '@nianbao/parse';
import { inspectPathSync, type FileType } from './walk.js';

/**
 * The largest report read (any format: a PDF or .docx full of scanned images is tens of MB; the text of
 * a report is 5–200 KB).
 */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** The largest configuration file read (`.nianbaorc.json` is a few hundred bytes). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Why a file gives no document. `code` is the system's error code (ENOENT, EACCES…). */
export type ReadFailure =
  | { kind: 'missing' }
  | { kind: 'directory' }
  | { kind: 'unreadable'; code: string }
  /** A FIFO, socket or device: never opened. */
  | { kind: 'not-regular'; fileType: FileType }
  /** A symbolic link to nothing: `target` as the link spells it. */
  | { kind: 'dangling-link'; target: string }
  /** A symbolic link out of `folder` (the folder being read): `target` is where it leads. */
  | { kind: 'outside-link'; target: string; folder: string }
  /** Larger than the cap (`size` is at least what was seen: a file growing while read is stopped at cap + 1 bytes). */
  | { kind: 'too-large'; size: number; limit: number }
  /** The reader's own problem (a scan, an encrypted PDF, an old .doc), with what to do in both languages. */
  | { kind: 'read-problem'; message: { zh: string; en: string } }
  /** Bytes that are no text and no format nianbao reads. */
  | { kind: 'not-text' };

/** What was read, as the open descriptor said it was: what a later write compares with before replacing the file. */
export interface FileInfo {
  /** The file itself (a link resolved). */
  real: string;
  size: number;
  mtimeMs: number;
  mode: number;
}

export type BytesResult = { ok: true; bytes: Uint8Array; info: FileInfo } | { ok: false; failure: ReadFailure };
export type ReportResult = { ok: true; document: ReportDocument; bytes: Uint8Array; info: FileInfo } | { ok: false; failure: ReadFailure };

export interface SafeReadOptions {
  /** At most this many bytes are read (default MAX_REPORT_BYTES); a larger file is `too-large`. */
  maxBytes?: number;
  /**
   * A symbolic link must lead inside this folder (default: the folder the path names the file in); a
   * link out of it is `outside-link`, never followed.
   */
  within?: string;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
}

// O_NONBLOCK: should a FIFO take the place of the file between the look and the open, the open returns
// at once instead of waiting for a writer (and fstat then refuses it). O_NOFOLLOW: the real path was
// resolved and checked; a link put there since is refused. Both are absent on Windows, where neither
// can happen in the same way.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * A regular file's bytes, safely: what the path is is decided before anything opens it (a FIFO, socket,
 * device or folder is refused unopened; a link is followed only inside `within`); the open descriptor is
 * checked again (fstat), and at most `maxBytes` + 1 bytes are ever read, so a file that grows while
 * it is read is bounded too. Never throws. `path` is read as given (relative to the process's folder)
 * unless absolute.
 *
 * A promise for the callers' sake, read synchronously for the reason `inspectPath` gives (each of the
 * look, open, stat, read and close through the thread pool costs more than the read itself). The open
 * is non-blocking, so a FIFO put in the file's place cannot hold the thread.
 */
export async function readRegularFile(path: string, options: SafeReadOptions = {}): Promise<BytesResult> {
  return readRegularFileSync(path, options);
}

export function readRegularFileSync(path: string, options: SafeReadOptions = {}): BytesResult {
  const limit = options.maxBytes ?? MAX_REPORT_BYTES;
  const info = inspectPathSync(path, options.within ?? dirname(resolve(path)));
  switch (info.kind) {
    case 'missing':
      return { ok: false, failure: { kind: 'missing' } };
    case 'error':
      return { ok: false, failure: { kind: 'unreadable', code: info.code } };
    case 'dangling-link':
      return { ok: false, failure: { kind: 'dangling-link', target: info.target } };
    case 'outside-link':
      return { ok: false, failure: { kind: 'outside-link', target: info.target, folder: info.folder } };
    case 'entry':
      break;
  }
  if (info.type === 'directory') return { ok: false, failure: { kind: 'directory' } };
  if (info.type !== 'file') return { ok: false, failure: { kind: 'not-regular', fileType: info.type } };
  if (info.stats.size > limit) return { ok: false, failure: { kind: 'too-large', size: info.stats.size, limit } };
  let fd: number;
  try {
    fd = openSync(info.real, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, failure: { kind: 'unreadable', code: codeOf(error) } };
  }
  try {
    const stats = fstatSync(fd);
    const type = stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : undefined;
    if (type === 'directory') return { ok: false, failure: { kind: 'directory' } };
    if (type === undefined) return { ok: false, failure: { kind: 'not-regular', fileType: stats.isFIFO() ? 'fifo' : stats.isCharacterDevice() ? 'character-device' : stats.isSocket() ? 'socket' : stats.isBlockDevice() ? 'block-device' : 'other' } };
    if (stats.size > limit) return { ok: false, failure: { kind: 'too-large', size: stats.size, limit } };
    // One byte more than the cap tells a file at the cap from a larger one.
    let buffer = Buffer.allocUnsafe(Math.min(stats.size, limit) + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > limit) break;
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(64 * 1024, buffer.length * 2)));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const bytesRead = readSync(fd, buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > limit) return { ok: false, failure: { kind: 'too-large', size: Math.max(total, stats.size), limit } };
    return { ok: true, bytes: buffer.subarray(0, total), info: { real: info.real, size: total, mtimeMs: stats.mtimeMs, mode: stats.mode } };
  } catch (error) {
    return { ok: false, failure: { kind: 'unreadable', code: codeOf(error) } };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // closing a descriptor that was read cannot lose anything
    }
  }
}

/** A report file's bytes (`readRegularFile` with the report cap). */
export async function readBytes(path: string, options: SafeReadOptions = {}): Promise<BytesResult> {
  return readRegularFile(path, options);
}

/** What a source view cannot be read as, if anything: a fatal reader problem, or bytes that are no text. */
export function viewFailure(view: SourceView): ReadFailure | undefined {
  const fatal = view.problems.find((p) => p.fatal);
  if (fatal) return { kind: 'read-problem', message: fatal.message };
  if (view.encoding === 'binary' && view.format !== 'docx' && view.format !== 'pdf') return { kind: 'not-text' };
  return undefined;
}

/** The view of a file's content: bytes by their format (PDF asynchronously), an editor's text by its markup. */
export async function viewOf(input: Uint8Array | string | SourceView, fileName: string | undefined): Promise<SourceView> {
  if (input instanceof Uint8Array) return readSource(input, fileName);
  if (typeof input === 'string') return readSourceSync(input, fileName);
  return input;
}

/** A report file of any format the readers know (text, Markdown, HTML, .docx, PDF), as its model. */
export async function readReport(path: string, display: string = path, options: SafeReadOptions = {}): Promise<ReportResult> {
  const read = await readBytes(path, options);
  if (!read.ok) return read;
  const view = await readSource(read.bytes, display);
  const failure = viewFailure(view);
  if (failure) return { ok: false, failure };
  return { ok: true, document: parseReport(view, { fileName: display }), bytes: read.bytes, info: read.info };
}
