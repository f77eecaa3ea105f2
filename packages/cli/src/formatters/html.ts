import { FORMATS, localize, type Locale } from '@nianbao/format';
import type { Diagnostic, Rule } from '@nianbao/lint';
import { CSS, SCRIPT } from './review/assets.js';
import { esc, webLink } from './review/escape.js';
import { excerptHtml } from './review/excerpt.js';
import { rt, type ReviewMessage } from './review/messages.js';
import { summarize, type FileSummary, type RunSummary } from './review/summary.js';
import { tableHtml, type NumberedFinding } from './review/table.js';
import { toolInfo } from './tool.js';
import type { FileResult, FormatContext, Formatter } from './types.js';

const SEVERITY: Record<Diagnostic['severity'], ReviewMessage> = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' };

const num = (n: number, extra = ''): string => `<td class="n${extra}" data-v="${n}">${n}</td>`;

function countsHtml(s: RunSummary, locale: Locale): string {
  const item = (cls: string, id: string, n: number, label: ReviewMessage): string => `<li class="${cls}"><b id="${id}">${n}</b>${esc(rt(locale, label))}</li>`;
  return `<ul class="counts">${[
    item('files', 'count-files', s.files, 'files'),
    item('errors', 'count-errors', s.errors, 'errors'),
    item('warnings', 'count-warnings', s.warnings, 'warnings'),
    item('info', 'count-info', s.info, 'info'),
    ...(s.suppressed > 0 ? [item('suppressed', 'count-suppressed', s.suppressed, 'suppressed')] : []),
  ].join('')}</ul>`;
}

function head(locale: Locale, cells: Array<[ReviewMessage, 'text' | 'number' | undefined]>): string {
  return `<thead><tr>${cells.map(([label, sort]) => `<th${sort ? ` data-sort="${sort}"` : ''}${sort === 'number' ? ' class="n"' : ''}>${esc(rt(locale, label))}</th>`).join('')}</tr></thead>`;
}

function rulesTable(s: RunSummary, rules: readonly Rule[], locale: Locale): string {
  const rows = s.byRule.map((r) => {
    const meta = rules.find((x) => x.meta.id === r.id)?.meta;
    return `<tr><td><a href="#files" data-pick-rule="${esc(r.id)}">${esc(r.id)}</a></td><td>${esc(meta ? localize(locale, meta.description) : '')}</td>${num(r.errors)}${num(r.warnings)}${num(r.info)}${num(r.files)}</tr>`;
  });
  return `<table class="list" id="rules">${head(locale, [
    ['rule', 'text'],
    ['description', undefined],
    ['errors', 'number'],
    ['warnings', 'number'],
    ['info', 'number'],
    ['fileCount', 'number'],
  ])}<tbody>${rows.join('')}</tbody></table>`;
}

function agenciesTable(s: RunSummary, locale: Locale): string {
  const rows = s.byAgency.map(
    (a) => `<tr><td>${esc(a.agency ?? rt(locale, 'unknownAgency'))}</td>${num(a.files)}${num(a.errors, a.errors > 0 ? ' has-errors' : '')}${num(a.warnings)}${num(a.info)}</tr>`,
  );
  return `<table class="list" id="agencies">${head(locale, [
    ['agency', 'text'],
    ['fileCount', 'number'],
    ['errors', 'number'],
    ['warnings', 'number'],
    ['info', 'number'],
  ])}<tbody>${rows.join('')}</tbody></table>`;
}

/** What the filter reads of a file: its name and its agency's. */
const filterAttrs = (f: FileSummary): string =>
  `data-search="${esc(`${f.file} ${f.agency ?? ''}`)}" data-rules="${esc(f.rules.join(' '))}" data-active="${f.errors + f.warnings + f.info > 0 ? 1 : 0}"`;

const formatText = (year: number | null): string => (year === 2019 || year === 2021 ? FORMATS[year].noticeNumber : '');

function filesTable(s: RunSummary, withSection: ReadonlySet<number>, locale: Locale): string {
  const rows = s.worst.map((f) => {
    const name = withSection.has(f.index) ? `<a href="#file-${f.index}">${esc(f.file)}</a>` : esc(f.file);
    return `<tr ${filterAttrs(f)}><td>${name}</td><td>${esc(f.agency ?? '')}</td><td class="n" data-v="${f.reportYear ?? 0}">${f.reportYear ?? ''}</td><td>${esc(formatText(f.formatYear))}</td>${num(f.errors, f.errors > 0 ? ' has-errors' : '')}${num(f.warnings)}${num(f.info)}</tr>`;
  });
  return `<table class="list" id="files">${head(locale, [
    ['file', 'text'],
    ['agency', 'text'],
    ['reportYear', 'number'],
    ['format', 'text'],
    ['errors', 'number'],
    ['warnings', 'number'],
    ['info', 'number'],
  ])}<tbody>${rows.join('')}</tbody></table>`;
}

function controlsHtml(s: RunSummary, locale: Locale): string {
  const options = s.byRule.map((r) => `<option value="${esc(r.id)}">${esc(r.id)}</option>`).join('');
  return [
    '<div class="controls">',
    `<label>${esc(rt(locale, 'filterLabel'))} <input type="search" id="filter-text" placeholder="${esc(rt(locale, 'filterPlaceholder'))}"></label>`,
    `<select id="filter-rule" aria-label="${esc(rt(locale, 'rule'))}"><option value="">${esc(rt(locale, 'allRules'))}</option>${options}</select>`,
    `<label><input type="checkbox" id="filter-problems"> ${esc(rt(locale, 'onlyProblems'))}</label>`,
    `<output id="filter-shown" data-template="${esc(rt(locale, 'shown'))}">${esc(rt(locale, 'shown', { shown: s.files, total: s.files }))}</output>`,
    '</div>',
  ].join('');
}

