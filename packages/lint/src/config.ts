// Types only: the validator is ajv's standalone code, generated at build time (no ajv at run time).
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { AGENCY_KINDS, localize, type AgencyKind, type JsonSchema } from '@nianbao/format';
import { validate as precompiled } from './config-validator.generated.js';
import { RULES } from './registry.js';
import type { Locale, Rule, RuleSetting } from './types.js';

/** `.nianbaorc.json`: found by walking up from the report; everything optional. */
export interface NianbaoConfig {
  $schema?: string;
  /** The top of the project: no configuration above this folder applies (the search also stops at a repository's root). */
  root?: boolean;
  locale?: Locale;
  /** The agency's kind, when the title does not tell (sets the publication deadline). */
  agencyKind?: AgencyKind;
  /** Last year's report: a path relative to this file, or `auto` to pair by agency and year in the folder. */
  previousReport?: string;
  /** Where rule docs are published, if not in the installed package. */
  docsBaseUrl?: string;
  rules?: Record<string, RuleSetting>;
  /**
   * Findings to suppress in files that cannot hold a comment (.docx, PDF): per file (a path relative to
   * this configuration) and rule, each with the reason a reviewer reads.
   */
  suppressions?: FileSuppression[];
}

export interface FileSuppression {
  /** The report file, relative to the configuration file. */
  file: string;
  rule: string;
  reason: string;
}

// `warn` as ESLint and markdownlint users write it: the same as `warning`.
const SEVERITIES = ['error', 'warning', 'warn', 'info', 'off'];

/**
 * What a value refused by its schema's `pattern` should be, in both languages: the schema carries it (as
 * `x-message`, with `patternErrorMessage` for editors, which show that property), so that a rule's option
 * says what it wants where the option is defined.
 */
interface PatternMessage {
  zh: string;
  en: string;
}

/** A string schema with a pattern and what to say when a value does not match it. */
function patternString(pattern: string, description: string, message: PatternMessage, extra: JsonSchema = {}): JsonSchema {
  return { type: 'string', pattern, description, patternErrorMessage: message.zh, 'x-message': message, ...extra };
}

/** `http://` or `https://`, a host, and no query or fragment (rule pages are appended to it). */
const DOCS_BASE_URL = '^https?://[^\\s/?#@]+(?:/[^\\s?#]*)?$';
/** A path (no NUL), or `auto`, but not `Auto` or `AUTO`, which would be taken for a file's name. */
const PREVIOUS_REPORT = '^(?:auto|(?![Aa][Uu][Tt][Oo]$)[^\\u0000]+)$';

function ruleSettingSchema(rule: Rule): JsonSchema {
  const severity = { enum: SEVERITIES, description: '级别：error、warning（也可写作 warn）、info，或 off（关闭）' };
  const options = rule.meta.optionsSchema ?? { type: 'object', additionalProperties: false, properties: {} };
  return {
    description: `${rule.meta.description.zh}（默认 ${rule.meta.severity}）`,
    oneOf: [severity, { type: 'array', minItems: 1, maxItems: 2, items: [severity, options], additionalItems: false }],
  };
}

/**
 * The JSON Schema of `.nianbaorc.json`, built from the rules' metadata (so a new rule and its options
 * appear in editors' completion without anyone writing schema by hand).
 */
