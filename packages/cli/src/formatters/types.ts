import type { Diagnostic, Locale, Rule } from '@nianbao/lint';

/** The findings for one file, with its text so a formatter can show the source line. */
export interface FileResult {
  /** As given on the command line (or the folder as given joined with the file's name). */
  file: string;
  text: string;
  diagnostics: Diagnostic[];
}

export interface FormatContext {
  locale: Locale;
  color: boolean;
  rules: readonly Rule[];
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;
