/**
 * Reading a report file into its model, every way it can fail named (not worded: the CLI and the
 * editor say it differently).
 */
import { readFile, stat } from 'node:fs/promises';
import { parseReport, readSource, readSourceSync, type ReportDocument, type SourceView } from '@nianbao/parse';

/** Why a file gives no document. `code` is the system's error code (ENOENT, EACCES…). */
export type ReadFailure =
  | { kind: 'missing' }
  | { kind: 'directory' }
  | { kind: 'unreadable'; code: string }
  /** The reader's own problem (a scan, an encrypted PDF, an old .doc), with what to do in both languages. */
  | { kind: 'read-problem'; message: { zh: string; en: string } }
  /** Bytes that are no text and no format nianbao reads. */
  | { kind: 'not-text' };

export type BytesResult = { ok: true; bytes: Uint8Array } | { ok: false; failure: ReadFailure };
export type ReportResult = { ok: true; document: ReportDocument; bytes: Uint8Array } | { ok: false; failure: ReadFailure };

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
}

/** A file's bytes. `path` is read as given (relative to the process's folder) unless absolute. */
export async function readBytes(path: string): Promise<BytesResult> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = codeOf(error);
    return { ok: false, failure: code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', code } };
  }
  if (info.isDirectory()) return { ok: false, failure: { kind: 'directory' } };
  try {
    return { ok: true, bytes: await readFile(path) };
  } catch (error) {
    return { ok: false, failure: { kind: 'unreadable', code: codeOf(error) } };
  }
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
export async function readReport(path: string, display: string = path): Promise<ReportResult> {
  const read = await readBytes(path);
  if (!read.ok) return read;
  const view = await readSource(read.bytes, display);
  const failure = viewFailure(view);
  if (failure) return { ok: false, failure };
  return { ok: true, document: parseReport(view, { fileName: display }), bytes: read.bytes };
}
