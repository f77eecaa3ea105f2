import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { readBytes, readReport as readProjectReport, type ReadFailure } from '@nianbao/project';
import type { ReportDocument } from '@nianbao/parse';
import type { CommandIO } from './context.js';
import { CliError } from './messages.js';

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
    case 'read-problem':
      return new CliError('readProblem', { file, zh: failure.message.zh, en: failure.message.en });
    case 'not-text':
      return new CliError('notText', { file });
  }
}

/** Reads a file's bytes, turning every way it can fail into a message the user can act on. */
export async function readReportFile(io: Pick<CommandIO, 'cwd'>, file: string): Promise<Uint8Array> {
  const read = await readBytes(onDisk(io, file));
  if (!read.ok) throw readError(file, read.failure);
  return read.bytes;
}

/**
 * Writes an output file atomically (a temporary file renamed into place, so a crash never leaves half a
 * file), refusing to replace an existing one unless `force` is given.
 */
export async function writeOutputFile(io: Pick<CommandIO, 'cwd'>, file: string, text: string, force: boolean): Promise<void> {
  const path = onDisk(io, file);
  if (!force) {
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (exists) throw new CliError('outputExists', { file });
  }
  await writeInPlace(io, file, text);
}

/** Replaces a file atomically (`--fix`, `--update`): bytes as given, or text as UTF-8. */
export async function writeInPlace(io: Pick<CommandIO, 'cwd'>, file: string, content: string | Uint8Array): Promise<void> {
  try {
    await (typeof content === 'string' ? writeFileAtomic(onDisk(io, file), content, { encoding: 'utf8' }) : writeFileAtomic(onDisk(io, file), Buffer.from(content)));
  } catch (error) {
    throw new CliError('outputFailed', { file, reason: reasonOf((error as NodeJS.ErrnoException).code, error) });
  }
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
