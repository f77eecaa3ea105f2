/**
 * The command-line conventions users bring from ESLint and markdownlint-cli2 (issue 13, item 5): `-o`,
 * stdin as `-`, `--config`, ignore files and `!pattern`s, no argument, json and json-files, the per-rule
 * summary, "did you mean", `"warn"`, comments in `.nianbaorc.json`, the argument parser in Chinese.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourWanted, run } from '../packages/cli/src/main.js';
import type { CommandIO } from '../packages/cli/src/context.js';
import { cli, useTempDirs } from './helpers/cli.js';
import { CORPUS_DIR } from './helpers/corpus.js';

const temp = useTempDirs();
/** A report with section-heading errors (002) and a clean-ish one (000). */
const R002 = join(CORPUS_DIR, '002_8df8c676ffab5338.txt');
const R000 = join(CORPUS_DIR, '000_05203f94ff7e5eba.txt');

interface Finding {
  file: string;
  ruleId: string;
  severity: string;
}

/** `run` with a stdin of its own (and anything else of CommandIO). */
async function runWith(args: string[], cwd: string, extra: Partial<CommandIO> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    env: { NO_COLOR: '1' },
    ...extra,
  });
  return { code, stdout, stderr };
}

describe('-o / --output-file', () => {
  it('writes any format to the file (stdout stays empty), refuses an existing file without --force', async () => {
    const dir = temp();
    copyFileSync(R002, join(dir, 'r.txt'));
    for (const format of ['stylish', 'json', 'json-files', 'sarif', 'github']) {
      const out = `out-${format}`;
      const r = await cli(['lint', 'r.txt', '--format', format, '-o', out], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const text = readFileSync(join(dir, out), 'utf8');
      expect(text.length).toBeGreaterThan(10);
      if (format.startsWith('json') || format === 'sarif') expect(() => JSON.parse(text)).not.toThrow();
      expect(r.stderr).toMatch(/检查了 1 个文件/u);
    }
    // No colour codes in a file, whatever FORCE_COLOR says.
    const forced = await runWith(['lint', 'r.txt', '-o', 'colour.txt'], dir, { env: { FORCE_COLOR: '1' } });
    expect(forced.code).toBe(1);
    expect(readFileSync(join(dir, 'colour.txt'), 'utf8')).not.toContain('\u001b[');

    const again = await cli(['lint', 'r.txt', '--output-file', 'out-json'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('输出文件 out-json 已存在');
    const forcedAgain = await cli(['lint', 'r.txt', '--format', 'json', '-o', 'out-json', '--force'], dir);
    expect(forcedAgain.code).toBe(1);
    expect(Array.isArray(JSON.parse(readFileSync(join(dir, 'out-json'), 'utf8')))).toBe(true);
  });

  it('a review page written into the folder it checks is not linted on the next run', async () => {
    const dir = temp();
    copyFileSync(R002, join(dir, 'r.txt'));
    const first = await cli(['lint', '.', '--format', 'html', '-o', 'review.html'], dir);
    expect(first.code).toBe(1);
    // Run again over the folder, the page inside it: the page is the output, not an input.
    const second = await cli(['lint', '.', '--format', 'json', '-o', 'review.html', '--force'], dir);
    expect(second.code).toBe(1);
    const files = new Set((JSON.parse(readFileSync(join(dir, 'review.html'), 'utf8')) as Finding[]).map((f) => f.file));
    expect([...files]).toEqual(['r.txt']);
  });
});

describe('stdin as -', () => {
  it('lints what stdin holds under --stdin-filename: that name in the findings, that folder’s configuration', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', '.nianbaorc.json'), JSON.stringify({ rules: { 'section-heading': 'off' } }));
    const bytes = new Uint8Array(readFileSync(R002));
    const r = await runWith(['lint', '-', '--stdin-filename', 'sub/报告.txt', '--format', 'json'], dir, { stdin: async () => bytes });
    const findings = JSON.parse(r.stdout) as Finding[];
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(['sub/报告.txt']));
    expect(findings.some((f) => f.ruleId === 'section-heading')).toBe(false);
    const plain = await runWith(['lint', '-', '--format', 'json'], dir, { stdin: async () => bytes });
    expect((JSON.parse(plain.stdout) as Finding[]).some((f) => f.ruleId === 'section-heading' && f.file === '<标准输入>')).toBe(true);
  });

  it('- stands alone, never with --fix; --stdin-filename without -: exit 2 with what to do', async () => {
    const dir = temp();
    const stdin = async (): Promise<Uint8Array> => new Uint8Array(readFileSync(R000));
    expect((await runWith(['lint', '-', 'x.txt'], dir, { stdin })).stderr).toContain('只能单独使用');
    const fix = await runWith(['lint', '-', '--fix'], dir, { stdin });
    expect(fix.code).toBe(2);
    expect(fix.stderr).toContain('--fix 不能用于标准输入');
    copyFileSync(R000, join(dir, 'a.txt'));
    expect((await runWith(['lint', 'a.txt', '--stdin-filename', 'b.txt'], dir, { stdin })).stderr).toContain('--stdin-filename 只在从标准输入读取');
  });
});

describe('--config FILE', () => {
  it('applies that configuration to every file instead of the nearest one; a missing one is exit 2 naming it', async () => {
    const dir = temp();
    copyFileSync(R002, join(dir, 'r.txt'));
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'section-heading': 'error' } }));
    writeFileSync(join(dir, 'ci.json'), JSON.stringify({ rules: { 'section-heading': 'off' } }));
    const near = JSON.parse((await cli(['lint', 'r.txt', '--format', 'json'], dir)).stdout) as Finding[];
    expect(near.some((f) => f.ruleId === 'section-heading')).toBe(true);
    const named = JSON.parse((await cli(['lint', 'r.txt', '--format', 'json', '--config', 'ci.json'], dir)).stdout) as Finding[];
    expect(named.some((f) => f.ruleId === 'section-heading')).toBe(false);
    const missing = await cli(['lint', 'r.txt', '-c', 'nope.json'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`配置文件有误：${join(dir, 'nope.json')}`);
  });

  it('"warn" is taken as "warning", in the editor’s schema too; comments are allowed (JSONC)', async () => {
    const dir = temp();
    copyFileSync(R002, join(dir, 'r.txt'));
    writeFileSync(join(dir, '.nianbaorc.json'), '{\n  // 标题先只提醒\n  "rules": { "section-heading": "warn" /* ESLint 的写法 */ }\n}\n');
    const r = await cli(['lint', 'r.txt', '--format', 'json'], dir);
    const headings = (JSON.parse(r.stdout) as Finding[]).filter((f) => f.ruleId === 'section-heading');
    expect(headings.length).toBeGreaterThan(0);
    expect(new Set(headings.map((f) => f.severity))).toEqual(new Set(['warning']));
    const schema = JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'nianbaorc.schema.json'), 'utf8')) as { properties: { rules: { properties: Record<string, { oneOf: Array<{ enum?: string[] }> }> } } };
    expect(schema.properties.rules.properties['section-heading']!.oneOf[0]!.enum).toContain('warn');
  });

  it('a misspelt rule id in the configuration: did you mean, in Chinese', async () => {
    const dir = temp();
    copyFileSync(R000, join(dir, 'r.txt'));
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'row-totl': 'off' }, suppressions: [{ file: 'r.txt', rule: 'balanse', reason: '已与申请人核实' }] }));
    const r = await cli(['lint', 'r.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有名为“row-totl”的规则（是不是“row-total”？）');
    expect(r.stderr).toContain('没有名为“balanse”的规则（是不是“balance”？）');
  });
});

