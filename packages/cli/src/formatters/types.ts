import type { Diagnostic, Locale, Rule } from '@nianbao/lint';
import type { ReportSnapshot } from './review/snapshot.js';

/** The findings for one file, with its text so a formatter can show the source line. */
export interface FileResult {
  /** As given on the command line (or the folder as given joined with the file's name). */
  file: string;
  /**
   * The file's text, for source excerpts. From the cache (`--cache`), only the lines findings point at
   * are filled in (the others are empty): the file is not read again to show them.
   */
  text: string;
  diagnostics: Diagnostic[];
  /** The parsed report's facts and table cells, for a formatter in REPORT_FORMATS (the review page): `reportSnapshot(document, previous)`. */
  report?: ReportSnapshot;
}

export interface FormatContext {
  locale: Locale;
  color: boolean;
  rules: readonly Rule[];
  /** The run's folder: relative paths are relative to it (SARIF's `%SRCROOT%`). */
  cwd?: string;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

/** What a run found, counted as files come in: what a formatter's closing part (the per-rule summary) shows. */
export interface RunTotals {
  files: number;
  errors: number;
  warnings: number;
  info: number;
  suppressed: number;
  /** Per rule: active findings by severity, and in how many files (first seen first). */
  byRule: Map<string, { error: number; warning: number; info: number; files: number }>;
}

/**
 * A formatter that writes each file as it comes, so that a folder run streams its output in input order
 * and keeps no file's findings once written: `start`, then `file` per file, then `end`.
 */
export interface StreamingFormatter {
  start(context: FormatContext): string;
  file(result: FileResult, context: FormatContext, index: number): string;
  end(context: FormatContext, totals: RunTotals): string;
}
