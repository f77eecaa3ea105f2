import { AGENCY_KINDS, type AgencyKind } from '@nianbao/format';
import { CliError } from '../messages.js';

/** Years a report can be for: the national formats start with 2019; the schema stops at 2100. */
export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2100;

/**
 * Reads `--year` for commander (`.requiredOption('--year <year>', …, parseYearOption)`), so that the message
 * quotes what the user typed rather than NaN.
 */
export function parseYearOption(value: string): number {
  const year = /^\s*\d{4}\s*$/u.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw new CliError('initBadYear', { value });
  return year;
}

/** Reads `--kind` for commander (`.option('--kind <kind>', …, parseKindOption)`). */
export function parseKindOption(value: string): AgencyKind {
  const kind = AGENCY_KINDS.find((k) => k === value.trim());
  if (!kind) throw new CliError('initBadKind', { value });
  return kind;
}
