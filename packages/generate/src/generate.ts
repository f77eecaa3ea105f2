import { compileReport, type CompiledReport } from './render.js';
import { loadTemplatesCached, type TemplateSet } from './templates.js';
import { validateReportData, type DataProblem, type Locale } from './validate.js';

export interface GenerateOptions {
  locale?: Locale;
  allowBlank?: boolean;
  fixTotals?: boolean;
  /** A folder of templates layered over the built-in ones. */
  templatesDir?: string;
}

export type GenerateResult =
  | { ok: true; markdown: string; problems: DataProblem[]; computed: string[] }
  | { ok: false; problems: Array<Pick<DataProblem, 'path' | 'message'> & Partial<DataProblem>> };

/** Validates report data and renders the report (Markdown). The one entry point the CLI and the editor use. */
export function generateReport(raw: unknown, options: GenerateOptions = {}): GenerateResult {
  const validated = validateReportData(raw, options);
  if (!validated.data) return { ok: false, problems: validated.problems };
  return { ok: true, markdown: compiled(validated.data.formatYear, options.templatesDir)(validated.data), problems: validated.problems, computed: validated.computed };
}

const compiledCache = new WeakMap<TemplateSet, CompiledReport>();

/** The compiled templates for a format and folder: compiled once per version of the templates. */
function compiled(formatYear: 2019 | 2021, templatesDir: string | undefined): CompiledReport {
  const set = loadTemplatesCached(formatYear, templatesDir);
  let fn = compiledCache.get(set);
  if (!fn) {
    fn = compileReport(set);
    compiledCache.set(set, fn);
  }
  return fn;
}