function findingHtml(f: NumberedFinding, lines: readonly string[], anchor: string, locale: Locale): string {
  const { d, n } = f;
  const link = webLink(d.url);
  const rule = link ? `<a href="${esc(link)}">${esc(d.ruleId)}</a>` : esc(d.ruleId);
  const related =
    d.related.length > 0
      ? `<ul class="related">${d.related.map((p) => `<li>${esc(p.file !== undefined ? `${p.file} ` : '')}${esc(p.place ?? `${p.line}:${p.column}`)}　${esc(p.message)}</li>`).join('')}</ul>`
      : '';
  const suppressed = d.suppressed ? `<div class="where">${esc(rt(locale, 'suppressedReason', { reason: d.suppressed.reason }))}</div>` : '';
  return [
    `<li id="${anchor}${n}" value="${n}"${d.suppressed ? ' class="suppressed"' : ''} data-rule="${esc(d.ruleId)}">`,
    `<span class="sev sev-${d.severity}">${esc(rt(locale, SEVERITY[d.severity]))}</span>`,
    `<span class="where">${esc(d.place ?? `${d.line}:${d.column}`)}</span> `,
    esc(d.message),
    `<span class="rule">${rule}</span>`,
    suppressed,
    excerptHtml(lines, d),
    related,
    '</li>',
  ].join('');
}

function fileSection(r: FileResult, f: FileSummary, locale: Locale): string {
  const anchor = `f${f.index}-`;
  const lines = r.text.split('\n');
  const numbered: NumberedFinding[] = r.diagnostics.map((d, i) => ({ n: i + 1, d }));
  const report = r.report;
  const facts = [
    f.agency ?? rt(locale, 'unknownAgency'),
    ...(f.reportYear !== null ? [String(f.reportYear)] : []),
    ...(f.formatYear !== null ? [formatText(f.formatYear)] : []),
    `${rt(locale, 'errors')} ${f.errors}`,
    `${rt(locale, 'warnings')} ${f.warnings}`,
    `${rt(locale, 'info')} ${f.info}`,
  ];
  const tables = report
    ? report.tables.map((table) =>
        tableHtml({ format: FORMATS[report.formatYear], table, ...(report.previous ? { previous: report.previous.tables } : {}), findings: numbered, locale, anchor }),
      )
    : [];
  return [
    `<section class="file" id="file-${f.index}" ${filterAttrs(f)}>`,
    `<h2>${esc(r.file)}</h2>`,
    `<p class="meta">${esc(facts.join(' · '))}　<a class="top" href="#top">${esc(rt(locale, 'backToTop'))}</a></p>`,
    `<h3>${esc(rt(locale, 'findings'))}</h3>`,
    `<ol class="findings">${numbered.map((x) => findingHtml(x, lines, anchor, locale)).join('\n')}</ol>`,
    ...(tables.length > 0 ? [`<p class="note">${esc(rt(locale, 'tablesNote'))}</p>`, ...tables] : []),
    '</section>',
  ].join('\n');
}

/**
 * The review page: one self-contained HTML file (inline style and script, nothing loaded) with the run's
 * summary — files, errors, warnings, by rule, by agency, every file worst first, sortable and filterable —
 * then each file with findings: its findings with their source lines, and its tables drawn as the format
 * prints them with each cell a finding points at highlighted. What a reviewer prints or sends to an agency.
 */
export const html: Formatter = (results: readonly FileResult[], context: FormatContext) => {
  const { locale } = context;
  const s = summarize(results);
  const withFindings = s.worst.filter((f) => results[f.index]!.diagnostics.length > 0).map((f) => f.index);
  const withSection = new Set(withFindings);
  const byIndex = new Map(s.worst.map((f) => [f.index, f]));
  const sections = [...withSection].sort((a, b) => a - b).map((i) => fileSection(results[i]!, byIndex.get(i)!, locale));
  const noTables = results.length > 0 && results.every((r) => r.report === undefined);
  const body = [
    `<header id="top"><h1>${esc(rt(locale, 'title'))}</h1><p class="meta">${esc(rt(locale, 'generatedBy', { version: toolInfo().version }))}</p></header>`,
    '<section id="overview">',
    `<h2>${esc(rt(locale, 'overview'))}</h2>`,
    countsHtml(s, locale),
    ...(results.length === 0 ? [`<p>${esc(rt(locale, 'noFiles'))}</p>`] : []),
    ...(noTables ? [`<p class="note">${esc(rt(locale, 'noTables'))}</p>`] : []),
    ...(s.byRule.length > 0 ? [`<h3>${esc(rt(locale, 'byRule'))}</h3>`, rulesTable(s, context.rules, locale)] : [`<p>${esc(rt(locale, 'noFindings'))}</p>`]),
    `<h3>${esc(rt(locale, 'byAgency'))}</h3>`,
    agenciesTable(s, locale),
    `<h3>${esc(rt(locale, 'worstFiles'))}</h3>`,
    controlsHtml(s, locale),
    filesTable(s, withSection, locale),
    '</section>',
    ...sections,
  ];
  return [
    '<!DOCTYPE html>',
    `<html lang="${localize(locale, { zh: 'zh-CN', en: 'en' })}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Says what wrote the page, so that a folder walk can tell it from a report published as a web page.
    `<meta name="generator" content="nianbao ${esc(toolInfo().version)} review">`,
    // Nothing from anywhere: a page opened by an agency must not call out, whatever a report contains.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(rt(locale, 'title'))}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
