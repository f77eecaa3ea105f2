import type { FormatYear } from '@nianbao/format';
import { compileReport, type CompiledReport } from './render.js';
import { loadTemplatesCached, type TemplateOverride, type TemplateSet, type UnusedTemplate } from './templates.js';
import { validateReportData, type DataProblem, type Locale } from './validate.js';

export interface GenerateOptions {
  locale?: Locale;
  allowBlank?: boolean;
  fixTotals?: boolean;
  /** A count per table of many blank cells, not a problem per cell (see ValidateOptions). */
  countBlanks?: boolean;
  /** A folder of templates layered over the built-in ones. */
  templatesDir?: string;
}

/** With a templates folder: which of its files were used in place of the built-in ones, and which not. */
export interface TemplateLayers {
  overrides: TemplateOverride[];
  unused: UnusedTemplate[];
}

export type GenerateResult =
  | { ok: true; markdown: string; problems: DataProblem[]; computed: string[]; formatYear: FormatYear; templates?: TemplateLayers }
  | { ok: false; problems: Array<Pick<DataProblem, 'path' | 'message'> & Partial<DataProblem>> };

/** Validates report data and renders the report (Markdown). The one entry point the CLI and the editor use. */
export function generateReport(raw: unknown, options: GenerateOptions = {}): GenerateResult {
  const validated = validateReportData(raw, options);
  if (!validated.data) return { ok: false, problems: validated.problems };
  const { formatYear } = validated.data;
  const set = loadTemplatesCached(formatYear, options.templatesDir);
  return {
    ok: true,
    markdown: compiled(set)(validated.data),
    problems: validated.problems,
    computed: validated.computed,
    formatYear,
    ...(options.templatesDir !== undefined ? { templates: { overrides: set.overrides ?? [], unused: set.unused ?? [] } } : {}),
  };
}

const compiledCache = new WeakMap<TemplateSet, CompiledReport>();

/** The compiled templates of a set: compiled once per version of the templates (loadTemplatesCached). */
function compiled(set: TemplateSet): CompiledReport {
  let fn = compiledCache.get(set);
  if (!fn) {
    fn = compileReport(set);
    compiledCache.set(set, fn);
  }
  return fn;
}
