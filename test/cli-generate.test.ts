import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, useTempDirs } from './helpers/cli.js';
import { CORPUS_DIR } from './helpers/corpus.js';

const temp = useTempDirs();
const EXAMPLE = join(ROOT, 'schemas/report-data.example.json');

describe('nianbao generate', () => {
  it('writes the report (exit 0), refuses to overwrite without --force (exit 2), and - prints it', async () => {
    const dir = temp();
    const out = join(dir, 'report.md');
    const first = await cli(['generate', EXAMPLE, '-o', out]);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# 示例市示例区市场监督管理局2023年政府信息公开工作年度报告\n/u);
    writeFileSync(out, '作者的稿子');
    const refused = await cli(['generate', EXAMPLE, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('已存在，未作改动');
    expect(readFileSync(out, 'utf8')).toBe('作者的稿子');
    expect((await cli(['generate', EXAMPLE, '-o', out, '--force'])).code).toBe(0);
    const stdout = await cli(['generate', EXAMPLE, '-o', '-']);
    expect(stdout.stdout).toBe(readFileSync(out, 'utf8'));
    // What it writes passes the linter with no error.
    expect((await cli(['lint', out, '--quiet', '--format', 'json'])).stdout.trim()).toBe('[]');
  });

  it('--to html: a standalone page with real tables', async () => {
    const html = (await cli(['generate', EXAMPLE, '--to', 'html'])).stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/u);
    expect(html.match(/<table>/gu)).toHaveLength(3);
    expect(html).toContain('<title>示例市示例区市场监督管理局2023年政府信息公开工作年度报告</title>');
    expect(html).not.toContain('待填写');
    expect((await cli(['generate', EXAMPLE, '--to', 'pdf'])).code).toBe(2);
  });

  it('invalid data: exit 1, one line per problem with its JSON path; a JSON syntax error names its line', async () => {
    const dir = temp();
    const data = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { tables: { applications: { newReceived: Record<string, unknown> } }; remarks?: string };
    data.tables.applications.newReceived['naturalPerson'] = -3;
    data.remarks = '多余';
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(data, null, 2));
    const r = await cli(['generate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    // Each at the line and column of its key in the file.
    expect(r.stderr).toContain(`${bad}:71:9: 错误 tables.applications.newReceived.naturalPerson：实为 -3，不能小于 0。`);
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:\\d+:3: 错误 remarks：未知的键“remarks”`, 'u'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "title": "x",\n  "reportYear": 2023,,\n}\n');
    const syntax = await cli(['generate', broken]);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:3:\\d+ 不是有效的 JSON`, 'u'));
    const missing = await cli(['generate', join(dir, 'none.json')]);
    expect(missing.code).toBe(2);
  });

  it('blank cells: refused naming each one; --allow-blank renders them', async () => {
    const dir = temp();
    const data = join(dir, '003.json');
    writeFileSync(data, readFileSync(join(CORPUS_DIR, 'expected/003.json')));
    const refused = await cli(['generate', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n').filter((l) => l.includes('为空白'))).toHaveLength(5);
    const allowed = await cli(['generate', data, '--allow-blank', '-o', join(dir, 'r.md')]);
    expect(allowed.code).toBe(0);
  });

  it('--templates: a partial overridden by the user; a missing partial is a clear error (exit 2)', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'mine', 'partials'), { recursive: true });
    writeFileSync(join(dir, 'mine', 'partials', 'section-problems.hbs'), '## {{sections.problems.heading}}\n\n本单位自定义的问题与改进写法。\n');
    const r = await cli(['generate', EXAMPLE, '--templates', join(dir, 'mine')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('本单位自定义的问题与改进写法。');
    expect(r.stdout).toContain('## 一、总体情况');
    writeFileSync(join(dir, 'mine', 'report.md.hbs'), '# {{title}}\n\n{{> no-such-part}}\n');
    const broken = await cli(['generate', EXAMPLE, '--templates', join(dir, 'mine')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('找不到局部模板“no-such-part”');
    expect(broken.stderr).toContain(join(dir, 'mine', 'report.md.hbs'));
    expect((await cli(['generate', EXAMPLE, '--templates', join(dir, 'nowhere')])).stderr).toContain('模板目录不存在');
  });

  it('--update rewrites only the tables and computed sentences of a report, in place', async () => {
    const dir = temp();
    const report = join(dir, 'report.md');
    await cli(['generate', EXAMPLE, '-o', report]);
    const written = readFileSync(report, 'utf8').replace(/（一）主动公开。<!-- 待填写：[^>]*-->/u, '（一）主动公开。全年主动公开信息 1,024 条。');
    writeFileSync(report, written);
    const data = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { tables: { activeDisclosure: { licensing: { decisions: number } } } };
    data.tables.activeDisclosure.licensing.decisions = 4000;
    const changed = join(dir, 'changed.json');
    writeFileSync(changed, JSON.stringify(data));
    const r = await cli(['generate', changed, '--update', report]);
    expect(r.code, r.stderr).toBe(0);
    const after = readFileSync(report, 'utf8');
    expect(after).toContain('（一）主动公开。全年主动公开信息 1,024 条。');
    expect(after).toContain('| 行政许可 | 4000 |');
    expect(after.replace('| 行政许可 | 4000 |', '| 行政许可 | 3862 |')).toBe(written);
    const plain = join(dir, 'plain.md');
    writeFileSync(plain, '# 某某局2023年政府信息公开工作年度报告\n\n一、总体情况\n');
    const noMarkers = await cli(['generate', changed, '--update', plain]);
    expect(noMarkers.code).toBe(2);
    expect(noMarkers.stderr).toContain('没有 nianbao 生成的表格标记');
  });
});

describe('nianbao generate: templates and updates that fail loudly', () => {
  it('--templates says which files it used in place of which built-in ones, and which it did not use', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'tpl', 'shared', 'partials'), { recursive: true });
    mkdirSync(join(dir, 'tpl', 'misc'), { recursive: true });
    writeFileSync(join(dir, 'tpl', 'shared', 'partials', 'section-problems.hbs'), '## {{sections.problems.heading}}\n\n本单位自定义。\n');
    writeFileSync(join(dir, 'tpl', 'misc', 'signature.hbs'), '放错了地方\n');
    const r = await cli(['generate', EXAMPLE, '--templates', 'tpl'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('本单位自定义。');
    expect(r.stderr).toContain('模板：使用 tpl/shared/partials/section-problems.hbs（替换内置的 shared/partials/section-problems.hbs）\n');
    expect(r.stderr).toContain('注意：模板 tpl/misc/signature.hbs 不在模板目录的结构中，没有使用。');
  });

  it('a misspelt field in a user template: exit 2 naming the file and line', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl', 'report.md.hbs'), '# {{title}}\n\n{{agncy.name}}\n');
    const r = await cli(['generate', EXAMPLE, '--templates', 'tpl'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^模板有误：tpl\/report\.md\.hbs：第 3 行第 1 列的 \{\{agncy\.name\}\} 用到了数据中没有的“agncy\.name”/u);
  });

  it('--update with a missing end marker: exit 1, each place named, the report untouched', async () => {
    const dir = temp();
    const report = join(dir, 'report.md');
    await cli(['generate', EXAMPLE, '-o', report]);
    const broken = readFileSync(report, 'utf8').replace('<!-- /nianbao:table -->', '');
    writeFileSync(report, broken);
    const line = broken.slice(0, broken.indexOf('<!-- nianbao:table')).split('\n').length;
    const r = await cli(['generate', EXAMPLE, '--update', report]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${report} 中有 1 处生成区域的标记不成对，为免替换掉作者写的文字，没有改动这份报告：\n`);
    expect(r.stderr).toMatch(new RegExp(`  ${report.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:${line}:1: <!-- nianbao:table \\w+ --> 没有结束标记 <!-- /nianbao:table -->`, 'u'));
    expect(readFileSync(report, 'utf8')).toBe(broken);
  });

  it('--update with --to html is refused (exit 2), before anything is read', async () => {
    const r = await cli(['generate', 'no-such.json', '--update', 'no-such.md', '--to', 'html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--update 只更新 Markdown 报告中生成的表格和计算语句，不能与 --to html 一起使用。/u);
  });
});

describe('nianbao init → generate → lint: next year from last year', () => {
  it('starts 2024 from the 2023 report: the carry-over is right and every other count is left blank', async () => {
    const dir = temp();
    const next = join(dir, '2024.json');
    const r = await cli(['init', '--from', join(CORPUS_DIR, '004_6f7b59792f9ed408.txt'), '--year', '2024', '-o', next]);
    expect(r.code, r.stderr).toBe(0);
    const refused = await cli(['generate', next]);
    expect(refused.code).toBe(1);
    // One line per table, not one per blank cell; --verbose lists them all.
    expect(refused.stderr).toMatch(/表三还有 \d+ 个空白格未填写/u);
    expect(refused.stderr.split('\n').filter((l) => l.includes('空白')).length).toBeLessThanOrEqual(3);
    const verbose = await cli(['generate', next, '--verbose']);
    expect(verbose.stderr.split('\n').filter((l) => l.includes('为空白')).length).toBeGreaterThan(150);
  });
});
