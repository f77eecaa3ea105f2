import type { Diagnostic } from '@nianbao/lint';
import { t } from '../messages.js';
import { batchOf } from './totals.js';
import type { FileResult, FormatContext, Formatter, RunTotals, StreamingFormatter } from './types.js';

const CODES = { red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;
type Style = keyof typeof CODES;

function painter(enabled: boolean): (style: Style, text: string) => string {
  return (style, text) => (enabled ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
}

const SEVERITY_WORD = {
  zh: { error: '错误', warning: '提示', info: '信息' },
  en: { error: 'error', warning: 'warning', info: 'info' },
} as const;

/** The source line of a finding with a marker under its range, so the reader sees the place at once. */
function sourceExcerpt(text: string, d: Diagnostic, paint: (s: Style, t: string) => string): string[] {
  const lines = text.split('\n');
  const raw = (lines[d.line - 1] ?? '').replace(/\r$/u, '');
  const line = raw.replace(/\t/gu, ' ');
  if (line.trim() === '') return [];
  const start = Math.max(0, d.column - 1);
  const end = d.endLine === d.line ? Math.max(start + 1, d.endColumn - 1) : line.length;
  // Chinese characters take two columns in a terminal.
  const width = (s: string): number => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
  // Long prose lines: show a window around the finding, not the whole paragraph.
  const from = line.length > 80 ? Math.max(0, start - 24) : 0;
  const to = line.length > 80 ? Math.min(line.length, Math.max(end, start + 1) + 40) : line.length;
  const shown = `${from > 0 ? '…' : ''}${line.slice(from, to)}${to < line.length ? '…' : ''}`;
  const marker = ' '.repeat(width(`${from > 0 ? '…' : ''}${line.slice(from, start)}`)) + '^'.repeat(Math.max(1, Math.min(width(line.slice(start, end)), 80)));
  return [`      ${paint('dim', shown)}`, `      ${paint(d.severity === 'error' ? 'red' : d.severity === 'warning' ? 'yellow' : 'blue', marker)}`];
}

/** One file's block: its name, then each finding with the source line under it. */
function fileBlock(r: FileResult, { locale, color }: FormatContext): string {
  if (r.diagnostics.length === 0) return '';
  const paint = painter(color);
  const out: string[] = [paint('underline', r.file)];
  for (const d of r.diagnostics) {
    const word = SEVERITY_WORD[locale][d.severity];
    const sev = d.severity === 'error' ? paint('red', word) : d.severity === 'warning' ? paint('yellow', word) : paint('blue', word);
    const suppressed = d.suppressed ? paint('dim', `  ${t(locale, 'suppressedTag', { reason: d.suppressed.reason })}`) : '';
    out.push(`  ${paint('dim', d.place ?? `${d.line}:${d.column}`)}  ${sev}  ${d.message}  ${paint('dim', d.ruleId)}${suppressed}`);
    out.push(...sourceExcerpt(r.text, d, paint));
  }
  out.push('');
  return `${out.join('\n')}\n`;
}

/**
 * The closing table: each rule with its errors, warnings and info, and in how many files, most errors
 * first — what a reviewer of a thousand files reads before the findings themselves.
 */
function ruleSummary({ locale, color }: FormatContext, totals: RunTotals): string {
  if (totals.byRule.size === 0) return '';
  const paint = painter(color);
  const rows = [...totals.byRule]
    .sort(([a, x], [b, y]) => y.error - x.error || y.warning - x.warning || y.info - x.info || a.localeCompare(b))
    .map(([id, c]) => [id, String(c.error), String(c.warning), String(c.info), String(c.files)]);
  const head = [t(locale, 'ruleColumn'), SEVERITY_WORD[locale].error, SEVERITY_WORD[locale].warning, SEVERITY_WORD[locale].info, t(locale, 'filesColumn')];
  const width = (s: string): number => [...s].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uff00-\uff60]/u.test(ch) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]): string =>
    `  ${cells.map((c, i) => (i === 0 ? c + ' '.repeat(widths[i]! - width(c)) : ' '.repeat(widths[i]! - width(c)) + c)).join('  ')}`.trimEnd();
  return `${[paint('bold', t(locale, 'byRuleHeader')), paint('dim', line(head)), ...rows.map(line)].join('\n')}\n`;
}

/** For people: findings grouped by file, the source line under each, coloured in a terminal; a per-rule table at the end. */
export const stylishStream: StreamingFormatter = {
  start: () => '',
  file: (result, context) => fileBlock(result, context),
  end: (context, totals) => ruleSummary(context, totals),
};

export const stylish: Formatter = batchOf(stylishStream);
