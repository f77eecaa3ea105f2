/**
 * The server's own requests beyond LSP, shared with the clients that use them (the VS Code extension
 * imports this module alone: it has no dependencies, so the extension's bundle stays small).
 */

/** `nianbao/status`: what a status bar says about one open report. */
export const STATUS_REQUEST = 'nianbao/status';

export interface StatusParams {
  textDocument: { uri: string };
}

/** The report's standing, answered from its current analysis; null for a document that is not a checked report. */
export interface ReportStatus {
  /** The findings of severity error, as the Problems panel lists them. */
  errors: number;
  warnings: number;
  /** The report year, when the report states it. */
  reportYear?: number;
  /** The year of the national format the report is checked against (2019 or 2021). */
  formatYear: number;
  /** The status bar's text, in the document's locale: `3 个错误 · 2021 版格式`. */
  text: string;
  /** A longer line for the tooltip: the report year, the format's notice, the counts. */
  tooltip: string;
}
