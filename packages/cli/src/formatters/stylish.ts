import type { Diagnostic } from '@nianbao/lint';
import { t } from '../messages.js';
import type { FileResult, Formatter } from './types.js';

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

/** For people: findings grouped by file, the source line under each, coloured in a terminal. */
export const stylish: Formatter = (results: readonly FileResult[], { locale, color }) => {
  const paint = painter(color);
  const out: string[] = [];
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    out.push(paint('underline', r.file));
    for (const d of r.diagnostics) {
      const word = SEVERITY_WORD[locale][d.severity];
      const sev = d.severity === 'error' ? paint('red', word) : d.severity === 'warning' ? paint('yellow', word) : paint('blue', word);
      const suppressed = d.suppressed ? paint('dim', `  ${t(locale, 'suppressedTag', { reason: d.suppressed.reason })}`) : '';
      out.push(`  ${paint('dim', d.place ?? `${d.line}:${d.column}`)}  ${sev}  ${d.message}  ${paint('dim', d.ruleId)}${suppressed}`);
      out.push(...sourceExcerpt(r.text, d, paint));
    }
    out.push('');
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
};