export function configSchema(rules: readonly Rule[] = RULES): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'nianbao 配置（.nianbaorc.json）',
    description: '政府信息公开工作年度报告检查的配置：规则级别与选项、机关类别、上年报告等。本文件由 scripts/generate.mjs 依据规则元数据生成，请勿手改。',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'JSON Schema 地址' },
      root: {
        type: 'boolean',
        description: '为 true 时本文件夹是项目的顶层：不再向上查找配置（向上查找也总是停在 Git 仓库的根文件夹，即含有 .git 的文件夹）',
      },
      locale: { enum: ['zh', 'en'], description: '提示语言：zh（默认）或 en' },
      agencyKind: { enum: [...AGENCY_KINDS], description: '机关类别：部门、人民政府（县级以上人民政府本级报告）或乡镇街道；决定发布时限。未设置时按报告标题判断。' },
      previousReport: patternString(PREVIOUS_REPORT, '上一年度报告的路径（相对于本配置文件），或 auto：在同一文件夹中按机关名称和年份自动配对', {
        zh: '应为上一年度报告的路径（相对于本配置文件），或小写的 auto（自动配对）',
        en: 'must be the path of last year’s report (relative to this file), or auto in lower case (pair automatically)',
      }),
      docsBaseUrl: patternString(DOCS_BASE_URL, '规则文档的发布地址（http:// 或 https://，不带 ? 和 #）；默认指向所安装的 nianbao 中的文档', {
        zh: '应为 http:// 或 https:// 开头的网址，不带 ? 或 #（规则页 <规则>.md 接在它后面），如 "https://example.gov.cn/nianbao/rules"',
        en: 'must be an http:// or https:// address without ? or # (each rule’s page <rule>.md is appended to it), e.g. "https://example.gov.cn/nianbao/rules"',
      }),
      suppressions: {
        type: 'array',
        description: '不能写注释的文件（.docx、PDF）中要忽略的问题：每项写明文件（相对于本配置文件）、规则和理由（必填，审核人员会看到）',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['file', 'rule', 'reason'],
          properties: {
            file: { type: 'string', minLength: 1, description: '报告文件，相对于本配置文件' },
            rule: { enum: rules.map((r) => r.meta.id), description: '规则' },
            reason: patternString('[^\\s.。…]', '理由：为什么这里不是问题', { zh: '应写明理由：为什么这里不是问题', en: 'must give the reason: why this is not a problem' }, { minLength: 2 }),
          },
        },
      },
      rules: {
        type: 'object',
        description: '各规则的级别与选项，如 "placeholder": "off" 或 "publish-deadline": ["error", { … }]',
        additionalProperties: false,
        properties: Object.fromEntries(rules.map((r) => [r.meta.id, ruleSettingSchema(r)])),
      },
    },
  };
}

/** A problem in a configuration: where (a JSON path) and what, in words a user can act on. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** The precompiled validator's shape (the generated module is not type-checked). */
interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * `configSchema()` compiled by scripts/generate.mjs (verbose: a pattern's error carries its schema, whose
 * message it gives, and the value); `generate.mjs --check` fails when the rules change and it does not.
 */
const compiled = precompiled as unknown as SchemaValidator;

/** A JSON type in words. */
const TYPE_WORDS: Record<string, { zh: string; en: string }> = {
  string: { zh: '字符串（用英文双引号）', en: 'a string (in double quotes)' },
  boolean: { zh: '布尔值 true 或 false（不加引号）', en: 'true or false (no quotes)' },
  object: { zh: '对象 { … }', en: 'an object { … }' },
  array: { zh: '数组 [ … ]', en: 'an array [ … ]' },
  number: { zh: '数字', en: 'a number' },
  integer: { zh: '整数', en: 'an integer' },
};

