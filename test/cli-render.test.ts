/**
 * `nianbao render`: the author's report, in any format the readers read, written as a page or a .docx —
 * safely (never over an existing file without --force, never over the report itself), with lint errors
 * counted and exit 1, a table the reader could not place marked and exit 1, bad options refused with exit 2.
 * `extract` of the .docx gives the report's data back.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, useTempDirs } from './helpers/cli.js';
import { CORPUS_DIR } from './helpers/corpus.js';

const temp = useTempDirs();

/** A folder with the generated example report (`示例.md`), as `generate` writes it. */
async function withExample(): Promise<string> {
  const dir = temp();
  const generated = await cli(['generate', join(ROOT, 'schemas/report-data.example.json'), '-o', join(dir, '示例.md')]);
  expect(generated.code, generated.stderr).toBe(0);
  return dir;
}

describe('nianbao render', () => {
  it('renders a generated example report to HTML and .docx with exit 0, beside it or where -o says', async () => {
    const dir = await withExample();
    const html = await cli(['render', '示例.md'], dir);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stderr).toBe('已写入 示例.html\n');
    expect(readFileSync(join(dir, '示例.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<table/u);
    const docx = await cli(['render', '示例.md', '--to', 'docx'], dir);
    expect(docx.code, docx.stderr).toBe(0);
    expect(existsSync(join(dir, '示例.docx'))).toBe(true);
    const named = await cli(['render', '示例.md', '-o', '年报.docx'], dir);
    expect(named.code, named.stderr).toBe(0);
    expect(readFileSync(join(dir, '年报.docx')).subarray(0, 2).toString()).toBe('PK');
    const stdout = await cli(['render', '示例.md', '-o', '-'], dir);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toMatch(/^<!DOCTYPE html>/u);
  });

  it('never writes over an existing file without --force, nor over the report itself', async () => {
    const dir = await withExample();
    writeFileSync(join(dir, '示例.html'), 'keep');
    const refused = await cli(['render', '示例.md'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('输出文件 示例.html 已存在，未作改动。如需覆盖，请加 --force。\n');
    expect(readFileSync(join(dir, '示例.html'), 'utf8')).toBe('keep');
    expect((await cli(['render', '示例.md', '--force'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, '示例.html'), 'utf8')).not.toBe('keep');
    copyFileSync(join(CORPUS_DIR, '011_pingtan_2024.html'), join(dir, 'page.html'));
    const same = await cli(['render', 'page.html', '--force'], dir);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('就是要转换的报告本身');
  });

  it('writes a report with lint errors all the same, says how many, and exits 1', async () => {
    const dir = await withExample();
    const text = readFileSync(join(dir, '示例.md'), 'utf8').replace('| 一、本年新收政府信息公开申请数量 | | | 41 |', '| 一、本年新收政府信息公开申请数量 | | | 42 |');
    writeFileSync(join(dir, '错.md'), text);
    const run = await cli(['render', '错.md', '--to', 'docx'], dir);
    expect(run.code).toBe(1);
    expect(existsSync(join(dir, '错.docx'))).toBe(true);
    expect(run.stderr).toMatch(/错\.md 有 \d+ 个错误，照样写出了 错\.docx。发布前请运行 nianbao lint 错\.md 查看并改正。/u);
  });

  it('renders a table the reader could not place as read, says so and exits 1', async () => {
    const dir = temp();
    copyFileSync(join(CORPUS_DIR, '013_pingtan_2019_flat.txt'), join(dir, 'flat.txt'));
    const run = await cli(['render', 'flat.txt', '-o', 'flat.html'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/flat\.txt：表二有 \d+ 行的数字无法确定所属的列，已按原文照录在标记的单元格中/u);
    expect(readFileSync(join(dir, 'flat.html'), 'utf8')).toContain('class="value as-read"');
  });

  it('reads what the readers read: a web page, a PDF, and its own .docx', async () => {
    const dir = temp();
    copyFileSync(join(CORPUS_DIR, '011_pingtan_2024.html'), join(dir, 'page.html'));
    copyFileSync(join(CORPUS_DIR, '010_hongze_gov_2024.pdf'), join(dir, 'r.pdf'));
    expect((await cli(['render', 'page.html', '--to', 'docx'], dir)).code).toBe(0);
    const again = await cli(['render', 'page.docx', '-o', 'again.html'], dir);
    expect(again.code, again.stderr).toBe(0);
    const pdf = await cli(['render', 'r.pdf', '-o', 'r.docx'], dir);
    expect(existsSync(join(dir, 'r.docx'))).toBe(true);
    expect([0, 1]).toContain(pdf.code);
  });

  it('round trip: extract of the rendered .docx gives the report’s data back', async () => {
    const dir = await withExample();
    expect((await cli(['render', '示例.md', '--to', 'docx'], dir)).code).toBe(0);
    const from = await cli(['extract', '示例.md'], dir);
    const back = await cli(['extract', '示例.docx'], dir);
    expect(back.code, back.stderr).toBe(0);
    const a = JSON.parse(from.stdout) as Record<string, unknown>;
    const b = JSON.parse(back.stdout) as Record<string, unknown>;
    for (const key of ['title', 'agency', 'reportYear', 'formatYear', 'citedNotice', 'period', 'publicationDate', 'tables']) expect(b[key], key).toEqual(a[key]);
  });

  it('refuses what it cannot do, in Chinese, with exit 2', async () => {
    const dir = await withExample();
    const cases: Array<[string[], RegExp]> = [
      [['render', '示例.md', '--to', 'pdf'], /^不支持的输出：pdf。render 可输出 html（网页）或 docx（Word 文档），如 --to docx。\n$/u],
      [['render', '示例.md', '--to', 'docx', '-o', '-'], /^Word 文档不能写到标准输出：请用 -o 指定文件名，如 -o 报告\.docx。\n$/u],
      [['render', '示例.md', '--font', 'body'], /^--font 字体设置“body”应在 = 后写出字体名称/u],
      [['render', '示例.md', '--font', 'text=仿宋'], /^--font 字体设置“text=仿宋”的角色应为 title、heading、subheading、body、table、pageNumber 之一/u],
      [['render', '没有.md'], /^找不到文件：没有\.md。/u],
    ];
    for (const [args, message] of cases) {
      const run = await cli(args, dir);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
    writeFileSync(join(dir, '笔记.md'), '今天天气很好。\n');
    const note = await cli(['render', '笔记.md'], dir);
    expect(note.code).toBe(2);
    expect(note.stderr).toContain('没有找到政府信息公开工作年度报告');
  });

  it('speaks English on request and takes a font setting', async () => {
    const dir = await withExample();
    const run = await cli(['render', '示例.md', '--locale', 'en', '--font', 'body=仿宋,FangSong', '-o', 'en.html'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('Wrote en.html\n');
    expect(readFileSync(join(dir, 'en.html'), 'utf8')).toContain('"仿宋", "FangSong", serif');
  });
});
