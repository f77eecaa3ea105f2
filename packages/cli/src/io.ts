import { isAbsolute, resolve } from 'node:path';
// The reading half of the project layer only: `generate` and `init` read files but lint none.
import { readBytes, readReport as readProjectReport, type ReadFailure } from '@nianbao/project/read';
import type { ReportDocument } from '@nianbao/parse';
import type { CommandIO } from './context.js';
import { CliError } from './messages.js';
import { WriteRefused, replaceFile, stampOf, type ReadStamp, type WriteRefusal } from './write.js';

export type { ReadStamp } from './write.js';

/** Where a path the user gave is on disk: as given when absolute, else in the run's folder. */
export function onDisk(io: Pick<CommandIO, 'cwd'>, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}

function reasonOf(code: string | undefined, error?: unknown): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '没有权限 (permission denied)';
    case 'ENOENT':
      return '路径不存在 (no such path)';
    case 'EISDIR':
      return '这是一个文件夹 (is a folder)';
    case 'ENOSPC':
      return '磁盘已满 (disk full)';
    case 'ELOOP':
      return '符号链接循环 (a loop of symbolic links)';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/** The message of a file that gives no document, as the user named it. */
export function readError(file: string, failure: ReadFailure): CliError {
  switch (failure.kind) {
    case 'missing':
      return new CliError('fileMissing', { file });
    case 'directory':
      return new CliError('isDirectory', { file });
    case 'unreadable':
      return new CliError('unreadable', { file, reason: reasonOf(failure.code) });
    case 'not-regular':
      return new CliError('notRegular', { file, type: failure.fileType });
    case 'dangling-link':
      return new CliError('danglingLink', { file, target: failure.target });
    case 'outside-link':
      return new CliError('linkOutside', { file, target: failure.target, folder: failure.folder });
    case 'too-large':
      return new CliError('tooLarge', { file, size: failure.size, limit: failure.limit });
    case 'read-problem':
      return new CliError('readProblem', { file, zh: failure.message.zh, en: failure.message.en });
    case 'not-text':
      return new CliError('notText', { file });
  }
}

/** A file's bytes as read, and what it was when read (for a write that replaces it). */
export interface ReadFile {
  bytes: Uint8Array;
  stamp: ReadStamp;
}

/**
 * Reads a regular file (a FIFO, a device, a link out of `within` or a file over the cap is refused, see
 * @nianbao/project's readRegularFile), or says why not. `within` is relative to the run's folder.
 */
export async function tryReadFile(io: Pick<CommandIO, 'cwd'>, file: string, within?: string): Promise<{ ok: true; file: ReadFile } | { ok: false; failure: ReadFailure }> {
  const read = await readBytes(onDisk(io, file), within !== undefined ? { within: onDisk(io, within) } : {});
  if (!read.ok) return read;
  return { ok: true, file: { bytes: read.bytes, stamp: stampOf(read.bytes, read.info.mtimeMs) } };
}

/** Reads a file's bytes, turning every way it can fail into a message the user can act on. */
export async function readReportFile(io: Pick<CommandIO, 'cwd'>, file: string): Promise<ReadFile> {
  const read = await tryReadFile(io, file);
  if (!read.ok) throw readError(file, read.failure);
  return read.file;
}

/** The message of a write that did not happen. */
export function writeError(file: string, refusal: WriteRefusal): CliError {
  switch (refusal.kind) {
    case 'exists':
      return new CliError('outputExists', { file });
    case 'changed':
      return new CliError(refusal.how === 'content' ? 'writeChanged' : 'writeRemoved', { file });
    case 'read-only':
      return new CliError('writeReadOnly', { file });
    case 'dangling-link':
      return new CliError('writeDanglingLink', { file, target: refusal.target });
    case 'not-regular':
      return new CliError('writeNotRegular', { file, type: refusal.fileType });
    case 'directory':
      return new CliError('writeDirectory', { file });
    case 'failed':
      return new CliError('outputFailed', { file, reason: reasonOf(refusal.code, new Error(refusal.message)) });
  }
}

async function write(io: Pick<CommandIO, 'cwd' | 'beforeReplace'>, file: string, content: string | Uint8Array, options: { mode: 'create' | 'overwrite' | 'update'; expected?: ReadStamp }): Promise<void> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    await replaceFile(onDisk(io, file), bytes, { ...options, ...(io.beforeReplace ? { beforeReplace: io.beforeReplace } : {}) });
  } catch (error) {
    if (error instanceof WriteRefused) throw writeError(file, error.refusal);
    throw error;
  }
}

/**
 * Writes an output file atomically (a temporary file renamed into place, so a crash never leaves half a
 * file), refusing to replace an existing one unless `force` is given. A read-only file, a FIFO or device,
 * and a symbolic link to nothing are refused whatever `force` says.
 */
export async function writeOutputFile(io: Pick<CommandIO, 'cwd' | 'beforeReplace'>, file: string, text: string, force: boolean): Promise<void> {
  await write(io, file, text, { mode: force ? 'overwrite' : 'create' });
}

/**
 * Replaces a file that was read (`--fix`, `--update`) atomically, only if it is still as it was read
 * (`stamp`): an edit saved meanwhile is never overwritten. Bytes as given, or text as UTF-8.
 */
export async function writeInPlace(io: Pick<CommandIO, 'cwd' | 'beforeReplace'>, file: string, content: string | Uint8Array, stamp: ReadStamp): Promise<void> {
  await write(io, file, content, { mode: 'update', expected: stamp });
}

/**
 * Reads a report of any format the readers know (text, Markdown, HTML, .docx, PDF) into its model. A file
 * its reader cannot read (a scan, an encrypted PDF, an old .doc) is an error saying what to do.
 */
export async function readReport(io: Pick<CommandIO, 'cwd'>, file: string): Promise<{ document: ReportDocument; bytes: Uint8Array }> {
  const read = await readProjectReport(onDisk(io, file), file);
  if (!read.ok) throw readError(file, read.failure);
  return { document: read.document, bytes: read.bytes };
}
