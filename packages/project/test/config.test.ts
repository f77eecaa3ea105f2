/**
 * `.nianbaorc.json` (issue 14): where the search stops (`"root": true`, a repository's root), the values it
 * refuses (impossible dates, non-web addresses, repeated keys…) with the file, line and what to do, and
 * the file itself read only as a regular file of a sane size.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateConfig } from '@nianbao/lint';
import { Project, configFor, findConfigFile, lintOptionsFor, parseConfig, placedConfigProblems, type ProjectConfig } from '@nianbao/project';

const folders: string[] = [];
afterEach(() => {
  while (folders.length > 0) rmSync(folders.pop()!, { recursive: true, force: true });
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-config-'));
  folders.push(dir);
  return dir;
}

function write(dir: string, path: string, text: string): string {
  const file = join(dir, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function broken(config: ProjectConfig): ReturnType<typeof placedConfigProblems> {
  if (config.ok) throw new Error(`expected a broken configuration, got ${JSON.stringify(config.config)}`);
  return placedConfigProblems(config.error);
}

/** The problems of a configuration text, placed: `[where-line:column, path, message]`. */
function problemsOf(text: string, locale: 'zh' | 'en' = 'zh'): Array<[string, string, string]> {
  try {
    parseConfig('c.json', text, locale);
  } catch (error) {
    return placedConfigProblems(error as never).map((p) => [p.line !== undefined ? `${p.line}:${p.column}` : '-', p.path, p.message]);
  }
  return [];
}

const OFF = JSON.stringify({ rules: { placeholder: 'off' } });

describe('where the search for a configuration stops', () => {
  it('at the repository root: a configuration above the folder holding .git does not apply', async () => {
    const dir = temp();
    write(dir, '.nianbaorc.json', OFF);
    mkdirSync(join(dir, 'repo', '.git'), { recursive: true });
    mkdirSync(join(dir, 'repo', 'reports'), { recursive: true });
    expect(await findConfigFile(join(dir, 'repo', 'reports'))).toBeUndefined();
    expect(await configFor(join(dir, 'repo', 'reports', 'r.txt'))).toEqual({ ok: true, config: {} });
    // Outside the repository the same configuration applies.
    expect(await configFor(join(dir, 'other', 'r.txt'))).toMatchObject({ ok: true, config: { rules: { placeholder: 'off' } }, file: join(dir, '.nianbaorc.json') });
  });

  it('a .git file (a worktree or submodule) marks a repository root too', async () => {
    const dir = temp();
    write(dir, '.nianbaorc.json', OFF);
    write(dir, 'sub/.git', 'gitdir: ../.git/modules/sub\n');
    expect(await configFor(join(dir, 'sub', 'r.txt'))).toEqual({ ok: true, config: {} });
  });

  it('the repository root’s own configuration, and one inside the repository, still apply', async () => {
    const dir = temp();
    mkdirSync(join(dir, '.git'));
    write(dir, '.nianbaorc.json', OFF);
    write(dir, 'a/.nianbaorc.json', JSON.stringify({ locale: 'en' }));
    expect(await configFor(join(dir, 'b', 'c', 'r.txt'))).toMatchObject({ ok: true, config: { rules: { placeholder: 'off' } }, file: join(dir, '.nianbaorc.json') });
    expect(await configFor(join(dir, 'a', 'c', 'r.txt'))).toMatchObject({ ok: true, config: { locale: 'en' }, file: join(dir, 'a', '.nianbaorc.json') });
  });

  it('"root": true marks a project’s top folder: nothing above it applies', async () => {
    const dir = temp();
    write(dir, '.nianbaorc.json', OFF);
    write(dir, 'project/.nianbaorc.json', JSON.stringify({ root: true }));
    const config = await new Project().configFor(join(dir, 'project', 'reports', 'r.txt'));
    expect(config).toEqual({ ok: true, config: { root: true }, file: join(dir, 'project', '.nianbaorc.json') });
    if (config.ok) expect(lintOptionsFor(config.config, 'zh')).toEqual({ locale: 'zh' });
  });

  it('"root" must be true or false', () => {
    expect(problemsOf('{\n  "root": "yes"\n}')).toEqual([['2:3', '/root', '应为布尔值 true 或 false（不加引号）']]);
    expect(problemsOf('{ "root": 1 }', 'en')).toEqual([['1:3', '/root', 'must be true or false (no quotes)']]);
    expect(problemsOf('{ "root": false }')).toEqual([]);
  });
});

