import { readFile, stat } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { parseReport, readSource, type ReportDocument } from '@nianbao/parse';
import { CliError } from './messages.js';

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
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

/** Reads a report file's bytes, turning every way it can fail into a message the user can act on. */
export async function readReportFile(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new CliError('fileMissing', { file });
    throw new CliError('unreadable', { file, reason: reasonOf(error) });
  }
  if (info.isDirectory()) throw new CliError('isDirectory', { file });
  try {
    return await readFile(file);
  } catch (error) {
    throw new CliError('unreadable', { file, reason: reasonOf(error) });
  }
}

/**
 * Writes an output file atomically (a temporary file renamed into place, so a crash never leaves half a
 * file), refusing to replace an existing one unless `force` is given.
 */
export async function writeOutputFile(file: string, text: string, force: boolean): Promise<void> {
  if (!force) {
    const exists = await stat(file).then(
      () => true,
      () => false,
    );
    if (exists) throw new CliError('outputExists', { file });
  }
  try {
    await writeFileAtomic(file, text, { encoding: 'utf8' });
  } catch (error) {
    throw new CliError('outputFailed', { file, reason: reasonOf(error) });
  }
}

/**
 * Reads a report of any format the readers know (text, Markdown, HTML, .docx, PDF) into its model. A file
 * its reader cannot read (a scan, an encrypted PDF, an old .doc) is an error saying what to do.
 */
export async function readReport(file: string): Promise<{ document: ReportDocument; bytes: Uint8Array }> {
  const bytes = await readReportFile(file);
  const view = await readSource(bytes, file);
  const fatal = view.problems.find((p) => p.fatal);
  if (fatal) throw new CliError('readProblem', { file, zh: fatal.message.zh, en: fatal.message.en });
  const document = parseReport(view, { fileName: file });
  if (document.encoding === 'binary' && document.source.format !== 'docx' && document.source.format !== 'pdf') throw new CliError('notText', { file });
  return { document, bytes };
}
