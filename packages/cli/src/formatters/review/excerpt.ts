import type { Diagnostic } from '@nianbao/lint';
import { esc } from './escape.js';

/** How much of a long line is shown either side of a finding: a paragraph is one line in a report. */
const BEFORE = 30;
const AFTER = 50;
const LONG = 100;

/**
 * The source line of a finding with its range marked, as HTML: the line number, a window around the
 * range when the line is long (a paragraph), the range in `<mark>`. Empty when the line is blank (a
 * finding about something missing, at the start of a file).
 */
export function excerptHtml(lines: readonly string[], d: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>): string {
  const line = (lines[d.line - 1] ?? '').replace(/\r$/u, '');
  if (line.trim() === '') return '';
  const start = Math.min(line.length, Math.max(0, d.column - 1));
  const end = d.endLine === d.line ? Math.min(line.length, Math.max(start, d.endColumn - 1)) : line.length;
  const from = line.length > LONG ? Math.max(0, start - BEFORE) : 0;
  const to = line.length > LONG ? Math.min(line.length, Math.max(end, start + 1) + AFTER) : line.length;
  const body = `${from > 0 ? '…' : ''}${esc(line.slice(from, start))}<mark>${esc(line.slice(start, end))}</mark>${esc(line.slice(end, to))}${to < line.length ? '…' : ''}`;
  return `<pre class="src"><span class="ln">${d.line}</span>${body}</pre>`;
}