describe('option values are checked, each problem with its line and what to do', () => {
  const deadline = (value: string): string => `{\n  "rules": {\n    "publish-deadline": ["error", { "deadlines": { "乡镇街道": ${JSON.stringify(value)} } }]\n  }\n}`;

  it('a deadline must be a real day: 02-30, 04-31, 13-01, 00-10 and 1-31 are refused', () => {
    for (const value of ['02-30', '04-31', '13-01', '00-10', '1-31', '02-31', '06-00']) {
      expect(problemsOf(deadline(value)), value).toEqual([
        ['3:52', '/rules/publish-deadline/1/deadlines/乡镇街道', `"${value}"：不是一年中真实的一天：请写成次年的“月-日”（两位数字，"MM-DD"），如 "01-31"、"03-31"`],
      ]);
    }
    expect(problemsOf(deadline('02-30'), 'en')[0]![2]).toBe('"02-30": is not a real day of the year: write the month and day of the following year as "MM-DD" (two digits each), e.g. "01-31" or "03-31"');
  });

  it('real days are accepted, 29 February included', () => {
    for (const value of ['01-31', '02-28', '02-29', '03-31', '04-30', '12-31']) expect(problemsOf(deadline(value)), value).toEqual([]);
  });

  it('docsBaseUrl must be an http: or https: address: javascript:, data:, ftp:, a query or no host are refused', () => {
    for (const value of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.org/rules', 'https://', 'https://example.org/rules?x=1', 'https://example.org/#rules', '//example.org/rules', 'example.org/rules', 'https://exa mple.org/']) {
      const problems = problemsOf(JSON.stringify({ docsBaseUrl: value }));
      expect(problems, value).toEqual([['1:2', '/docsBaseUrl', `${JSON.stringify(value)}：应为 http:// 或 https:// 开头的网址，不带 ? 或 #（规则页 <规则>.md 接在它后面），如 "https://example.gov.cn/nianbao/rules"`]]);
    }
    for (const value of ['https://example.org/nianbao/rules', 'http://intranet.example/docs/', 'https://example.org']) expect(problemsOf(JSON.stringify({ docsBaseUrl: value })), value).toEqual([]);
  });

  it('previousReport: a path or auto; empty, or Auto (which would be a file of that name), is refused', () => {
    for (const value of ['', 'Auto', 'AUTO']) {
      expect(problemsOf(JSON.stringify({ previousReport: value })), value).toEqual([['1:2', '/previousReport', `${JSON.stringify(value)}：应为上一年度报告的路径（相对于本配置文件），或小写的 auto（自动配对）`]]);
    }
    for (const value of ['auto', '../2022/报告.md', 'autobiography.md']) expect(problemsOf(JSON.stringify({ previousReport: value })), value).toEqual([]);
  });

  it('a key written twice: the ignored one is named, at its line', () => {
    expect(problemsOf('{\n  "locale": "zh",\n  "locale": "en"\n}')).toEqual([['2:3', '/locale', '“locale”在同一处写了不止一次，这里的值不起作用（只有最后一个有效）：请删去多余的']]);
    expect(problemsOf('{ "rules": { "placeholder": "off", "placeholder": "error" } }', 'en')).toEqual([['1:14', '/rules/placeholder', '“placeholder” is written more than once here, and this value does nothing (only the last one counts): remove the extra ones']]);
    expect(problemsOf('{ "rules": { "placeholder": "off" }, "locale": "zh" }')).toEqual([]);
    // Inside an array too, and each ignored occurrence once.
    expect(problemsOf('{ "suppressions": [{ "file": "a.pdf", "file": "b.pdf", "file": "c.pdf", "rule": "table-label", "reason": "沿用本省模板" }] }').map(([at, path]) => [at, path])).toEqual([
      ['1:22', '/suppressions/0/file'],
      ['1:39', '/suppressions/0/file'],
    ]);
  });

  it('suppressions: a missing or empty reason is refused in Chinese (not ajv’s English)', () => {
    expect(problemsOf('{ "suppressions": [{ "file": "a.pdf", "rule": "table-label" }] }')).toEqual([['1:20', '/suppressions/0', '缺少必填的“reason”：请补上']]);
    expect(problemsOf('{ "suppressions": [{ "file": "a.pdf", "rule": "table-label", "reason": "……" }] }')).toEqual([['1:62', '/suppressions/0/reason', '"……"：应写明理由：为什么这里不是问题']]);
    expect(problemsOf('{ "suppressions": [{ "file": "", "rule": "table-label", "reason": "沿用本省模板" }] }')).toEqual([['1:22', '/suppressions/0/file', '不能为空：请填写，或删去这一项']]);
  });

  it('other wrong values say what is expected', () => {
    expect(problemsOf('{ "locale": "fr" }')).toEqual([['1:3', '/locale', '应为以下之一："zh"、"en"']]);
    expect(problemsOf('{ "rules": [] }')).toEqual([['1:3', '/rules', '应为对象 { … }']]);
    expect(problemsOf('{ "rules": { "placeholder": ["warning", {}, 3] } }')).toEqual([['1:14', '/rules/placeholder', '应为以下之一："error"、"warning"、"info"、"off"，或 [级别, 选项]']]);
    expect(problemsOf('{ "agencyKind": "局" }', 'en')).toEqual([['1:3', '/agencyKind', 'must be one of "部门"、"人民政府"、"乡镇街道"']]);
  });

  it('a full, valid configuration has no problem', () => {
    const config = {
      $schema: './node_modules/nianbao/schemas/nianbaorc.schema.json',
      root: true,
      locale: 'en',
      agencyKind: '乡镇街道',
      previousReport: 'auto',
      docsBaseUrl: 'https://example.gov.cn/nianbao/rules',
      rules: { placeholder: 'off', 'publish-deadline': ['error', { deadlines: { 乡镇街道: '02-29', 部门: '01-31' } }] },
      suppressions: [{ file: '2024.pdf', rule: 'table-label', reason: '沿用本省统一模板的表头' }],
    };
    expect(validateConfig(config)).toEqual([]);
    expect(problemsOf(JSON.stringify(config, null, 2))).toEqual([]);
  });

  it('a broken configuration found for a report gives the file, line and column', async () => {
    const dir = temp();
    const file = write(dir, '.nianbaorc.json', deadline('02-30'));
    const [problem] = broken(await configFor(join(dir, 'r.txt')));
    expect(problem).toMatchObject({ where: `${file}:3:52`, line: 3, column: 52, path: '/rules/publish-deadline/1/deadlines/乡镇街道' });
  });
});

