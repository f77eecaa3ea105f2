import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { AGENCY_KINDS, localize, type AgencyKind, type JsonSchema } from '@nianbao/format';
import { RULES } from './registry.js';
import type { Locale, Rule, RuleSetting } from './types.js';

/** `.nianbaorc.json`: found by walking up from the report; everything optional. */
export interface NianbaoConfig {
  $schema?: string;
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

const SEVERITIES = ['error', 'warning', 'info', 'off'];

function ruleSettingSchema(rule: Rule): JsonSchema {
  const severity = { enum: SEVERITIES, description: '级别：error、warning、info，或 off（关闭）' };
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
      locale: { enum: ['zh', 'en'], description: '提示语言：zh（默认）或 en' },
      agencyKind: { enum: [...AGENCY_KINDS], description: '机关类别：部门、人民政府（县级以上人民政府本级报告）或乡镇街道；决定发布时限。未设置时按报告标题判断。' },
      previousReport: { type: 'string', description: '上一年度报告的路径（相对于本配置文件），或 auto：在同一文件夹中按机关名称和年份自动配对' },
      docsBaseUrl: { type: 'string', description: '规则文档的发布地址；默认指向所安装的 nianbao 中的文档' },
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
            reason: { type: 'string', minLength: 2, pattern: '[^\\s.。…]', description: '理由：为什么这里不是问题' },
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

let compiled: ValidateFunction | undefined;

function explain(e: ErrorObject, locale: Locale): string {
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      return localize(locale, { zh: `未知的设置项“${key}”`, en: `unknown setting “${key}”` });
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join('、');
      return localize(locale, { zh: `应为以下之一：${allowed}`, en: `must be one of ${allowed}` });
    }
    case 'type': {
      const type = String((e.params as { type: string }).type);
      return localize(locale, { zh: `类型应为 ${type}`, en: `must be of type ${type}` });
    }
    default:
      return e.message ?? e.keyword;
  }
}

/**
 * Checks a parsed `.nianbaorc.json` against the schema and each rule's option schema (ESLint's way).
 * Returns the problems, most specific first; an empty list means the configuration can be used.
 */
export function validateConfig(raw: unknown, locale: Locale = 'zh'): ConfigProblem[] {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(configSchema());
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
    if (enumError && wantsArray) {
      problems.push({ path, message: `${explain(enumError, locale)}${localize(locale, { zh: '，或 [级别, 选项]', en: ', or [severity, options]' })}` });
      continue;
    }
    for (const message of new Set(list.map((e) => explain(e, locale)))) problems.push({ path, message });
  }
  return problems;
}
