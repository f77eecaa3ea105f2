import Handlebars from 'handlebars';
import { SUMMARY_QUANTITIES, type ReportData } from '@nianbao/format';
import { compileTemplate, locateTemplateError } from './template-errors.js';
import type { TemplateSet } from './templates.js';
import { cellText, reportView, type TableView } from './view.js';

/** A template that fails: which file, and what a template author should do. */
export class RenderError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** `2024-01-20` → `2024年1月20日`; anything else as it is. */
export function chineseDate(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** A table view as GFM: the header row, the delimiter, the body. */
export function gfmTable(view: TableView): string {
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`.replace(/ {2,}\|/gu, ' |');
  const [header, ...body] = view.rows;
  return [line(header ?? []), view.delimiter, ...body.map(line)].join('\n');
}

function environment(set: TemplateSet): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('cnDate', (value: unknown) => chineseDate(value));
  hb.registerHelper('num', (value: unknown) => (typeof value === 'number' ? cellText(value) : ''));
  hb.registerHelper('gfm', (value: unknown) => {
    if (!value || typeof value !== 'object' || !Array.isArray((value as TableView).rows)) throw new Error('gfm 需要一个表格视图，如 tables.applications (gfm takes a table view)');
    return gfmTable(value as TableView);
  });
  for (const [name, partial] of set.partials) hb.registerPartial(name, compileTemplate(hb, partial.text, partial.file));
  return hb;
}

/**
 * Which template file an error is about. Handlebars names the missing partial or helper but not where it
 * was used, so look for the mustache that uses it: a partial last, the main template first.
 */
function fileOf(set: TemplateSet, name: string | undefined, kind: 'partial' | 'helper'): string {
  if (name === undefined) return set.mainFile;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const use = kind === 'partial' ? new RegExp(`\\{\\{~?#?>\\s*${escaped}\\b`, 'u') : new RegExp(`\\{\\{~?[#/]?\\s*${escaped}\\b`, 'u');
  if (use.test(set.main)) return set.mainFile;
  for (const p of set.partials.values()) if (use.test(p.text)) return p.file;
  return set.mainFile;
}

export type CompiledReport = (data: ReportData) => string;

function renderError(set: TemplateSet, error: unknown): RenderError {
  const message = error instanceof Error ? error.message : String(error);
  // The file the error was thrown in, when a template saw it (template-errors.ts); else guessed by name.
  const located = locateTemplateError(error);
  const missingPartial = /The partial (\S+) could not be found/u.exec(message);
  if (missingPartial) return new RenderError(located?.file ?? fileOf(set, missingPartial[1], 'partial'), `找不到局部模板“${missingPartial[1]}”：请在 partials/ 中提供 ${missingPartial[1]}.hbs (missing partial ${missingPartial[1]})`);
  const missingHelper = /Missing helper: "?([^"\s]+)"?/u.exec(message);
  if (missingHelper) return new RenderError(located?.file ?? fileOf(set, missingHelper[1], 'helper'), `模板用到了不存在的辅助函数“${missingHelper[1]}”；可用的有 cnDate、num、gfm (unknown helper ${missingHelper[1]})`);
  if (located?.reason !== undefined) return new RenderError(located.file, located.reason);
  return new RenderError(located?.file ?? set.mainFile, `模板有误：${message} (template error)`);
}

/**
 * Compiles a template set once, for rendering many reports. Data strings are escaped before any
 * template sees them, so `{{x}}` and `{{{x}}}` are equally safe.
 */
export function compileReport(set: TemplateSet): CompiledReport {
  let hb: typeof Handlebars;
  try {
    hb = environment(set);
  } catch (error) {
    throw renderError(set, error);
  }
  let template: HandlebarsTemplateDelegate;
  try {
    // Strict, and every file parsed now: template-errors.ts.
    template = compileTemplate(hb, set.main, set.mainFile);
  } catch (error) {
    throw renderError(set, error);
  }
  return (data) => {
    const view = reportView(data);
    const contactDetails = view.contact
      ? [
          view.contact.address ? `地址：${view.contact.address}` : '',
          view.contact.postcode ? `邮编：${view.contact.postcode}` : '',
          view.contact.phone ? `电话：${view.contact.phone}` : '',
          view.contact.email ? `电子邮箱：${view.contact.email}` : '',
        ]
          .filter(Boolean)
          .join('；')
      : '';
    try {
      const out = template({
        ...view,
        contactDetails,
        // The summary sentence states Table 三's figures: it is written when all of them are known.
        summaryComplete: SUMMARY_QUANTITIES.every((q) => q.table !== 'applications' || view.summary[q.id] !== null),
        isGovernment: data.agency.kind === '人民政府',
      });
      return `${out.replace(/\n{3,}/gu, '\n\n').trim()}\n`;
    } catch (error) {
      throw renderError(set, error);
    }
  };
}

/** Renders report data (validated, totals computed) to Markdown. Pure: takes the templates as text. */
export function renderMarkdown(data: ReportData, set: TemplateSet): string {
  return compileReport(set)(data);
}
