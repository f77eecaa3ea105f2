/**
 * Templates that fail loudly (issue 12, item 5): strict fields, syntax errors named at the user's file
 * and line, and a templates folder laid out as the built-in templates/, with every file it overrides or
 * leaves unused reported.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportData } from '@nianbao/format';
import { RenderError, generateReport, loadTemplates } from '@nianbao/generate';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const example = (): ReportData => JSON.parse(readFileSync(`${ROOT}schemas/report-data.example.json`, 'utf8')) as ReportData;

const folders: string[] = [];
afterEach(() => {
  while (folders.length > 0) rmSync(folders.pop()!, { recursive: true, force: true });
});
function templatesFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-strict-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function renderError(dir: string, data: ReportData = example()): RenderError {
  try {
    generateReport(data, { templatesDir: dir });
  } catch (error) {
    if (error instanceof RenderError) return error;
    throw error;
  }
  throw new Error('expected a RenderError');
}

describe('strict templates', () => {
  it('a misspelt field is an error naming the file, the line and the mustache', () => {
    const dir = templatesFolder({ 'report.md.hbs': '# {{title}}\n\n机关：{{agncy.name}}\n' });
    const error = renderError(dir);
    expect(error.file).toBe(`${dir}/report.md.hbs`);
    expect(error.reason).toBe(
      '第 3 行第 4 列的 {{agncy.name}} 用到了数据中没有的“agncy.name”（拼写有误？）：模板可用的数据见 templates/README.md；可有可无的项用 {{#if …}} 包起来 (line 3: {{agncy.name}} names nothing in the data)',
    );
  });

  it('the same in a partial names the partial, also in the shared/ layout', () => {
    const dir = templatesFolder({ 'shared/partials/signature.hbs': '{{agency}}\n{{publicationDat}}\n' });
    const error = renderError(dir);
    expect(error.file).toBe(`${dir}/shared/partials/signature.hbs`);
    expect(error.reason).toMatch(/^第 2 行第 1 列的 \{\{publicationDat\}\} 用到了数据中没有的“publicationDat”/u);
  });

  it('the built-in templates render every corpus data set strictly', () => {
    const expected = `${ROOT}test/fixtures/corpus/expected/`;
    const names = readdirSync(expected).filter((n) => n.endsWith('.json'));
    expect(names.length).toBeGreaterThan(4);
    let rendered = 0;
    for (const name of names) {
      const raw = JSON.parse(readFileSync(expected + name, 'utf8')) as Record<string, unknown>;
      delete raw['extractionIssues'];
      const result = generateReport(raw, { allowBlank: true, fixTotals: true });
      // Data the validator refuses never reaches the templates; what it accepts renders without a throw.
      if (result.ok) expect(result.markdown, name).toMatch(/政府信息公开工作年度报告/u);
      if (result.ok) rendered++;
    }
    expect(rendered).toBeGreaterThan(4);
  });
});

describe('syntax errors: the user’s file and line', () => {
  it('a syntax error in a partial the data never reaches is still found, at that partial', () => {
    const dir = templatesFolder({ 'partials/section-problems.hbs': '## {{sections.problems.heading}}\n\n{{#if nothing}}\n{{title}\n{{/if}}\n' });
    const error = renderError(dir);
    expect(error.file).toBe(`${dir}/partials/section-problems.hbs`);
    expect(error.reason).toMatch(/^第 4 行有模板语法错误：\{\{title\}（\{\{ 与 \}\} 要成对/u);
  });

  it('an unclosed block is said as such', () => {
    const dir = templatesFolder({ '2021/report.md.hbs': '# {{title}}\n{{#if agency}}\n' });
    const error = renderError(dir);
    expect(error.file).toBe(`${dir}/2021/report.md.hbs`);
    expect(error.reason).toMatch(/^第 3 行有模板语法错误，到文件结尾仍未结束（\{\{#…\}\} 缺少 \{\{\/…\}\}？）/u);
  });
});

describe('a templates folder laid out as templates/', () => {
  it('shared/partials and <year>/partials are used, and each file says what it replaces', () => {
    const dir = templatesFolder({
      'shared/partials/section-problems.hbs': '## {{sections.problems.heading}}\n\n共用的问题部分。\n',
      '2021/partials/signature.hbs': '{{agency}}（2021 格式落款）\n',
      '2019/partials/signature.hbs': '2019 的落款\n',
    });
    const result = generateReport(example(), { templatesDir: dir });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.markdown).toContain('共用的问题部分。');
    expect(result.markdown).toContain('（2021 格式落款）');
    expect(result.markdown).not.toContain('2019 的落款');
    expect(result.templates).toEqual({
      overrides: [
        { file: `${dir}/shared/partials/section-problems.hbs`, replaces: 'shared/partials/section-problems.hbs' },
        { file: `${dir}/2021/partials/signature.hbs`, replaces: 'shared/partials/signature.hbs' },
      ],
      unused: [],
    });
  });

  it('a file a later layer replaces, a file outside the layout and a near-miss partial name are all reported', () => {
    const dir = templatesFolder({
      'partials/section-problems.hbs': 'flat\n',
      'shared/partials/section-problems.hbs': '## {{sections.problems.heading}}\n\nshared\n',
      'tpl/shared/partials/signature.hbs': 'misplaced\n',
      'section-overview.hbs': 'misplaced too\n',
      'partials/section-problem.hbs': 'a partial of its own\n',
    });
    const set = loadTemplates(2021, dir);
    expect(set.partials.get('section-problems')?.file).toBe(`${dir}/shared/partials/section-problems.hbs`);
    expect(set.overrides).toEqual([
      { file: `${dir}/partials/section-problem.hbs`, similarTo: 'partials/section-problems.hbs' },
      { file: `${dir}/shared/partials/section-problems.hbs`, replaces: 'shared/partials/section-problems.hbs' },
    ]);
    expect(set.unused).toEqual([
      { file: `${dir}/partials/section-problems.hbs`, why: 'replaced', by: `${dir}/shared/partials/section-problems.hbs` },
      { file: join(dir, 'section-overview.hbs'), why: 'misplaced' },
      { file: join(dir, 'tpl/shared/partials/signature.hbs'), why: 'misplaced' },
    ]);
  });
});
