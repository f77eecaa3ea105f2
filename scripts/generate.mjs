#!/usr/bin/env node
// Writes every generated artifact from the format data and the rules' metadata: the JSON Schemas in
// schemas/, their precompiled validators (ajv standalone code, see standalone.mjs) and the rule docs in
// docs/rules/. With --check, writes nothing and fails when one is stale,
// so that CI catches a change to the format or a rule whose generated files were not regenerated.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FORMATS, reportDataSchema } from '@nianbao/format';
import { RULES, configSchema } from '@nianbao/lint';
import { ruleDocPage, rulesIndexPage, internalErrorPage } from '@nianbao/lint/docs';
import { standaloneValidator } from './standalone.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
const outputs = [
  { file: 'schemas/report-data.schema.json', text: () => json(reportDataSchema()) },
  { file: 'schemas/nianbaorc.schema.json', text: () => json(configSchema()) },
  {
    file: 'packages/generate/src/report-data-validator.generated.ts',
    text: () => standaloneValidator(reportDataSchema(), { source: 'schemas/report-data.schema.json' }),
  },
  {
    file: 'packages/lint/src/config-validator.generated.ts',
    // verbose: the configuration's messages read a pattern's own message from its schema, and the value.
    text: () => standaloneValidator(configSchema(), { source: 'schemas/nianbaorc.schema.json', verbose: true }),
  },
  { file: 'docs/rules/README.md', text: () => rulesIndexPage() },
  { file: 'docs/rules/internal-error.md', text: () => internalErrorPage() },
  ...RULES.map((rule) => ({ file: `docs/rules/${rule.meta.id}.md`, text: () => ruleDocPage(rule) })),
];

// The README's rule table, between its markers.
const README = 'README.md';
const readmeTable = () => {
  const rows = RULES.map((r) => `| [\`${r.meta.id}\`](docs/rules/${r.meta.id}.md) | ${r.meta.description.zh} | ${r.meta.description.en} | ${r.meta.severity} | ${r.meta.fixable ? '✓' : ''} |`);
  return ['<!-- rules:start -->', '| 规则 rule | 检查内容 | what it finds | 默认 default | 修复 fix |', '|---|---|---|---|---|', ...rows, '<!-- rules:end -->'].join('\n');
};
// The README's description of the data, field by field, from the schema's own titles.
const dataFields = () => {
  const schema = reportDataSchema();
  const rows = [];
  const walk = (props, prefix) => {
    for (const [key, p] of Object.entries(props)) {
      if (key === '$schema' || key === 'tables' || key === 'extractionIssues') continue;
      const path = prefix + key;
      const type = Array.isArray(p.type) ? p.type.join(' \\| ') : p.type ?? (p.enum ? p.enum.map((v) => JSON.stringify(v)).join(' \\| ') : '');
      rows.push(`| \`${path}\` | ${p.title ?? ''} | ${type} | ${(p.description ?? '').replace(/\|/gu, '\\|')} |`);
      if (p.properties && !['inForce', 'carriedForward'].includes(key)) walk(p.properties, `${path}.`);
    }
  };
  walk(schema.properties, '');
  const tables = Object.values(FORMATS[2021].tables).map((t) => {
    const cols = t.columns.map((c) => `\`${c.id}\` ${c.label}`).join('；');
    const rowsText = t.rows.map((r) => `\`${r.id}\` ${r.label}`).join('；');
    return `| \`tables.${t.id}\` | 表${t.numeral} ${t.title} | 行 rows：${rowsText} | 列 columns：${cols} |`;
  });
  const only2019 = Object.values(FORMATS[2019].tables).flatMap((t) =>
    t.rows.filter((r) => !FORMATS[2021].tables[t.id].rows.some((x) => x.id === r.id)).map((r) => `\`${t.id}.${r.id}\` ${r.label}`),
  );
  return [
    '<!-- data:start -->',
    '| 字段 field | 标题 title | 类型 type | 说明 description |',
    '|---|---|---|---|',
    ...rows,
    '',
    '表格单元格写作 `tables.<表>.<行>.<列>`，数字或 `null`（空白）。2021 年格式 / Table cells are `tables.<table>.<row>.<column>`, a number or `null` (blank). The 2021 format:',
    '',
    '| 表 table | 名称 | 行 rows | 列 columns |',
    '|---|---|---|---|',
    ...tables,
    '',
    `2019 年格式另有 / the 2019 format adds: ${only2019.join('；')}（表二的列另见 schema / see the schema for its Table 二 columns）。`,
    '<!-- data:end -->',
  ].join('\n');
};
const readmeText = readFileSync(root + README, 'utf8');
outputs.push({
  file: README,
  text: () =>
    readmeText
      .replace(/<!-- rules:start -->[\s\S]*?<!-- rules:end -->/u, readmeTable())
      .replace(/<!-- data:start -->[\s\S]*?<!-- data:end -->/u, dataFields()),
});

const check = process.argv.includes('--check');
let stale = 0;
for (const { file, text } of outputs) {
  const wanted = text();
  let current = '';
  try {
    current = readFileSync(root + file, 'utf8');
  } catch {
    // absent: written below, or reported as stale
  }
  if (current === wanted) continue;
  if (check) {
    console.error(`${file} 已过期：格式数据或规则变了，请运行 npm run gen 并提交结果。 (${file} is stale: run npm run gen and commit it.)`);
    stale++;
  } else {
    if (file.includes('/')) mkdirSync(root + file.replace(/\/[^/]+$/u, ''), { recursive: true });
    writeFileSync(root + file, wanted);
    console.log(`wrote ${file}`);
  }
}
// A doc page whose rule is gone is stale too.
const expected = new Set(outputs.map((o) => o.file));
for (const name of readdirSync(root + 'docs/rules')) {
  if (!name.endsWith('.md')) continue;
  if (!expected.has(`docs/rules/${name}`)) {
    console.error(`docs/rules/${name} 没有对应的规则，请删除。 (no rule has this page: delete it.)`);
    stale++;
  }
}
process.exit(stale > 0 ? 1 : 0);
