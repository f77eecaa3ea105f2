/**
 * The report-data schema's errors (ajv's ErrorObject, from the precompiled validator) in words the people
 * who fill in a data file act on: what was found, what belongs there and how to write it, in Chinese or
 * English. A misspelt key is named with the key it most likely means; the keys and their Chinese titles
 * come from the schema, which comes from the format data.
 */
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { formatYearFor, isFormatYear, localize, reportDataSchema, type JsonSchema, type Locale } from '@nianbao/format';

/** One schema problem: its dotted path, its JSON pointer and the message. */
export interface SchemaProblem {
  path: string;
  pointer: string;
  message: string;
}

type Pair = { zh: string; en: string };

const TYPE_WORDS: Record<string, Pair> = {
  integer: { zh: '整数', en: 'a whole number' },
  number: { zh: '数字', en: 'a number' },
  string: { zh: '字符串（用英文双引号）', en: 'a string (in double quotes)' },
  boolean: { zh: 'true 或 false（不加引号）', en: 'true or false (no quotes)' },
  object: { zh: '对象 { … }', en: 'an object { … }' },
  array: { zh: '数组 [ … ]', en: 'an array [ … ]' },
  null: { zh: 'null（空白）', en: 'null (blank)' },
};

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const POSTCODE_PATTERN = '^\\d{6}$';
const FULL_WIDTH_NUMBER = /^[０-９]+(?:．[０-９]+)?$/u;

export function segments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map((p) => p.replace(/~1/gu, '/').replace(/~0/gu, '~'));
}

function pointerOf(parts: readonly string[]): string {
  return parts.map((p) => `/${p.replace(/~/gu, '~0').replace(/\//gu, '~1')}`).join('');
}

export function dottedOf(parts: readonly string[]): string {
  return parts.length === 0 ? '（根）' : parts.join('.');
}

