import type { SheetValue } from './rows.js';

/** Excel reads a UTF-8 file as the system's code page unless it starts with a byte order mark. */
const BOM = '\uFEFF';

/**
 * A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. Text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@` first: an agency's name or a file name is the
 * report author's text) gets a leading apostrophe, as OWASP advises; numbers are written as they are.
 */
export function csvField(value: SheetValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/** A sheet as CSV for Excel: UTF-8 with a byte order mark, CRLF line ends, a heading row first. */
export function toCsv(headings: readonly string[], rows: ReadonlyArray<readonly SheetValue[]>): string {
  const line = (fields: readonly SheetValue[]): string => fields.map(csvField).join(',');
  return `${BOM}${[line(headings), ...rows.map(line)].join('\r\n')}\r\n`;
}
