import { github, githubStream } from './github.js';
import { html } from './html.js';
import { json, jsonFiles, jsonFilesStream, jsonStream } from './json.js';
import { sarif } from './sarif.js';
import { stylish, stylishStream } from './stylish.js';
import type { Formatter, StreamingFormatter } from './types.js';

export const FORMATTERS: Record<string, Formatter> = { stylish, json, 'json-files': jsonFiles, sarif, github, html };
/**
 * The formats written file by file as a folder run goes (the others need every file first: SARIF's rule
 * table, the review page's summary). A fresh one per run: a stream counts what it wrote.
 */
export const STREAMING: Readonly<Record<string, () => StreamingFormatter>> = { stylish: () => stylishStream, json: jsonStream, 'json-files': jsonFilesStream, github: () => githubStream };
/** The formats that draw the reports' tables: their results carry `report` (`reportSnapshot(document, previous)`). */
export const REPORT_FORMATS: ReadonlySet<string> = new Set(['html']);
export { reportSnapshot, type ReportSnapshot } from './review/snapshot.js';
export type { FileResult, FormatContext, Formatter, RunTotals, StreamingFormatter } from './types.js';
export { addToTotals, emptyTotals, totalsOf } from './totals.js';
