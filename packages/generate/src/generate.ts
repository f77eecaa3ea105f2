import { compileReport, type CompiledReport } from './render.js';
import { loadTemplates } from './templates.js';
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

const compiledCache = new Map<string, CompiledReport>();

/**
 * Templates compiled once per content: a batch of reports (or an editor session) pays for Handlebars
 * compilation once, and a template edited meanwhile is read afresh (reading the small files is cheap).
 */
function compiled(formatYear: 2019 | 2021, templatesDir: string | undefined): CompiledReport {
  const set = loadTemplates(formatYear, templatesDir);
  const key = [set.main, ...[...set.partials].map(([name, p]) => `${name}\u0000${p.text}`)].join('\u0001');
  let fn = compiledCache.get(key);
  if (!fn) {
    if (compiledCache.size > 16) compiledCache.clear();
    fn = compileReport(set);
    compiledCache.set(key, fn);
  }
  return fn;
}
