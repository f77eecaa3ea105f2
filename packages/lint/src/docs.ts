/**
 * The rule docs (docs/rules/<id>.md) as text, generated from each rule's metadata and examples — the
 * examples are run, so the findings shown are the linter's own output.
 */
import { parseReport } from '@nianbao/parse';
import { suppressionComment } from './directives.js';
import { lint } from './engine.js';
import { RULES } from './registry.js';
import type { Locale, Rule, RuleExample } from './types.js';

export const GENERATED_NOTICE = '<!-- 本页由 scripts/generate.mjs 依据规则元数据生成，请勿手改。Generated from the rule metadata by scripts/generate.mjs: do not edit. -->';

const WORDS = {
  zh: {
    severity: '默认级别',
    fixable: '可自动修复',
    yes: '是（`nianbao lint --fix`、编辑器快速修复）',
    no: '否',
    options: '选项',
    none: '无',
    details: '说明',
    examples: '示例',
    bad: '有问题',
    good: '没有问题',
    findings: '检查结果',
    noFindings: '（无）',
    fixed: '修复后',
    previous: '上一年度报告',
    config: '配置',
    configText: '在 `.nianbaorc.json` 中调整级别或关闭：',
    suppress: '对个别位置，可在其上一行写明理由后忽略：',
    colon: '：',
    reasonPlaceholder: '理由：…',
  },
  en: {
    severity: 'Default severity',
    fixable: 'Fixable',
    yes: 'yes (`nianbao lint --fix`, editor quick fix)',
    no: 'no',
    options: 'Options',
    none: 'none',
    details: 'Details',
    examples: 'Examples',
    bad: 'flagged',
    good: 'clean',
    findings: 'Findings',
    noFindings: '(none)',
    fixed: 'After the fix',
    previous: "Last year's report",
    config: 'Configuration',
    configText: 'Change the severity or turn the rule off in `.nianbaorc.json`:',
    suppress: 'Suppress one place, with the reason, on the line above it:',
    colon: ': ',
    reasonPlaceholder: 'reason: …',
  },
} as const;

function fence(text: string): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `\`\`\`markdown\n${body.replace(/\t/gu, '→')}\`\`\``;
}

function exampleSection(rule: Rule, example: RuleExample, locale: Locale): string {
  const w = WORDS[locale];
  const previous = example.previous !== undefined ? { document: parseReport(example.previous, { fileName: 'previous.md' }), file: 'previous.md' } : undefined;
  const findings = lint(parseReport(example.input, { fileName: 'example.md' }), {
    only: [rule.meta.id],
    locale,
    ...(previous ? { previous } : {}),
    ...(example.agencyKind ? { agencyKind: example.agencyKind } : {}),
    ...(example.options ? { rules: { [rule.meta.id]: [rule.meta.severity, example.options] as [typeof rule.meta.severity, Record<string, unknown>] } } : {}),
  });
  const mark = example.findings.length > 0 ? `✗ ${w.bad}` : `✓ ${w.good}`;
  const lines = [`### ${mark}${w.colon}${example.title[locale]}`, ''];
  if (example.agencyKind) lines.push(`（${example.agencyKind}）`, '');
  if (example.options) lines.push(`${w.options}${w.colon}\`${JSON.stringify(example.options)}\``, '');
  if (example.previous !== undefined) lines.push(`${w.previous}${w.colon}`, '', fence(example.previous), '');
  lines.push(fence(example.input), '', `${w.findings}${w.colon}`, '');
  if (findings.length === 0) lines.push(w.noFindings);
  else for (const d of findings) lines.push(`- \`${d.line}:${d.column}\` ${d.severity} — ${d.message}`);
  if (example.fixed !== undefined) lines.push('', `${w.fixed}${w.colon}`, '', fence(example.fixed));
  return lines.join('\n');
}

function half(rule: Rule, locale: Locale): string {
  const w = WORDS[locale];
  const m = rule.meta;
  const lines = [
    `${m.description[locale]}`,
    '',
    `- ${w.severity}${w.colon}\`${m.severity}\``,
    `- ${w.fixable}${w.colon}${m.fixable ? w.yes : w.no}`,
    `- ${w.options}${w.colon}${m.optionsSchema ? `\`${JSON.stringify(m.defaultOptions ?? {})}\`` : w.none}`,
  ];
  if (m.optionsSchema) lines.push('', '```json', JSON.stringify(m.optionsSchema, null, 2), '```');
  if (m.details) lines.push('', `## ${w.details}`, '', m.details[locale]);
  lines.push('', `## ${w.examples}`, '');
  for (const example of m.examples) lines.push(exampleSection(rule, example, locale), '');
  lines.push(
    `## ${w.config}`,
    '',
    w.configText,
    '',
    '```json',
    `{ "rules": { "${m.id}": "${m.severity === 'error' ? 'warning' : 'off'}" } }`,
    '```',
    '',
    w.suppress,
    '',
    '```markdown',
    suppressionComment(m.id, w.reasonPlaceholder).text,
    '```',
  );
  return lines.join('\n');
}

/** The doc page of one rule: Chinese first, then English. */
export function ruleDocPage(rule: Rule): string {
  return [GENERATED_NOTICE, '', `# \`${rule.meta.id}\``, '', half(rule, 'zh'), '', '---', '', '# English', '', half(rule, 'en'), ''].join('\n').replace(/\n{3,}/gu, '\n\n');
}

/** The index of all rules (docs/rules/README.md). */
export function rulesIndexPage(rules: readonly Rule[] = RULES): string {
  const rows = rules.map((r) => `| [\`${r.meta.id}\`](${r.meta.id}.md) | ${r.meta.description.zh} | ${r.meta.description.en} | ${r.meta.severity} | ${r.meta.fixable ? '✓' : ''} |`);
  return [
    GENERATED_NOTICE,
    '',
    '# 规则 / Rules',
    '',
    '| id | 检查内容 | What it finds | 默认 default | 修复 fix |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    '`internal-error`：某条规则运行出错时的替代结果，其他规则照常运行。 / Stands for a rule that crashed; the others still run.',
    '',
  ].join('\n');
}

/** The page `internal-error` findings link to. */
export function internalErrorPage(): string {
  return [
    GENERATED_NOTICE,
    '',
    '# `internal-error`',
    '',
    '某条规则在检查这份报告时出错。nianbao 不会因此中断：这条规则的检查没有完成，其他规则的结果照常给出。这是 nianbao 的缺陷，请把报告文件（或能重现问题的片段）和 `nianbao --version` 的输出报告给维护者。',
    '',
    '---',
    '',
    '## English',
    '',
    "A rule crashed while checking this report. nianbao does not stop: that rule's check was not done, and every other rule's findings stand. This is a bug in nianbao: please report it with the report file (or a fragment that reproduces it) and the output of `nianbao --version`.",
    '',
  ].join('\n');
}