describe('what a folder run takes: ignore files, !patterns, no argument', () => {
  function project(): string {
    const dir = temp();
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, '2024', '草稿'), { recursive: true });
    mkdirSync(join(dir, 'docs'));
    copyFileSync(R002, join(dir, '2024', 'a.txt'));
    copyFileSync(R002, join(dir, '2024', '草稿', 'b.txt'));
    copyFileSync(R000, join(dir, 'docs', 'c.txt'));
    writeFileSync(join(dir, 'README.md'), '# 本仓库\n\n放各单位的年报。\n');
    writeFileSync(join(dir, '.gitignore'), 'docs/\n');
    return dir;
  }

  it('with no argument: the reports under the current folder that are not ignored; the rest named with why', async () => {
    const dir = project();
    const r = await cli(['lint', '--format', 'json'], dir);
    const files = new Set((JSON.parse(r.stdout) as Finding[]).map((f) => f.file));
    expect(files).toEqual(new Set([join('2024', 'a.txt'), join('2024', '草稿', 'b.txt')]));
    expect(r.stderr).toContain('README.md：读得出，但不是政府信息公开工作年度报告');
    expect(r.stderr).toContain('按 .gitignore 第 1 行“docs/”：忽略 1 项：docs');
    expect(r.stderr).toMatch(/检查了 2 个文件.*跳过 2 个文件/u);
  });

  it('`!**/草稿/**` leaves the drafts out; .nianbaoignore too; --no-ignore reads what .gitignore names', async () => {
    const dir = project();
    const r = await cli(['lint', '.', '!**/草稿/**', '--format', 'json'], dir);
    expect(new Set((JSON.parse(r.stdout) as Finding[]).map((f) => f.file))).toEqual(new Set([join('2024', 'a.txt')]));
    expect(r.stderr).toContain('按命令行的“!**/草稿/**”：忽略 1 项');
    writeFileSync(join(dir, '2024', '.nianbaoignore'), 'a.txt\n');
    const both = await cli(['lint', '--format', 'json-files', '!**/草稿/**'], dir);
    // Only README.md is left, and it is no report.
    expect(JSON.parse(both.stdout)).toEqual([]);
    expect(both.stderr).toContain('按 2024/.nianbaoignore 第 1 行“a.txt”：忽略 1 项：2024/a.txt');
    const all = await cli(['lint', '--no-ignore', '--format', 'json-files'], dir);
    expect((JSON.parse(all.stdout) as Array<{ file: string }>).map((f) => f.file).sort()).toEqual([join('2024', 'a.txt'), join('2024', '草稿', 'b.txt'), join('docs', 'c.txt')].sort());
  });
});