/** The rule id a misspelt one most likely means (`row-totl` → `row-total`), if one is close enough. */
export function likelyRuleId(id: string, rules: readonly Rule[] = RULES): string | undefined {
  const ids = rules.map((r) => r.meta.id);
  const best = closest(id.toLowerCase(), ids);
  // A third of the id's length: a slip of the keyboard, not another rule's name.
  return best !== undefined && distance(id.toLowerCase(), best) <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

function didYouMean(suggestion: string | undefined, locale: Locale): string {
  return suggestion !== undefined ? localize(locale, { zh: `（是不是“${suggestion}”？）`, en: ` (did you mean “${suggestion}”?)` }) : '';
}

function explain(e: ErrorObject, locale: Locale): string {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      if (e.instancePath === '/rules') {
        return localize(locale, { zh: `没有名为“${key}”的规则${didYouMean(likelyRuleId(key), locale)}：请检查拼写，或删去它`, en: `there is no rule “${key}”${didYouMean(likelyRuleId(key), locale)}: check its spelling, or remove it` });
      }
      return localize(locale, { zh: `未知的设置项“${key}”：请检查拼写，或删去它`, en: `unknown setting “${key}”: check its spelling, or remove it` });
    }
    case 'enum': {
      // `warn` is accepted as an alias, not offered: the message names the one spelling to write.
      const allowed = ((params['allowedValues'] as unknown[] | undefined) ?? []).filter((v) => v !== 'warn').map((v) => JSON.stringify(v)).join('、');
      const rule = /^\/suppressions\/\d+\/rule$/u.test(e.instancePath) && typeof e.data === 'string' ? likelyRuleId(e.data) : undefined;
      if (rule !== undefined) return localize(locale, { zh: `没有名为“${String(e.data)}”的规则${didYouMean(rule, locale)}`, en: `there is no rule “${String(e.data)}”${didYouMean(rule, locale)}` });
      return localize(locale, { zh: `应为以下之一：${allowed}`, en: `must be one of ${allowed}` });
    }
    case 'type': {
      const words = String(params['type'])
        .split(',')
        .map((t) => localize(locale, TYPE_WORDS[t] ?? { zh: t, en: t }));
      return localize(locale, { zh: `应为${words.join('或')}`, en: `must be ${words.join(' or ')}` });
    }
    case 'pattern': {
      const message = (e.parentSchema as { 'x-message'?: PatternMessage } | undefined)?.['x-message'];
      const value = JSON.stringify(e.data);
      if (message) return localize(locale, { zh: `${value}：${message.zh}`, en: `${value}: ${message.en}` });
      return localize(locale, { zh: `${value} 的写法不对`, en: `${value} is not written as expected` });
    }
    case 'required': {
      const key = String(params['missingProperty']);
      return localize(locale, { zh: `缺少必填的“${key}”：请补上`, en: `“${key}” is required: add it` });
    }
    case 'minLength': {
      const limit = Number(params['limit']);
      return limit > 1
        ? localize(locale, { zh: `太短：至少要 ${limit} 个字`, en: `is too short: at least ${limit} characters` })
        : localize(locale, { zh: '不能为空：请填写，或删去这一项', en: 'must not be empty: fill it in, or remove the setting' });
    }
    case 'minItems':
    case 'maxItems':
    case 'additionalItems':
      return localize(locale, { zh: '应为 [级别] 或 [级别, 选项]', en: 'must be [severity] or [severity, options]' });
    default:
      return e.message ?? e.keyword;
  }
}

/**
 * Checks a parsed `.nianbaorc.json` against the schema and each rule's option schema (ESLint's way).
 * Returns the problems, most specific first; an empty list means the configuration can be used.
 */
export function validateConfig(raw: unknown, locale: Locale = 'zh'): ConfigProblem[] {
  if (compiled(raw)) return [];
  const errors = compiled.errors ?? [];
  // oneOf reports every branch; the deepest errors say what is actually wrong.
  const deepest = errors.filter((e) => e.keyword !== 'oneOf' && !errors.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`)));
  // A rule setting is a severity or [severity, options]: both branches fail for a wrong value, and say
  // so separately. Say it once, naming both forms.
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of deepest.length > 0 ? deepest : errors) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  const problems: ConfigProblem[] = [];
  for (const [pointer, list] of byPath) {
    const path = pointer === '' ? '/' : pointer;
    const enumError = list.find((e) => e.keyword === 'enum');
    const wantsArray = list.some((e) => e.keyword === 'type' && (e.params as { type?: string }).type === 'array');
    // An array of the wrong length fails both forms too: the severity's enum and the array's length.
    const wrongLength = list.some((e) => e.keyword === 'minItems' || e.keyword === 'maxItems' || e.keyword === 'additionalItems');
    if (enumError && (wantsArray || wrongLength)) {
      problems.push({ path, message: `${explain(enumError, locale)}${localize(locale, { zh: '，或 [级别, 选项]', en: ', or [severity, options]' })}` });
      continue;
    }
    for (const message of new Set(list.map((e) => explain(e, locale)))) problems.push({ path, message });
  }
  return problems;
}
