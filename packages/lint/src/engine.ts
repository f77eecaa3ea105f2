import { fillTemplate, formatsOf, localize, type FormatSpec } from '@nianbao/format';
import { documentFixRange, documentLocator, formatPlace, toReportData, type Locator, type ReportDocument, type Span } from '@nianbao/parse';
import { isReason, readDirectives, suppressionFor, type Suppression } from './directives.js';
import { RULES } from './registry.js';
import type { Diagnostic, Fix, LintOptions, Locale, RelatedPlace, ReportDescriptor, Rule, RuleContext, RuleSetting, Severity, Suggestion } from './types.js';

/** The id of the finding that stands for a rule that crashed: the run goes on without it. */
export const INTERNAL_ERROR = 'internal-error';

/**
 * Whether an inline comment can switch a finding off. A crashed rule's finding cannot: it is a bug in
 * nianbao, not something about the report, so it is never matched against suppressions.
 */
export function isSuppressible(ruleId: string): boolean {
  return ruleId !== INTERNAL_ERROR;
}

const DEFAULT_DOCS_BASE = new URL('../docs/rules/', import.meta.url).href;

/** The docs page of a rule: in the installed package, or under `docsBaseUrl` when configured. */
export function ruleDocsUrl(ruleId: string, docsBaseUrl?: string): string {
  const base = docsBaseUrl ?? DEFAULT_DOCS_BASE;
  return `${base.endsWith('/') ? base : `${base}/`}${ruleId}.md`;
}

/** A rule's severity and options as configured: `off` means the rule does not run. */
export function resolveSetting(rule: Rule, setting: RuleSetting | undefined): { severity: Severity | 'off' | undefined; options: Record<string, unknown> } {
  const [written, options] = Array.isArray(setting) ? setting : [setting, undefined];
  const severity = written === 'warn' ? 'warning' : written;
  return { severity, options: { ...(rule.meta.defaultOptions ?? {}), ...(options ?? {}) } };
}

/**
 * Where a span of the document's text is in the file: itself for a text file, the HTML source's line and
 * column for a page, and for a .docx or PDF the view's position plus a place a person can find.
 */
function spanPlace(span: Span, locate: Locator | undefined, locale: Locale): Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn' | 'startOffset' | 'endOffset' | 'place'> {
  if (!locate) {
    return { line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column, startOffset: span.start.offset, endOffset: span.end.offset };
  }
  const r = locate(span.start.offset, span.end.offset);
  const out: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn' | 'startOffset' | 'endOffset' | 'place'> = {
    line: r.start.line,
    column: r.start.column,
    endLine: r.end.line,
    endColumn: r.end.column,
    startOffset: r.start.offset,
    endOffset: r.end.offset,
  };
  if (r.place) out.place = formatPlace(r.place, locale);
  return out;
}

function relatedPlaces(rule: Rule, d: ReportDescriptor, locale: Locale, locate: Locator | undefined): RelatedPlace[] {
  return (d.related ?? []).map((r) => {
    const template = r.messageId ? rule.meta.messages[r.messageId] : undefined;
    const message = template
      ? fillTemplate(localize(locale, template), r.data)
      : typeof r.text === 'string'
        ? r.text
        : r.text
          ? localize(locale, r.text)
          : '';
    // A place in last year's report is a place in that file: its own document located it already.
    const where = r.file === undefined ? spanPlace(r.span, locate, locale) : spanPlace(r.span, undefined, locale);
    const place: RelatedPlace = { line: where.line, column: where.column, endLine: where.endLine, endColumn: where.endColumn, message };
    if (where.place !== undefined) place.place = where.place;
    if (r.file !== undefined) place.file = r.file;
    return place;
  });
}

function internalError(ruleId: string, error: unknown, locale: Locale, docsBaseUrl?: string): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: INTERNAL_ERROR,
    severity: 'error',
    message: localize(locale, {
      zh: `规则 ${ruleId} 运行出错（${reason}），本次未能完成这项检查。这是 nianbao 的缺陷，请报告给维护者；其他规则的结果不受影响。`,
      en: `Rule ${ruleId} crashed (${reason}); this check was not done. This is a bug in nianbao, please report it; other rules' findings stand.`,
    }),
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    startOffset: 0,
    endOffset: 0,
    url: ruleDocsUrl(INTERNAL_ERROR, docsBaseUrl),
    related: [],
  };
}

/** Each document's data, extracted once: a report of a folder is linted itself and again as the next year's previous one. */
const EXTRACTED = new WeakMap<ReportDocument, ReturnType<typeof toReportData>>();

function extractedOf(document: ReportDocument): ReturnType<typeof toReportData> {
  let extracted = EXTRACTED.get(document);
  if (!extracted) {
    extracted = toReportData(document);
    EXTRACTED.set(document, extracted);
  }
  return extracted;
}