function valueAt(raw: unknown, parts: readonly string[]): unknown {
  let v: unknown = raw;
  for (const part of parts) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

let schema: JsonSchema | undefined;

/**
 * The schema of the value at `parts`, from the schema as written (titles included): the tables by the
 * format the data names, or the one its year uses.
 */
function schemaAt(raw: unknown, parts: readonly string[]): JsonSchema | undefined {
  schema ??= reportDataSchema();
  const top = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const year = isFormatYear(top['formatYear']) ? top['formatYear'] : typeof top['reportYear'] === 'number' && Number.isInteger(top['reportYear']) ? formatYearFor(top['reportYear']) : 2021;
  let here: JsonSchema | undefined = schema;
  for (const [i, part] of parts.entries()) {
    if (i === 0 && part === 'tables') {
      here = (schema['definitions'] as Record<string, JsonSchema>)[`tables${year}`];
      continue;
    }
    const properties = here?.['properties'] as Record<string, JsonSchema> | undefined;
    here = properties && Object.hasOwn(properties, part) ? properties[part] : undefined;
  }
  return here;
}

function keysAt(raw: unknown, parts: readonly string[]): string[] {
  const properties = schemaAt(raw, parts)?.['properties'];
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}

/** A key with its Chinese title, when the schema gives one: `naturalPerson`（自然人）. */
function named(raw: unknown, parts: readonly string[], locale: Locale): string {
  const key = parts[parts.length - 1] ?? '';
  const title = schemaAt(raw, parts)?.['title'];
  return typeof title === 'string' ? localize(locale, { zh: `“${key}”（${title}）`, en: `“${key}” (${title})` }) : `“${key}”`;
}

/** The key a misspelt one most likely means: close in spelling, or differing in case only. */
function likelyKey(key: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const byCase = candidates.find((c) => c.toLowerCase() === key.toLowerCase());
  if (byCase !== undefined) return byCase;
  const best = closest(key, [...candidates]);
  // A third of the key's length, two edits at least for a key of four letters or more (a swap such as
  // `titel` is two): `naturalPersons`, `comercial`, `titel` yes; `remarks` for `title` no.
  const allowed = Math.max(best.length >= 4 ? 2 : 1, Math.floor(best.length / 3));
  return distance(key, best) <= allowed ? best : undefined;
}

function shown(value: unknown, locale: Locale): string {
  return value === undefined ? localize(locale, { zh: '（无）', en: '(none)' }) : JSON.stringify(value);
}

function typeMessage(value: unknown, types: string[], locale: Locale): string {
  const wanted = types.map((t) => localize(locale, TYPE_WORDS[t] ?? { zh: t, en: t }));
  // 整数或 null: a space where Chinese meets a Latin word, as the rest of the messages write it.
  const joined = wanted.join(localize(locale, { zh: '或', en: ' or ' })).replace(/或(?=[A-Za-z])/gu, '或 ');
  const expected = localize(locale, { zh: /^[A-Za-z]/u.test(joined) ? ` ${joined}` : joined, en: joined });
  const numeric = types.includes('integer') || types.includes('number');
  if (numeric && typeof value === 'string') {
    const text = value.trim();
    if (text === '') return localize(locale, { zh: `实为空字符串 ""，应为${expected}：空白单元格写 null，没有发生的写 0。`, en: `is the empty string ""; expected ${expected}: null for a blank cell, 0 where nothing happened.` });
    if (FULL_WIDTH_NUMBER.test(text)) {
      const ascii = text.replace(/[０-９．]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
      return localize(locale, { zh: `实为 ${JSON.stringify(value)}（全角数字，加了引号），应为${expected}：请写作半角数字 ${ascii}，不加引号。`, en: `is ${JSON.stringify(value)} (full-width digits in quotes); expected ${expected}: write ${ascii}, without quotes.` });
    }
    if (/^-?\d+(?:\.\d+)?$/u.test(text)) {
      return localize(locale, { zh: `实为字符串 ${JSON.stringify(value)}，应为${expected}：去掉引号，写作 ${text}。`, en: `is the string ${JSON.stringify(value)}; expected ${expected}: drop the quotes and write ${text}.` });
    }
  }
  if (types.includes('integer') && typeof value === 'number' && !Number.isInteger(value)) {
    return localize(locale, { zh: `实为 ${value}，应为${expected}：件数没有小数。`, en: `is ${value}; expected ${expected}: a count has no decimals.` });
  }
  return localize(locale, { zh: `实为 ${shown(value, locale)}，应为${expected}。`, en: `is ${shown(value, locale)}; expected ${expected}.` });
}

function patternMessage(value: unknown, pattern: string, locale: Locale): string {
  const found = shown(value, locale);
  if (pattern === DATE_PATTERN) return localize(locale, { zh: `实为 ${found}，日期应写作 YYYY-MM-DD（四位年、两位月、两位日），如 "2024-01-20"。`, en: `is ${found}; a date is written YYYY-MM-DD, e.g. "2024-01-20".` });
  if (pattern === POSTCODE_PATTERN) return localize(locale, { zh: `实为 ${found}，邮编应为 6 位数字，如 "150001"。`, en: `is ${found}; a postcode is 6 digits, e.g. "150001".` });
  return localize(locale, { zh: `实为 ${found}，写法不对（应符合 ${pattern}）。`, en: `is ${found}; not written as expected (${pattern}).` });
}

function describe(e: ErrorObject, raw: unknown, parts: string[], locale: Locale): string {
  const params = e.params as Record<string, unknown>;
  const value = valueAt(raw, parts);
  switch (e.keyword) {
    case 'type':
      if (parts.length === 0) return localize(locale, { zh: `数据文件应为一个对象 { … }，实为 ${shown(value, locale)}。`, en: `a data file is an object { … }, not ${shown(value, locale)}.` });
      return typeMessage(value, String(params['type']).split(','), locale);
    case 'minimum':
    case 'exclusiveMinimum':
      return localize(locale, { zh: `实为 ${shown(value, locale)}，不能小于 ${String(params['limit'])}。`, en: `is ${shown(value, locale)}; must not be below ${String(params['limit'])}.` });
    case 'maximum':
    case 'exclusiveMaximum':
      return localize(locale, { zh: `实为 ${shown(value, locale)}，不能大于 ${String(params['limit'])}。`, en: `is ${shown(value, locale)}; must not be above ${String(params['limit'])}.` });
    case 'enum': {
      const allowed = ((params['allowedValues'] as unknown[] | undefined) ?? []).map((v) => JSON.stringify(v));
      return localize(locale, { zh: `实为 ${shown(value, locale)}，应为以下之一：${allowed.join('、')}。`, en: `is ${shown(value, locale)}; expected one of ${allowed.join(', ')}.` });
    }
    case 'const':
      return localize(locale, { zh: `实为 ${shown(value, locale)}，应为 ${JSON.stringify(params['allowedValue'])}。`, en: `is ${shown(value, locale)}; expected ${JSON.stringify(params['allowedValue'])}.` });
    case 'pattern':
      return patternMessage(value, String(params['pattern']), locale);
    case 'format':
      return localize(locale, { zh: `实为 ${shown(value, locale)}，不是有效的 ${String(params['format'])}。`, en: `is ${shown(value, locale)}; not a valid ${String(params['format'])}.` });
    case 'minLength':
      return localize(locale, { zh: `实为 ${shown(value, locale)}，太短：至少 ${String(params['limit'])} 个字。`, en: `is ${shown(value, locale)}: too short, at least ${String(params['limit'])} characters.` });
    case 'maxLength':
      return localize(locale, { zh: `实为 ${shown(value, locale)}，太长：至多 ${String(params['limit'])} 个字。`, en: `is ${shown(value, locale)}: too long, at most ${String(params['limit'])} characters.` });
    default:
      return localize(locale, { zh: `实为 ${shown(value, locale)}，不符合数据格式的要求（${e.keyword}）。`, en: `is ${shown(value, locale)}: not what the data format allows (${e.keyword}).` });
  }
}

/** What to say of an unknown key: the missing key it misspells, a key it may mean, or neither. */
function unknownKey(e: ErrorObject, raw: unknown, absent: readonly string[], locale: Locale): { message: string; respells?: string } {
  const parent = segments(e.instancePath);
  const key = String((e.params as Record<string, unknown>)['additionalProperty']);
  const object = valueAt(raw, parent);
  const unused = keysAt(raw, parent).filter((k) => object === null || typeof object !== 'object' || !Object.hasOwn(object, k));
  const respelt = likelyKey(key, absent);
  if (respelt !== undefined) {
    const right = [...parent, respelt];
    return { respells: respelt, message: localize(locale, { zh: `键“${key}”应为${named(raw, right, 'zh')}：请改正拼写。`, en: `The key “${key}” should be ${named(raw, right, 'en')}: correct its spelling.` }) };
  }
  const meant = likelyKey(key, unused);
  if (meant !== undefined) {
    const right = [...parent, meant];
    return { message: localize(locale, { zh: `未知的键“${key}”：是不是${named(raw, right, 'zh')}？请改正拼写或删除。`, en: `Unknown key “${key}”: did you mean ${named(raw, right, 'en')}? Correct its spelling or remove it.` }) };
  }
  return { message: localize(locale, { zh: `未知的键“${key}”：格式中没有这一项，请检查拼写或删除。`, en: `Unknown key “${key}”: the format has no such item; check its spelling or remove it.` }) };
}

/**
 * The schema's errors as problems, one per fault, in ajv's order: an unknown key that misspells a
 * missing one is said once, at the misspelt key, instead of as an unknown key and a missing one.
 */
export function schemaProblems(errors: readonly ErrorObject[], raw: unknown, locale: Locale): SchemaProblem[] {
  const relevant = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'allOf');
  const missing = new Map<string, string[]>();
  for (const e of relevant) {
    if (e.keyword === 'required') missing.set(e.instancePath, [...(missing.get(e.instancePath) ?? []), String((e.params as Record<string, unknown>)['missingProperty'])]);
  }
  // Decided before anything is said, so that a missing key a misspelling accounts for is not said at all.
  const respelt = new Set<string>();
  const unknown = new Map<ErrorObject, string>();
  for (const e of relevant) {
    if (e.keyword !== 'additionalProperties') continue;
    const absent = (missing.get(e.instancePath) ?? []).filter((k) => !respelt.has(`${e.instancePath}/${k}`));
    const said = unknownKey(e, raw, absent, locale);
    if (said.respells !== undefined) respelt.add(`${e.instancePath}/${said.respells}`);
    unknown.set(e, said.message);
  }
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of relevant) {
    const parts = segments(e.instancePath);
    let at = parts;
    let message: string;
    if (e.keyword === 'additionalProperties') {
      at = [...parts, String((e.params as Record<string, unknown>)['additionalProperty'])];
      message = unknown.get(e)!;
    } else if (e.keyword === 'required') {
      const key = String((e.params as Record<string, unknown>)['missingProperty']);
      if (respelt.has(`${e.instancePath}/${key}`)) continue;
      at = [...parts, key];
      message = localize(locale, { zh: `缺少${named(raw, at, 'zh')}：请补上（空白单元格写 null）。`, en: `${named(raw, at, 'en')} is missing: add it (null for a blank cell).` });
    } else {
      message = describe(e, raw, parts, locale);
    }
    const key = `${pointerOf(at)} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: dottedOf(at), pointer: pointerOf(at), message });
  }
  return out;
}