describe('the configuration file is read only as a regular file', () => {
  it('a FIFO named .nianbaorc.json is refused at once, not waited on, and not passed over for one above', async () => {
    const dir = temp();
    write(dir, '.nianbaorc.json', OFF);
    mkdirSync(join(dir, 'sub'));
    execFileSync('mkfifo', [join(dir, 'sub', '.nianbaorc.json')]);
    const [problem] = broken(await configFor(join(dir, 'sub', 'r.txt')));
    expect(problem!.message).toBe('不是普通文件（fifo）：nianbao 不读取命名管道、设备这类文件，请换成一个普通的 JSON 文件');
  });

  it('a folder named .nianbaorc.json', async () => {
    const dir = temp();
    mkdirSync(join(dir, '.nianbaorc.json'));
    expect(broken(await configFor(join(dir, 'r.txt'), 'en'))[0]!.message).toBe('is a folder, not a configuration file: remove or rename the folder');
  });

  it('a dangling link, and a link out of the repository, are refused; a link inside it is read', async () => {
    const dir = temp();
    symlinkSync(join(dir, 'nowhere.json'), join(dir, '.nianbaorc.json'));
    expect(broken(await configFor(join(dir, 'r.txt')))[0]!.message).toMatch(/^是一个符号链接，指向的“.*nowhere\.json”不存在：请修正或删去这个链接$/u);

    const outside = write(temp(), 'shared.json', OFF);
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'a'));
    symlinkSync(outside, join(repo, 'a', '.nianbaorc.json'));
    expect(broken(await configFor(join(repo, 'a', 'r.txt')))[0]!.message).toMatch(/^是指向项目之外（.*shared\.json）的符号链接，不会读取：请把配置文件放在 .* 之内$/u);

    write(repo, 'config/nianbao.json', OFF);
    mkdirSync(join(repo, 'b'));
    symlinkSync(join(repo, 'config', 'nianbao.json'), join(repo, 'b', '.nianbaorc.json'));
    expect(await configFor(join(repo, 'b', 'r.txt'))).toMatchObject({ ok: true, config: { rules: { placeholder: 'off' } } });
  });

  it('a file of more than 1 MB, and one that is not UTF-8, are refused with what to do', async () => {
    const dir = temp();
    write(dir, 'big/.nianbaorc.json', `{ "$schema": "${'x'.repeat(1024 * 1024)}" }`);
    expect(broken(await configFor(join(dir, 'big', 'r.txt')))[0]!.message).toMatch(/^太大（至少 \d+ 字节，上限 1048576 字节）：/u);
    mkdirSync(join(dir, 'gbk'));
    // "部门" saved as GBK.
    writeFileSync(join(dir, 'gbk', '.nianbaorc.json'), Buffer.from([0x7b, 0x22, 0x61, 0x67, 0x65, 0x6e, 0x63, 0x79, 0x4b, 0x69, 0x6e, 0x64, 0x22, 0x3a, 0x22, 0xb2, 0xbf, 0xc3, 0xc5, 0x22, 0x7d]));
    expect(broken(await configFor(join(dir, 'gbk', 'r.txt')))[0]!.message).toBe('不是 UTF-8 编码的文本：请用 UTF-8 保存这个文件');
  });
});
