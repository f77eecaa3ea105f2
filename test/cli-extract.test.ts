import { chmodSync, copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, runCli, useTempDirs } from './helpers/cli.js';
import { CORPUS_DIR, corpusReports, expectedData } from './helpers/corpus.js';

const temp = useTempDirs();

describe('nianbao extract', () => {
  it('prints the data of every corpus report as JSON on stdout', async () => {
    for (const report of corpusReports()) {
      const r = await cli(['extract', report.path]);
      expect(r.code, r.stderr).toBe(0);
      const { extractionIssues, ...data } = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(data).toEqual(expectedData(report.id));
      if (report.id === '002') {
        expect(extractionIssues).toHaveLength(4);
        expect(r.stderr).toContain('4 处无法放入表格');
      } else {
        expect(r.stderr).toBe('');
      }
    }
  });

  it('-o writes the file, refuses to overwrite it, and --force replaces it atomically', async () => {
    const dir = temp();
    const out = join(dir, 'data.json');
    const src = join(CORPUS_DIR, '004_6f7b59792f9ed408.txt');
    const first = await cli(['extract', src, '-o', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain(`已写入 ${out}`);
    expect(JSON.parse(readFileSync(out, 'utf8')).reportYear).toBe(2023);

    writeFileSync(out, 'keep me');
    const refused = await cli(['extract', src, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`输出文件 ${out} 已存在，未作改动。如需覆盖，请加 --force。\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');

    // A real process: what is left in the folder after an atomic replace.
    const forced = runCli(['extract', src, '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).agency.name).toBe('平房区');
    expect(readdirSync(dir)).toEqual(['data.json']);
  });

  it('-o - prints to stdout', async () => {
    const r = await cli(['extract', join(CORPUS_DIR, '000_05203f94ff7e5eba.txt'), '-o', '-']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).reportYear).toBe(2023);
  });

  it('says in Chinese, and in English with --locale en, what is wrong with the input; exit code 2', async () => {
    const dir = temp();
    const cases: Array<[string[], RegExp, RegExp]> = [
      [['extract', join(dir, 'nope.txt')], /^找不到文件：.*nope\.txt。请检查路径和文件名是否正确。\n$/u, /^No such file: .*nope\.txt\. Check the path/u],
      [['extract', dir], /是一个文件夹。请指定一份报告文件/u, /is a folder\. Name one report file/u],
    ];
    const binary = join(dir, 'report.docx');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 6, 0, 0, 0, 0x21, 0]));
    // Bytes that start like a zip but hold no Word document: the .docx reader says what to do.
    cases.push([['extract', binary], /无法打开这个 \.docx 文件.*重新保存/u, /\.docx/u]);
    const prose = join(dir, 'notes.md');
    writeFileSync(prose, '# 会议纪要\n\n今天讨论了下周的安排。\n');
    cases.push([['extract', prose], /没有找到政府信息公开工作年度报告/u, /holds no annual report/u]);
    const noYear = join(dir, 'noyear.txt');
    writeFileSync(noYear, '某某街道政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n');
    cases.push([['extract', noYear], /无法确定报告年度/u, /cannot tell the report year/u]);
    for (const [args, zh, en] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(zh);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/u);
      const e = await cli([...args, '--locale', 'en']);
      expect(e.code).toBe(2);
      expect(e.stderr).toMatch(en);
    }
  });

  it('reports an unreadable file without a stack trace', async () => {
    if (process.getuid?.() === 0) return; // root reads any file: nothing to test
    const dir = temp();
    const file = join(dir, 'locked.txt');
    copyFileSync(join(CORPUS_DIR, '000_05203f94ff7e5eba.txt'), file);
    chmodSync(file, 0o000);
    const r = await cli(['extract', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/无法读取/u);
  });

  it('bad arguments: unknown option, unknown command, missing file argument, bad locale', async () => {
    expect((await cli(['extract', '--bogus'])).stderr).toBe('未知选项：--bogus。运行 nianbao --help 查看可用选项。\n');
    expect((await cli(['frobnicate'])).stderr).toBe('未知命令：frobnicate。运行 nianbao --help 查看可用命令。\n');
    expect((await cli(['extract'])).stderr).toBe('缺少参数：file。运行 nianbao extract --help 查看用法。\n');
    expect((await cli(['extract', 'x.txt', '--locale', 'fr'])).stderr).toBe('不支持的语言：fr。可用：zh、en。\n');
    for (const args of [['extract', '--bogus'], ['frobnicate'], ['extract']]) expect((await cli(args)).code).toBe(2);
  });

  it('--help and --version', async () => {
    // Help and version as a process prints them.
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法： nianbao');
    expect(help.stdout).toContain('extract');
    expect((await cli(['extract', '--help'])).stdout).toContain('允许覆盖已存在的输出文件');
    expect((await cli(['--help', '--locale', 'en'])).stdout).toContain('Usage: nianbao');
    const v = runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/u);
  });
});
