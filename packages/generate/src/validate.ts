/**
 * Validation of report data before rendering: the JSON Schema (its validator precompiled at build time,
 * see scripts/standalone.mjs), then what a schema cannot say — the format that fits the year, real
 * dates, blank cells, and the identities of format.md §6. Totals left out are computed; a total given
 * and wrong is an error naming its parts (`fixTotals` recomputes it instead).
 */
import type { ErrorObject } from 'ajv';
import {
  FORMATS,
  formatYearFor,
  evaluate,
  identityPlaces,
  placeLabel,
  localize,
  tableName,
  TABLE_IDS,
  termCell,
  termLabel,
  totalIdentities,
  type CellValue,
  type FormatSpec,
  type Locale,
  type ReportData,
  type TableData,
  type TableId,
} from '@nianbao/format';
import { validate as precompiled } from './report-data-validator.generated.js';
import { dottedOf, schemaProblems, segments } from './schema-errors.js';

export type { Locale };

export interface DataProblem {
  /** Where, as a dotted path into the data (`tables.applications.newReceived.total`). */
  path: string;
  /**
   * Where, as a JSON pointer (`/tables/applications/newReceived/total`): what an edge turns into the line
   * and column of the data file. It may name a key the file lacks (a missing key, a total left out).
   */
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
  kind: 'json' | 'schema' | 'key' | 'format' | 'date' | 'blank' | 'total' | 'identity';
  /** With a blank: its table, by which a long list of blanks is summed up. */
  table?: TableId;
}

/** The precompiled validator's shape (the generated module is not type-checked). */
interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const validateSchema = precompiled as unknown as SchemaValidator;

export interface ValidateOptions {
  locale?: Locale;
  /** Render blank cells instead of refusing them. */
  allowBlank?: boolean;
  /** Recompute totals that are given but wrong, instead of reporting them. */
  fixTotals?: boolean;
  /**
   * A table with more than BLANKS_LISTED blanks gets one problem saying how many, instead of one per
   * cell (a freshly made data file has two hundred): for a person reading the list. Off by default, so
   * that a program gets every blank cell.
   */
  countBlanks?: boolean;
}

/** The blanks of one table listed one by one; beyond this many, they are counted. */
export const BLANKS_LISTED = 5;

export interface Validated {
  /** The data with every total filled in, when there is no error. */
  data?: ReportData;
  problems: DataProblem[];
  /** Paths of the totals that were computed (left out, or recomputed with fixTotals). */
  computed: string[];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const pointerOf = (parts: readonly string[]): string => parts.map((p) => `/${p.replace(/~/gu, '~0').replace(/\//gu, '~1')}`).join('');

/** Own keys that would reach an object's prototype if someone merged this data carelessly. */
function forbiddenKeys(raw: unknown, path: string[], out: DataProblem[], locale: Locale): void {
  if (raw === null || typeof raw !== 'object') return;
  for (const key of Object.keys(raw)) {
    const here = [...path, key];
    if (FORBIDDEN_KEYS.has(key)) {
      out.push({
        path: here.join('.'),
        pointer: pointerOf(here),
        kind: 'key',
        severity: 'error',
        message: localize(locale, { zh: `不允许使用键“${key}”：请删除它。`, en: `The key “${key}” is not allowed: remove it.` }),
      });
      continue;
    }
    forbiddenKeys((raw as Record<string, unknown>)[key], here, out, locale);
  }
}

function label(format: FormatSpec, table: keyof ReportData['tables'], row: string, column: string): string {
  const spec = format.tables[table];
  return `${spec.rows.find((r) => r.id === row)?.label ?? row}·${spec.columns.find((c) => c.id === column)?.label ?? column}`;
}

/** A data cell's number, or undefined when it is absent or null. */
function numberAt(table: TableData, row: string, column: string): number | undefined {
  const v = table[row]?.[column];
  return typeof v === 'number' ? v : undefined;
}

/** Fills totals that are absent (or all of them, with `fixTotals`); returns the paths it filled. */
function computeTotals(format: FormatSpec, data: ReportData, given: (table: string, row: string, column: string) => boolean, fixTotals: boolean): string[] {
  const computed: string[] = [];
  const identities = totalIdentities(format);
  // Totals feed each other (the （七）总计 row's 总计 cell): repeat until nothing changes.
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (const identity of identities) {
      const table = data.tables[identity.table];
      for (const place of identityPlaces(format, identity)) {
        const target = termCell(identity, place, identity.left[0]!);
        if (given(identity.table, target.row, target.column) && !fixTotals) continue;
        // The right side is the total's parts: their sum is what the total must be.
        const { right: sum } = evaluate(identity, place, (cell) => numberAt(table, cell.row, cell.column));
        if (sum === undefined) {
          if (table[target.row]?.[target.column] === undefined) (table[target.row] ??= {})[target.column] = null;
          continue;
        }
        if (table[target.row]?.[target.column] !== sum) {
          (table[target.row] ??= {})[target.column] = sum;
          changed = true;
          const path = `tables.${identity.table}.${target.row}.${target.column}`;
          if (!computed.includes(path)) computed.push(path);
        }
      }
    }
    if (!changed) break;
  }
  return computed;
}