/**
 * Lints a parsed report. Pure: reads no files, touches no process state. Rules run in registry order;
 * each only reports, and this stamps rule id, severity and docs URL on what it reports. A rule that
 * throws becomes one `internal-error` finding and the others still run.
 */
export function lint(document: ReportDocument, options: LintOptions = {}, rules: readonly Rule[] = RULES): Diagnostic[] {
  const locale: Locale = options.locale ?? 'zh';
  const extracted = extractedOf(document);
  const data = extracted.ok ? extracted.data : undefined;
  const { report: format, tables: tableFormat } = formatsOf(document);
  const previous = options.previous
    ? (() => {
        const r = extractedOf(options.previous.document);
        return { document: options.previous.document, data: r.ok ? r.data : undefined, ...(options.previous.file !== undefined ? { file: options.previous.file } : {}) };
      })()
    : undefined;
  const agencyKind = options.agencyKind ?? data?.agency.kind ?? undefined;
  const suppressions = readDirectives(document);
  const used = new Set<Suppression>();
  // Whether every rule runs as configured: only then can a directive be told to suppress nothing.
  const complete = options.only === undefined;
  // Text and Markdown files are their own view: nothing to map.
  const locate = document.source.origin || document.source.places ? documentLocator(document) : undefined;
  /** A rule's edit of the view as an edit of the file, or undefined where the file cannot take it. */
  const fileEdit = (fix: Fix): Fix | undefined => {
    const range = locate ? documentFixRange(document, fix.start, fix.end) : ([fix.start, fix.end] as const);
    return range ? { start: range[0], end: range[1], text: fix.text } : undefined;
  };
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const id = rule.meta.id;
    if (options.only && !options.only.includes(id)) continue;
    const { severity: configured, options: ruleOptions } = resolveSetting(rule, options.rules?.[id]);
    if (configured === 'off') continue;
    const report = (d: ReportDescriptor): void => {
      const template = rule.meta.messages[d.messageId];
      if (!template) throw new Error(`unknown messageId ${d.messageId}`);
      const diagnostic: Diagnostic = {
        ruleId: id,
        severity: configured ?? d.severity ?? rule.meta.severity,
        message: fillTemplate(localize(locale, template), d.data),
        ...spanPlace(d.span, locate, locale),
        url: ruleDocsUrl(id, options.docsBaseUrl),
        related: relatedPlaces(rule, d, locale, locate),
      };
      // Only a rule that declares itself fixable may change the text (ESLint's guard); and only where
      // the edit is an edit of the file's own characters (never inside HTML markup, never a .docx or PDF).
      if (d.fix && rule.meta.fixable) {
        const fix = fileEdit(d.fix);
        if (fix) diagnostic.fix = fix;
        else diagnostic.unappliedFix = { text: d.fix.text };
      }
      // Suggestions are choices offered in an editor, so one that cannot be applied is simply not offered.
      if (d.suggestions && rule.meta.hasSuggestions) {
        const suggestions = d.suggestions.flatMap((s): Suggestion[] => {
          const fix = fileEdit(s.fix);
          const template = rule.meta.messages[s.messageId];
          if (!template) throw new Error(`unknown messageId ${s.messageId}`);
          return fix ? [{ message: fillTemplate(localize(locale, template), s.data), fix }] : [];
        });
        if (suggestions.length > 0) diagnostic.suggestions = suggestions;
      }
      if (d.subject !== undefined) diagnostic.subject = d.subject;
      const suppression = id === 'directive' ? undefined : suppressionFor(suppressions, id, diagnostic.line);
      // Files that cannot hold a comment are suppressed from the configuration, per rule, with a reason.
      const inConfig = id === 'directive' || suppression ? undefined : options.fileSuppressions?.find((s) => s.rule === id && isReason(s.reason));
      if (suppression) {
        used.add(suppression);
        if (!options.reportSuppressed) return;
        diagnostic.suppressed = { reason: suppression.reason, line: suppression.line };
      } else if (inConfig) {
        if (!options.reportSuppressed) return;
        diagnostic.suppressed = { reason: inConfig.reason, line: 0, ...(inConfig.config !== undefined ? { config: inConfig.config } : {}) };
      }
      out.push(diagnostic);
    };
    const context: RuleContext = {
      document,
      format,
      tableFormat,
      data,
      options: ruleOptions,
      locale,
      agencyKind,
      previous,
      report,
      // The directive rule runs last: by then every suppression that silenced a finding is known.
      directives: {
        suppressions,
        used,
        complete,
        isRule: (ruleId) => rules.some((r) => r.meta.id === ruleId),
        isOn: (ruleId) => {
          const rule = rules.find((r) => r.meta.id === ruleId);
          return rule !== undefined && resolveSetting(rule, options.rules?.[ruleId]).severity !== 'off';
        },
      },
    };
    const before = out.length;
    try {
      rule.check(context);
    } catch (error) {
      out.length = before;
      out.push(internalError(id, error, locale, options.docsBaseUrl));
    }
  }
  return out.sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
}