describe('output formats', () => {
  it('json stays the flat array of findings; json-files lists every file, clean ones too, with counts', async () => {
    const dir = temp();
    copyFileSync(R002, join(dir, 'bad.txt'));
    copyFileSync(R000, join(dir, 'clean.txt'));
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { placeholder: 'off' } }));
    const flat = JSON.parse((await cli(['lint', '.', '--format', 'json'], dir)).stdout) as Array<Record<string, unknown>>;
    expect(flat.every((f) => typeof f['file'] === 'string' && typeof f['ruleId'] === 'string' && typeof f['line'] === 'number')).toBe(true);
    const files = JSON.parse((await cli(['lint', '.', '--format', 'json-files'], dir)).stdout) as Array<{ file: string; errorCount: number; warningCount: number; infoCount: number; messages: unknown[] }>;
    expect(files.map((f) => f.file)).toEqual(['bad.txt', 'clean.txt']);
    const bad = files[0]!;
    expect(bad.errorCount).toBe(flat.filter((f) => f['file'] === 'bad.txt' && f['severity'] === 'error').length);
    expect(bad.messages.length).toBe(flat.filter((f) => f['file'] === 'bad.txt').length);
    const clean = files[1]!;
    expect(clean.messages.length).toBe(clean.errorCount + clean.warningCount + clean.infoCount);
  });

  it('stylish ends with a per-rule summary: errors, warnings, info and files per rule, most errors first', async () => {
    const dir = temp();
    copyFileSync(R002, join(dir, 'a.txt'));
    copyFileSync(R002, join(dir, 'b.txt'));
    const r = await cli(['lint', '.', '--concurrency', 'off'], dir);
    const tail = r.stdout.slice(r.stdout.indexOf('按规则统计：'));
    expect(tail).not.toBe('');
    const rows = tail.split('\n').slice(2).filter((l) => l.trim() !== '');
    const json = JSON.parse((await cli(['lint', '.', '--format', 'json'], dir)).stdout) as Finding[];
    const heading = rows.find((l) => l.trim().startsWith('section-heading '))!;
    const errors = json.filter((f) => f.ruleId === 'section-heading' && f.severity === 'error').length;
    expect(heading.trim().split(/\s+/u)).toEqual(['section-heading', String(errors), '0', '0', '2']);
    const errorCounts = rows.map((l) => Number(l.trim().split(/\s+/u)[1]));
    expect(errorCounts).toEqual([...errorCounts].sort((x, y) => y - x));
  });
});

describe('the argument parser, in Chinese, with suggestions', () => {
  it('a misspelt command, option or format: did you mean', async () => {
    const dir = temp();
    expect((await cli(['lnt'], dir)).stderr).toBe('未知命令：lnt（是不是 lint？）。运行 nianbao --help 查看可用命令。\n');
    expect((await cli(['lint', '--fx'], dir)).stderr).toBe('未知选项：--fx（是不是 --fix？）。运行 nianbao --help 查看可用选项。\n');
    expect((await cli(['lint', '--format', 'jsn'], dir)).stderr).toContain('不支持的输出格式：jsn（是不是 json？）');
    // Several close ones: all of them, in Chinese too (commander says `one of …`).
    expect((await cli(['render', 'x.md', '--format', 'docx'], dir)).stderr).toBe('未知选项：--format（是不是 --font 或 --force？）。运行 nianbao --help 查看可用选项。\n');
    const en = await cli(['lint', '--quite', '--locale', 'en'], dir);
    expect(en.stderr).toContain('Unknown option: --quite (did you mean --quiet?)');
  });

  it('an option without its value, a bad --concurrency: said in Chinese, exit 2', async () => {
    const dir = temp();
    const r = await cli(['lint', '-o'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('选项 -o, --output-file <file> 需要一个值。运行 nianbao lint --help 查看用法。\n');
    expect((await cli(['lint', '--concurrency', 'lots'], dir)).stderr).toContain('--concurrency 应为 auto、off 或线程数');
    expect(existsSync(join(dir, 'lots'))).toBe(false);
  });
});

describe('colour: NO_COLOR and FORCE_COLOR', () => {
  it('NO_COLOR wins; FORCE_COLOR colours where no terminal is; otherwise a terminal decides', async () => {
    expect(colourWanted(true, {})).toBe(true);
    expect(colourWanted(false, {})).toBe(false);
    expect(colourWanted(true, { NO_COLOR: '1' })).toBe(false);
    expect(colourWanted(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourWanted(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourWanted(false, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    const dir = temp();
    copyFileSync(R002, join(dir, 'r.txt'));
    expect((await runWith(['lint', 'r.txt'], dir, { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[31m');
    expect((await runWith(['lint', 'r.txt'], dir, { env: { NO_COLOR: '1' }, isTTY: true })).stdout).not.toContain('\u001b[');
  });
});
