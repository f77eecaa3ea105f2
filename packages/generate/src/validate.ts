/**
 * Validation of report data before rendering: the JSON Schema (ajv), then what a schema cannot say —
 * the format that fits the year, blank cells, and the identities of format.md §6. Totals left out are
 * computed; a total given and wrong is an error naming its parts (`fixTotals` recomputes it instead).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import {
  FORMATS,
  formatYearFor,
  evaluate,
  identityPlaces,
  placeLabel,
  localize,
  reportDataSchema,
  termCell,
  termLabel,
  totalIdentities,
  type CellValue,
  type FormatSpec,
  type Locale,
  type ReportData,
  type TableData,
} from '@nianbao/format';

export type { Locale };

export interface DataProblem {
  /** Where, as a dotted path into the data (`tables.applications.newReceived.total`). */
  path: string;
  message: string;
  severity: 'error' | 'warning';
  kind: 'json' | 'schema' | 'key' | 'format' | 'blank' | 'total' | 'identity';
}

export interface ValidateOptions {
  locale?: Locale;
  /** Render blank cells instead of refusing them. */
  allowBlank?: boolean;
  /** Recompute totals that are given but wrong, instead of reporting them. */
  fixTotals?: boolean;
}

export interface Validated {
  /** The data with every total filled in, when there is no error. */
  data?: ReportData;
  problems: DataProblem[];
  /** Paths of the totals that were computed (left out, or recomputed with fixTotals). */
  computed: string[];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
let validateSchema: ValidateFunction | undefined;

function dotted(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/gu, '/').replace(/~0/gu, '~'));
  return parts.length === 0 ? '（根）' : parts.join('.');
}

function valueAt(raw: unknown, pointer: string): unknown {
  let v: unknown = raw;
  for (const part of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part.replace(/~1/gu, '/').replace(/~0/gu, '~')];
  }
  return v;
}

/** Own keys that would reach an object's prototype if someone merged this data carelessly. */
function forbiddenKeys(raw: unknown, path: string[], out: DataProblem[], locale: Locale): void {
  if (raw === null || typeof raw !== 'object') return;
  for (const key of Object.keys(raw)) {
    const here = [...path, key];
    if (FORBIDDEN_KEYS.has(key)) {
      out.push({
        path: here.join('.'),
        kind: 'key',
        severity: 'error',
        message: localize(locale, { zh: `不允许使用键“${key}”：请删除它。`, en: `The key “${key}” is not allowed: remove it.` }),
      });
      continue;
    }
    forbiddenKeys((raw as Record<string, unknown>)[key], here, out, locale);
  }
}

function schemaMessage(e: ErrorObject, raw: unknown, locale: Locale): DataProblem {
  const found = valueAt(raw, e.instancePath);
  const shown = found === undefined ? localize(locale, { zh: '（无）', en: '(none)' }) : JSON.stringify(found);
  const params = e.params as Record<string, unknown>;
  let path = dotted(e.instancePath);
  let message: string;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      path = path === '（根）' ? key : `${path}.${key}`;
      message = localize(locale, { zh: `未知的键“${key}”：格式中没有这一项，请检查拼写或删除。`, en: `Unknown key “${key}”: the format has no such item; check its spelling or remove it.` });
      break;
    }
    case 'required': {
      const key = String(params['missingProperty']);
      path = path === '（根）' ? key : `${path}.${key}`;
      message = localize(locale, { zh: `缺少“${key}”：请补上（空白单元格写 null）。`, en: `“${key}” is missing: add it (null for a blank cell).` });
      break;
    }
    case 'type':
      message = localize(locale, { zh: `实为 ${shown}，应为 ${String(params['type'])} 类型。`, en: `is ${shown}; expected type ${String(params['type'])}.` });
      break;
    case 'minimum':
      message = localize(locale, { zh: `实为 ${shown}，不能小于 ${String(params['limit'])}。`, en: `is ${shown}; must not be below ${String(params['limit'])}.` });
      break;
    case 'enum':
      message = localize(locale, {
        zh: `实为 ${shown}，应为以下之一：${((params['allowedValues'] as unknown[]) ?? []).map((v) => JSON.stringify(v)).join('、')}。`,
        en: `is ${shown}; expected one of ${((params['allowedValues'] as unknown[]) ?? []).map((v) => JSON.stringify(v)).join(', ')}.`,
      });
      break;
    case 'pattern':
      message = localize(locale, { zh: `实为 ${shown}，格式不对（日期写作 YYYY-MM-DD，邮编为 6 位数字）。`, en: `is ${shown}; wrong form (dates are YYYY-MM-DD, postcodes 6 digits).` });
      break;
    default:
      message = localize(locale, { zh: `实为 ${shown}：${e.message ?? e.keyword}。`, en: `is ${shown}: ${e.message ?? e.keyword}.` });
  }
  return { path, message, severity: 'error', kind: 'schema' };
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

/** The problem of a formatYear that does not fit the reportYear, when both are well-formed. */
function formatMisfit(raw: unknown, locale: Locale): DataProblem | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const { reportYear, formatYear } = raw as { reportYear?: unknown; formatYear?: unknown };
  if (typeof reportYear !== 'number' || !Number.isInteger(reportYear) || (formatYear !== 2019 && formatYear !== 2021)) return undefined;
  const expected = formatYearFor(reportYear);
  if (formatYear === expected) return undefined;
  return {
    path: 'formatYear',
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
  validateSchema ??= new Ajv({ allErrors: true, strict: false }).compile(reportDataSchema());
  if (!validateSchema(raw)) {
    const errors = (validateSchema.errors ?? []).filter((e) => e.keyword !== 'if');
    const seen = new Set<string>();
    for (const e of errors) {
      const p = schemaMessage(e, raw, locale);
      const key = `${p.path} ${p.message}`;
      if (FORBIDDEN_KEYS.has(p.path.split('.').pop() ?? '') || seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
  }
  if (problems.length > 0) return { problems, computed: [] };
  const data = structuredClone(raw) as ReportData;
  const format = FORMATS[data.formatYear];
  const rawTables = (raw as { tables: Record<string, Record<string, Record<string, unknown>>> }).tables;
  const given = (table: string, row: string, column: string): boolean => rawTables[table]?.[row]?.[column] !== undefined;
  const computed = computeTotals(format, data, given, options.fixTotals === true);
  if (!options.allowBlank) {
    for (const [tableId, table] of Object.entries(data.tables) as Array<[keyof ReportData['tables'], TableData]>) {
      for (const row of format.tables[tableId].rows) {
        for (const column of row.columns) {
          if (table[row.id]?.[column] !== null) continue;
          // A total that is blank only because a part is blank is not a fault of its own.
          if (!given(tableId, row.id, column)) continue;
          problems.push({
            path: `tables.${tableId}.${row.id}.${column}`,
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
  }
  problems.push(...identityProblems(format, data, locale));
  const errors = problems.filter((p) => p.severity === 'error');
  return errors.length > 0 ? { problems, computed } : { data, problems, computed };
}
