/**
 * `--fix` and the editor's “fix all”: apply every fix, re-read, re-lint, until no fix is left.
 */
import { applyFixes, lint, type Diagnostic, type LintOptions } from '@nianbao/lint';
import { parseReport, readSourceSync, type ReportDocument } from '@nianbao/parse';

/**
 * Overlapping fixes wait for the next pass, and a fix can reveal another; a bound, because a rule whose
 * fix does not remove its own finding would otherwise loop for ever.
 */
export const MAX_FIX_PASSES = 10;

/** The text a fix edits: the file's own text (the HTML source for a page); none for a .docx or PDF. */
export function editableText(document: ReportDocument): string | undefined {
  if (document.source.format === 'docx' || document.source.format === 'pdf') return undefined;
  return document.source.origin?.sourceText ?? document.text;
}

/** The document a fixed text reads as, through the same reader as the original. */
export function reparse(text: string, original: ReportDocument, fileName: string | undefined): ReportDocument {
  const options = fileName !== undefined ? { fileName } : {};
  return original.source.format === 'html' ? parseReport(readSourceSync(text, fileName), options) : parseReport(text, options);
}

export interface FixedText {
  text: string;
  document: ReportDocument;
  /** The findings of the fixed text. */
  findings: Diagnostic[];
  /** Passes that applied at least one fix. */
  passes: number;
}

/**
 * Applies the fixes of `findings` to `text` (the document's editable text) until none is left or
 * MAX_FIX_PASSES is reached, re-linting with `options` after each pass.
 */
export function fixUntilStable(text: string, document: ReportDocument, findings: readonly Diagnostic[], options: LintOptions, fileName?: string): FixedText {
  let current = { text, document, findings: [...findings] };
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const { text: next, applied } = applyFixes(current.text, current.findings);
    if (applied.length === 0) break;
    passes++;
    const fixed = reparse(next, current.document, fileName);
    current = { text: next, document: fixed, findings: lint(fixed, options) };
  }
  return { ...current, passes };
}