function identityProblems(format: FormatSpec, data: ReportData, locale: Locale): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const identity of format.identities) {
    const table: TableData = data.tables[identity.table];
    const previous = identity.table === 'applications' ? { carriedForward: data.previousYear?.carriedForward } : { inForce: data.previousYear?.inForce };
    for (const place of identityPlaces(format, identity)) {
      const evaluation = evaluate(identity, place, (cell) => {
        if (!cell.previousYear) return numberAt(table, cell.row, cell.column);
        // Last year's figures come from the data's previousYear block, where there is one.
        const v = identity.per === 'column' ? (cell.row === 'carriedForward' ? previous.carriedForward?.[cell.column] : undefined) : cell.column === 'inForce' ? previous.inForce?.[cell.row] : undefined;
        return typeof v === 'number' ? v : undefined;
      });
      const { left, right, difference } = evaluation;
      if (difference === undefined || difference === 0 || left === undefined || right === undefined) continue;
      // Terms differ along one dimension only: name them by it, and the place by the other.
      const where = `“${placeLabel(format, identity, place)}”${identity.per === 'column' ? localize(locale, { zh: '列', en: ' column' }) : localize(locale, { zh: '行', en: ' row' })}`;
      const describe = (side: 'left' | 'right'): string =>
        evaluation.terms
          .filter((x) => x.side === side)
          .map((x) => `${x.term.sign === -1 ? '−' : ''}${x.term.previousYear ? localize(locale, { zh: '上年', en: "last year's " }) : ''}${termLabel(format, identity, x.term.ref)} ${x.value!}`)
          .join(' + ')
          .replace(/\+ −/gu, '− ');
      // A side of one term is its value; a sum shows its parts and its total.
      const side = (name: 'left' | 'right', total: number): string => (evaluation.terms.filter((x) => x.side === name).length === 1 ? describe(name) : `${describe(name)} = ${total}`);
      const target = termCell(identity, place, identity.left[0]!);
      const by = Math.abs(difference);
      problems.push({
        path: `tables.${identity.table}.${target.row}.${target.column}`,
        pointer: `/tables/${identity.table}/${target.row}/${target.column}`,
        kind: totalIdentities(format).includes(identity) ? 'total' : 'identity',
        severity: identity.severity,
        message: localize(locale, {
          zh: `${identity.description.zh}——${where}不成立：${side('left', left)}，而 ${side('right', right)}，相差 ${by}。`,
          en: `${identity.description.en} — fails for ${where}: ${side('left', left)}, but ${side('right', right)}; they differ by ${by}.`,
        }),
      });
    }
  }
  return problems;
}

/**
 * The blanks of each table with more than BLANKS_LISTED of them, said once: how many, and where the
 * first one is (the edge shows its line), instead of a line per cell.
 */
function countBlanks(format: FormatSpec, blanks: DataProblem[], locale: Locale): DataProblem[] {
  const out: DataProblem[] = [];
  for (const table of TABLE_IDS) {
    const own = blanks.filter((b) => b.table === table);
    const first = own[0];
    if (!first || own.length <= BLANKS_LISTED) {
      out.push(...own);
      continue;
    }
    const [, , row = '', column = ''] = first.path.split('.');
    const name = tableName(format.tables[table], locale);
    out.push({
      ...first,
      path: `tables.${table}`,
      message: localize(locale, {
        zh: `${name}还有 ${own.length} 个空白格未填写（第一个是“${label(format, table, row, column)}”）：每个单元格都要填数字，没有发生的填 0。加 --verbose 逐格列出；确需留空时用 --allow-blank。`,
        en: `${name} has ${own.length} blank cells still to fill in (the first: “${label(format, table, row, column)}”): every cell needs a number, 0 where nothing happened. --verbose lists each one; --allow-blank renders blanks.`,
      }),
    });
  }
  return out;
}

/** The dates of the data, where they are written (the schema has checked their form). */
const DATES: ReadonlyArray<readonly string[]> = [['period', 'start'], ['period', 'end'], ['publicationDate']];

