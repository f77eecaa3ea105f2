import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import type { ReportDocument } from '@nianbao/parse';
import { isReportFile } from '@nianbao/project';

const REPORT_LANGUAGES = new Set(['markdown', 'plaintext', 'text', 'html']);

/** The file path of a `file:` URI, or undefined for untitled buffers and other schemes. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * Whether a document could be a report at all: by its language (text, Markdown and HTML are linted as
 * they are edited), or by a report file's name, as the CLI's folder run has it (.docx and PDF too).
 */
export function isCandidate(uri: string, languageId: string | undefined): boolean {
  if (languageId !== undefined && REPORT_LANGUAGES.has(languageId)) return true;
  const path = uri.split(/[?#]/u)[0] ?? uri;
  return isReportFile(path);
}

/** Whether the `nianbao.files` globs name this file, relative to a workspace folder or as an absolute path. */
export function matchesFiles(uri: string, globs: readonly string[], folders: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const path = filePathOf(uri);
  if (!path) return false;
  const isMatch = picomatch(globs as string[], { dot: true });
  if (isMatch(path.replace(/\\/gu, '/'))) return true;
  return folders.some((folder) => {
    const rel = relative(folder, path);
    return !rel.startsWith('..') && rel !== '' && isMatch(rel.replace(/\\/gu, '/'));
  });
}

/**
 * Which documents get diagnostics: annual reports, recognised from their title or content, and what
 * the user named in `nianbao.files`. Other Markdown (a README beside the reports) gets none.
 */
export function isSelected(document: ReportDocument, uri: string, globs: readonly string[], folders: readonly string[]): boolean {
  return document.isReport || matchesFiles(uri, globs, folders);
}