/** Dates of the form YYYY-MM-DD that are no day of the calendar (`2024-02-30`, `2023-13-01`). */
function unrealDates(raw: unknown, locale: Locale): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const parts of DATES) {
    let value: unknown = raw;
    for (const part of parts) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    if (typeof value !== 'string') continue;
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const day = new Date(Date.UTC(y, m - 1, d));
    if (day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d) continue;
    problems.push({
      path: dottedOf(parts),
      pointer: pointerOf(parts),
      kind: 'date',
      severity: 'error',
      message: localize(locale, { zh: `实为 ${JSON.stringify(value)}，不是真实的日期：请核对年、月、日。`, en: `is ${JSON.stringify(value)}, which is no day of the calendar: check the year, month and day.` }),
    });
  }
  return problems;
}

/** The problem of a formatYear that does not fit the reportYear, when both are well-formed. */
function formatMisfit(raw: unknown, locale: Locale): DataProblem | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const { reportYear, formatYear } = raw as { reportYear?: unknown; formatYear?: unknown };
  if (typeof reportYear !== 'number' || !Number.isInteger(reportYear) || (formatYear !== 2019 && formatYear !== 2021)) return undefined;
  const expected = formatYearFor(reportYear);
  if (formatYear === expected) return undefined;
  return {
    path: 'formatYear',
    pointer: '/formatYear',
    kind: 'format',
    severity: 'error',
    message: localize(locale, {
      zh: `实为 ${formatYear}，而 ${reportYear} 年度报告应使用 ${FORMATS[expected].notice} 的格式（formatYear ${expected}）。`,
      en: `is ${formatYear}, but a report for ${reportYear} follows ${FORMATS[expected].notice} (formatYear ${expected}).`,
    }),
  };
}

/**
 * Validates report data and fills in its totals. Problems come one per fault, each naming the JSON path,
 * what was found and what was expected; `data` is set only when there is no error.
 */
export function validateReportData(raw: unknown, options: ValidateOptions = {}): Validated {
  const locale = options.locale ?? 'zh';
  const problems: DataProblem[] = [];
  forbiddenKeys(raw, [], problems, locale);
  // A format that does not fit the year would make every table key look wrong: say that first, alone.
  const misfit = formatMisfit(raw, locale);
  if (misfit) return { problems: [...problems, misfit], computed: [] };
  if (!validateSchema(raw)) {
    for (const p of schemaProblems(validateSchema.errors ?? [], raw, locale)) {
      // A forbidden key is said once, above: not again as an unknown key.
      if (FORBIDDEN_KEYS.has(segments(p.pointer).pop() ?? '')) continue;
      problems.push({ ...p, severity: 'error', kind: 'schema' });
    }
  }
  if (problems.length === 0) problems.push(...unrealDates(raw, locale));
  if (problems.length > 0) return { problems, computed: [] };
  const data = structuredClone(raw) as ReportData;
  const format = FORMATS[data.formatYear];
  const rawTables = (raw as { tables: Record<string, Record<string, Record<string, unknown>>> }).tables;
  const given = (table: string, row: string, column: string): boolean => rawTables[table]?.[row]?.[column] !== undefined;
  const computed = computeTotals(format, data, given, options.fixTotals === true);
  if (!options.allowBlank) {
    const blanks: DataProblem[] = [];
    for (const [tableId, table] of Object.entries(data.tables) as Array<[keyof ReportData['tables'], TableData]>) {
      for (const row of format.tables[tableId].rows) {
        for (const column of row.columns) {
          if (table[row.id]?.[column] !== null) continue;
          // A total that is blank only because a part is blank is not a fault of its own.
          if (!given(tableId, row.id, column)) continue;
          blanks.push({
            path: `tables.${tableId}.${row.id}.${column}`,
            pointer: `/tables/${tableId}/${row.id}/${column}`,
            table: tableId,
            kind: 'blank',
            severity: 'error',
            message: localize(locale, {
              zh: `“${label(format, tableId, row.id, column)}”为空白：每个单元格都要填数字，没有发生的填 0（确需留空时用 --allow-blank）。`,
              en: `“${label(format, tableId, row.id, column)}” is blank: every cell needs a number, 0 where nothing happened (--allow-blank to render blanks).`,
            }),
          });
        }
      }
    }
    problems.push(...(options.countBlanks === true ? countBlanks(format, blanks, locale) : blanks));
  }
  problems.push(...identityProblems(format, data, locale));
  const errors = problems.filter((p) => p.severity === 'error');
  return errors.length > 0 ? { problems, computed } : { data, problems, computed };
}
