/**
 * Reads and writes that cannot hang or lose an edit (issue 14), through the CLI as a user runs it:
 * - a write replaces a file only if it is still what was read (the change is made between the read and
 *   the write by the `beforeReplace` hook, deterministically), never a read-only file, never through a
 *   link to nothing; its temporary file is gone on every way out, and stale ones of ours are removed;
 * - only regular files are read: a FIFO, /dev/zero, a link out of the folder, a file over the cap are
 *   refused when named and named among the skipped in a folder run.
 * In process (`run`), except the signal test, which needs a process to stop.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../packages/cli/src/main.js';
import { MAX_REPORT_BYTES } from '@nianbao/project';
import { ROOT, cli, useTempDirs, type CliRun } from './helpers/cli.js';
import { CORPUS_DIR } from './helpers/corpus.js';
import { POSIX, RESCUE_TEXT, makeFifo } from './helpers/hazards.js';

const temp = useTempDirs();
const EXAMPLE = join(ROOT, 'schemas/report-data.example.json');
/** A report with safe fixes to apply (headings numbered wrong, a leftover bookmark). */
const FIXABLE = join(CORPUS_DIR, '001_ae5e98d31dd755d7.txt');
const CLEAN = join(CORPUS_DIR, '000_05203f94ff7e5eba.txt');

/** `cli()` with the test hook: `beforeReplace` runs after the new content is beside the file, before the last check. */
async function cliWithHook(args: readonly string[], beforeReplace: (file: string) => void | Promise<void>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: ROOT,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTTY: false,
    env: { NO_COLOR: '1' },
    beforeReplace,
  });
  return { code, stdout, stderr };
}

/** Our temporary files (and any `<name>.<digits>` of write-file-atomic) in a folder. */
const temps = (dir: string): string[] => readdirSync(dir).filter((n) => /\.nianbao-\d+-[0-9a-f]{8}\.tmp$|\.\d+$/u.test(n));

describe('writes that cannot lose an edit', () => {
  it('lint --fix: a file changed between the read and the write is left as the user saved it (exit 2, said why)', async () => {
    const dir = temp();
    const file = join(dir, 'report.txt');
    copyFileSync(FIXABLE, file);
    const before = readFileSync(file, 'utf8');
    let called = 0;
    const r = await cliWithHook(['lint', file, '--fix', '--format', 'json'], (target) => {
      called++;
      expect(target).toBe(file);
      appendFileSync(file, '\n作者刚刚追加的一行。\n');
    });
    expect(called).toBe(1);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} 在 nianbao 读取之后被改动过（大小、修改时间或内容已不同）：为免覆盖这些改动，没有写入。请保存好改动后重新运行。`);
    expect(r.stderr).not.toMatch(/at .*\.[jt]s:\d+/u);
    expect(readFileSync(file, 'utf8')).toBe(`${before}\n作者刚刚追加的一行。\n`);
    expect(temps(dir)).toEqual([]);
    // In English too.
    const en = await cliWithHook(['lint', file, '--fix', '--locale', 'en'], () => appendFileSync(file, 'x'));
    expect(en.stderr).toContain(`${file} changed after nianbao read it (its size, time or content differ): it was not written, so that the change is not lost.`);
  });

  it('lint --fix: same size, time put back, other content: the hash tells', async () => {
    const dir = temp();
    const file = join(dir, 'report.txt');
    copyFileSync(FIXABLE, file);
    const before = readFileSync(file);
    const { atime, mtime } = statSync(file);
    const r = await cliWithHook(['lint', file, '--fix'], () => {
      const edited = Buffer.from(before);
      edited[edited.length - 1] = edited[edited.length - 1] === 0x41 ? 0x42 : 0x41;
      writeFileSync(file, edited);
      utimesSync(file, atime, mtime);
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('在 nianbao 读取之后被改动过');
    expect(readFileSync(file).equals(before)).toBe(false);
    expect(readFileSync(file).subarray(0, -1).equals(before.subarray(0, -1))).toBe(true);
  });

  it('lint --fix: a file removed between the read and the write is not written back', async () => {
    const dir = temp();
    const file = join(dir, 'report.txt');
    copyFileSync(FIXABLE, file);
    const r = await cliWithHook(['lint', file, '--fix'], () => {
      // An editor's save that moves the file away (or a user who deleted it).
      writeFileSync(join(dir, 'moved.txt'), readFileSync(file));
      unlinkSync(file);
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} 在 nianbao 读取之后被删除或替换了，没有写入。`);
    expect(existsSync(file)).toBe(false);
    expect(temps(dir)).toEqual([]);
  });

  it('lint --fix in a folder: the changed file is refused, the others are fixed, the run exits 2', async () => {
    const dir = temp();
    copyFileSync(FIXABLE, join(dir, 'a.txt'));
    copyFileSync(FIXABLE, join(dir, 'b.txt'));
    const original = readFileSync(FIXABLE, 'utf8');
    const r = await cliWithHook(['lint', dir, '--fix', '--format', 'json'], (target) => {
      if (target.endsWith('a.txt')) appendFileSync(target, '追加');
    });
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(`${original}追加`);
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).not.toBe(original);
    expect(r.stderr).toContain(`${join(dir, 'a.txt')} 在 nianbao 读取之后被改动过`);
  });

  it('generate --update: the report changed since it was read is left as the author saved it', async () => {
    const dir = temp();
    const report = join(dir, 'report.md');
    expect((await cli(['generate', EXAMPLE, '-o', report])).code).toBe(0);
    const data = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { tables: { activeDisclosure: { licensing: { decisions: number } } } };
    data.tables.activeDisclosure.licensing.decisions = 4000;
    const changed = join(dir, 'changed.json');
    writeFileSync(changed, JSON.stringify(data));
    const saved = readFileSync(report, 'utf8');
    const r = await cliWithHook(['generate', changed, '--update', report], () => appendFileSync(report, '作者的新段落。\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${report} 在 nianbao 读取之后被改动过`);
    expect(readFileSync(report, 'utf8')).toBe(`${saved}作者的新段落。\n`);
    expect(temps(dir)).toEqual([]);
    // Unchanged, it is updated.
    expect((await cli(['generate', changed, '--update', report])).code).toBe(0);
    expect(readFileSync(report, 'utf8')).toContain('| 行政许可 | 4000 |');
  });

  it('-o without --force: a file made between the look and the write is not replaced', async () => {
    const dir = temp();
    const out = join(dir, 'out.json');
    const r = await cliWithHook(['extract', CLEAN, '-o', out], () => writeFileSync(out, '别人刚写的'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`输出文件 ${out} 已存在，未作改动。如需覆盖，请加 --force。`);
    expect(readFileSync(out, 'utf8')).toBe('别人刚写的');
    expect(temps(dir)).toEqual([]);
  });

  it('a read-only file is refused, by --fix and by -o --force, and keeps its mode (root too, whom the system would let write it)', async () => {
    const dir = temp();
    const file = join(dir, 'report.txt');
    copyFileSync(FIXABLE, file);
    chmodSync(file, 0o444);
    const before = readFileSync(file, 'utf8');
    const r = await cli(['lint', file, '--fix', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} 是只读文件，没有改动它。如确要修改，请先取消只读（如 chmod u+w ${file}）再运行。`);
    // The findings of the file as it is are still shown.
    expect((JSON.parse(r.stdout) as unknown[]).length).toBeGreaterThan(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    const out = join(dir, 'out.json');
    writeFileSync(out, '只读的输出');
    chmodSync(out, 0o444);
    const forced = await cli(['extract', CLEAN, '-o', out, '--force', '--locale', 'en']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain(`${out} is read-only and was left as it is.`);
    expect(readFileSync(out, 'utf8')).toBe('只读的输出');
    expect(temps(dir)).toEqual([]);
  });

  it.skipIf(!POSIX)('a link to nothing as the output: refused with and without --force, the link kept, nothing made where it points', async () => {
    const dir = temp();
    const out = join(dir, 'out.md');
    const target = join(dir, 'missing-folder', 'published.md');
    symlinkSync(target, out);
    for (const args of [['generate', EXAMPLE, '-o', out], ['generate', EXAMPLE, '-o', out, '--force'], ['init', '--year', '2024', '--agency', '某某局', '-o', out, '--force']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`${out} 是一个符号链接，它指向的 ${target} 不存在：nianbao 不会顺着它在别处新建文件，也不会替换这个链接（加 --force 也一样），没有写入。`);
      expect(lstatSync(out).isSymbolicLink()).toBe(true);
      expect(existsSync(target)).toBe(false);
    }
    expect(temps(dir)).toEqual([]);
  });

  it.skipIf(!POSIX)('a link to a file is written through: the file changes, the link stays', async () => {
    const dir = temp();
    copyFileSync(FIXABLE, join(dir, 'real.txt'));
    symlinkSync('real.txt', join(dir, 'report.txt'));
    const r = await cli(['lint', join(dir, 'report.txt'), '--fix']);
    expect(r.stderr).not.toContain('没有写入');
    expect(lstatSync(join(dir, 'report.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toContain('\n三、收到和处理政府信息公开申请情况\n');
  });

  it.skipIf(!POSIX)('-o to a FIFO is refused without opening it (no hang), even with --force', { timeout: 3000 }, async () => {
    const dir = temp();
    const fifo = makeFifo(join(dir, 'out.md'));
    const r = await cli(['generate', EXAMPLE, '-o', fifo, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${fifo} 不是普通文件，而是命名管道（FIFO）：nianbao 只写入普通文件，没有写入。要输出到标准输出，请用 -o -。`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('stale temporary files of ours beside the target are removed at the next write; nothing else is', async () => {
    const dir = temp();
    const out = join(dir, 'out.json');
    const old = new Date(Date.now() - 5 * 60_000);
    // A pid above Linux's pid_max: a process that is certainly gone.
    const stale = join(dir, '.out.json.nianbao-99999999-deadbeef.tmp');
    const fresh = join(dir, '.out.json.nianbao-99999998-cafebabe.tmp');
    const otherTarget = join(dir, '.other.json.nianbao-99999999-deadbeef.tmp');
    const notOurs = [join(dir, 'out.json.20240101'), join(dir, '.out.json.nianbao-backup.tmp'), join(dir, 'out.json.3735928559')];
    for (const f of [stale, fresh, otherTarget, ...notOurs]) writeFileSync(f, 'half a file');
    for (const f of [stale, otherTarget, ...notOurs]) utimesSync(f, old, old);
    const r = await cli(['extract', CLEAN, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(stale)).toBe(false);
    for (const f of [fresh, otherTarget, ...notOurs]) expect(existsSync(f), f).toBe(true);
    // And this write left none of its own.
    expect(readdirSync(dir).sort()).toEqual(['.other.json.nianbao-99999999-deadbeef.tmp', '.out.json.nianbao-99999998-cafebabe.tmp', '.out.json.nianbao-backup.tmp', 'out.json', 'out.json.20240101', 'out.json.3735928559']);
  });

  it('init -o and extract -o leave no temporary file after a write', async () => {
    const dir = temp();
    expect((await cli(['init', '--year', '2024', '--agency', '某某局', '-o', join(dir, 'a.json')])).code).toBe(0);
    expect((await cli(['extract', CLEAN, '-o', join(dir, 'b.json')])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json']);
  });
});

describe.skipIf(!POSIX)('reading only regular files', () => {
  it('lint, extract, generate and init refuse a FIFO named on the command line, without hanging', { timeout: 4000 }, async () => {
    const dir = temp();
    const fifo = makeFifo(join(dir, 'report.md'));
    const message = `${fifo} 不是普通文件，而是命名管道（FIFO）：nianbao 只读取普通文件，没有打开它。请指定报告文件本身。`;
    for (const args of [['lint', fifo], ['extract', fifo], ['generate', fifo], ['init', '--from', fifo, '--year', '2024']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stdout + r.stderr).not.toContain(RESCUE_TEXT.trim());
    }
    const en = await cli(['lint', fifo, '--locale', 'en']);
    expect(en.stderr).toContain(`${fifo} is not a regular file but a named pipe (FIFO): nianbao reads regular files only and did not open it.`);
  });

  it('lint /dev/zero: refused at once (no endless read, no memory)', { timeout: 2000 }, async () => {
    const r = await cli(['lint', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('/dev/zero 不是普通文件，而是字符设备（如 /dev/zero）：nianbao 只读取普通文件，没有打开它。请指定报告文件本身。\n');
  });

  it('a named link out of its folder is refused, naming where it leads; a named link to nothing says so', async () => {
    const dir = temp();
    const outside = temp();
    copyFileSync(CLEAN, join(outside, 'report.txt'));
    symlinkSync(join(outside, 'report.txt'), join(dir, 'report.txt'));
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
    const r = await cli(['lint', join(dir, 'report.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'report.txt')} 是一个符号链接，指向它所在的文件夹 ${dir} 之外的 ${join(outside, 'report.txt')}，没有读取。如确要读取该文件，请直接指定 ${join(outside, 'report.txt')}。`);
    // Named itself, it is read.
    expect((await cli(['lint', join(outside, 'report.txt')])).code).not.toBe(2);
    const dangling = await cli(['lint', join(dir, 'dangling.txt')]);
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain(`${join(dir, 'dangling.txt')} 是一个符号链接，它指向的 ${join(dir, 'gone.txt')} 不存在。请修正或删除这个链接。`);
  });

  it('a named file over the cap is refused by its size (a sparse file: no time, no memory)', async () => {
    const dir = temp();
    const big = join(dir, 'big.pdf');
    writeFileSync(big, '');
    truncateSync(big, MAX_REPORT_BYTES + 1024 * 1024);
    const r = await cli(['lint', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${big} 有 65 MB，超过了 nianbao 读取的上限 64 MB，没有读取。`);
  });

  it('--previous naming a FIFO or /dev/zero, previousReport naming a FIFO: refused (exit 2), never a hang', { timeout: 4000 }, async () => {
    const dir = temp();
    const report = join(dir, '2023.txt');
    copyFileSync(CLEAN, report);
    const fifo = makeFifo(join(dir, '2022.txt'));
    for (const previous of [fifo, '/dev/zero']) {
      const r = await cli(['lint', report, '--previous', previous]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${previous} 不是普通文件`);
    }
    // --previous auto passes over the FIFO beside the report.
    expect((await cli(['lint', report, '--previous', 'auto', '--format', 'json'])).code).not.toBe(2);
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ previousReport: '2022.txt' }));
    const configured = await cli(['lint', report]);
    expect(configured.code).toBe(2);
    expect(configured.stderr).toContain(`${fifo} 不是普通文件，而是命名管道（FIFO）`);
  });

  it('a folder run names every file it passed over and why, and still checks the rest', { timeout: 5000 }, async () => {
    const dir = temp();
    const outside = temp();
    copyFileSync(CLEAN, join(dir, 'a.txt'));
    copyFileSync(CLEAN, join(outside, 'elsewhere.txt'));
    makeFifo(join(dir, 'fifo.md'));
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    symlinkSync(join(outside, 'elsewhere.txt'), join(dir, 'out.txt'));
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
    writeFileSync(join(dir, 'big.pdf'), '');
    truncateSync(join(dir, 'big.pdf'), MAX_REPORT_BYTES + 1);
    writeFileSync(join(dir, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'loop'));
    const r = await cli(['lint', dir, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(new Set((JSON.parse(r.stdout) as Array<{ file: string }>).map((f) => f.file))).toEqual(new Set([join(dir, 'a.txt')]));
    for (const line of [
      `${join(dir, 'big.pdf')}：有 64 MB，超过读取上限 64 MB，没有读取`,
      `${join(dir, 'binary.txt')}：既不是文本，也不是 .docx 或 PDF（二进制内容），无法检查`,
      `${join(dir, 'dangling.txt')}：符号链接，它指向的 ${join(dir, 'gone.txt')} 不存在`,
      `${join(dir, 'fifo.md')}：不是普通文件，而是命名管道（FIFO），没有打开`,
      `${join(dir, 'out.txt')}：符号链接，指向所检查的文件夹之外（${join(outside, 'elsewhere.txt')}），没有读取；如要检查，请直接指定该文件`,
      `${join(dir, 'sub', 'loop')}：指向已检查过的文件夹的符号链接（循环或重复），没有再检查一遍`,
      `${join(dir, 'zero.txt')}：符号链接，指向所检查的文件夹之外（/dev/zero），没有读取；如要检查，请直接指定该文件`,
    ]) {
      expect(r.stderr).toContain(`  ${line}\n`);
    }
    expect(r.stderr).toContain('跳过的文件（7 个）：');
    expect(r.stderr).toMatch(/检查了 1 个文件：.*；跳过 7 个文件。/u);
    expect(r.stdout + r.stderr).not.toContain(RESCUE_TEXT.trim());
  });

  it('a folder with nothing but what is passed over: exit 2, and still each file named', { timeout: 3000 }, async () => {
    const dir = temp();
    makeFifo(join(dir, 'only.md'));
    const r = await cli(['lint', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`跳过的文件（1 个）：\n  ${join(dir, 'only.md')}：不是普通文件，而是命名管道（FIFO），没有打开\n在 ${dir} 中没有找到报告文件（.md、.markdown、.txt、.html、.htm、.docx、.pdf）。请指定报告文件或其所在的文件夹。\n`);
  });

  it('--templates: a FIFO, a link out of the folder or a file over the cap is a template error, never a hang', { timeout: 5000 }, async () => {
    const dir = temp();
    const outside = temp();
    const templates = join(dir, 'templates');
    mkdirSync(join(templates, 'partials'), { recursive: true });
    makeFifo(join(templates, 'partials', 'section-problems.hbs'));
    const r = await cli(['generate', EXAMPLE, '--templates', templates]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`模板有误：${join(templates, 'partials', 'section-problems.hbs')}：是命名管道（FIFO），不是普通文件`);
    expect(r.stdout).toBe('');

    const linked = join(dir, 'linked');
    mkdirSync(linked);
    writeFileSync(join(outside, 'report.md.hbs'), '# {{title}}\n');
    symlinkSync(join(outside, 'report.md.hbs'), join(linked, 'report.md.hbs'));
    const out = await cli(['generate', EXAMPLE, '--templates', linked, '--locale', 'en']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('is a symbolic link out of the templates folder');

    const big = join(dir, 'big');
    mkdirSync(big);
    writeFileSync(join(big, 'report.md.hbs'), '');
    truncateSync(join(big, 'report.md.hbs'), 2 * 1024 * 1024);
    const large = await cli(['generate', EXAMPLE, '--templates', big]);
    expect(large.code).toBe(2);
    expect(large.stderr).toContain('超过 1 MB，不像是模板');
  });
});

// A whole process: only a process can be stopped by a signal. It runs the built CLI (`tsc -b` first) with
// the test hook, which says "ready" once the new content is beside the file and then waits.
describe.skipIf(!POSIX)('the temporary file is removed when the process is stopped mid-write', () => {
  const MAIN = join(ROOT, 'packages/cli/dist/main.js');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: no temporary file left, the file as it was, the process dies of the signal`, { timeout: 10_000 }, async () => {
      expect(existsSync(MAIN), 'run tsc -b first').toBe(true);
      const dir = temp();
      const file = join(dir, 'report.txt');
      copyFileSync(FIXABLE, file);
      const before = readFileSync(file, 'utf8');
      const script = [
        `import { run } from ${JSON.stringify(pathToFileURL(MAIN).href)};`,
        `await run(['lint', ${JSON.stringify(file)}, '--fix'], {`,
        `  cwd: ${JSON.stringify(dir)}, stdout: () => {}, stderr: (t) => process.stderr.write(t), env: {},`,
        `  beforeReplace: () => new Promise(() => { setInterval(() => {}, 1000); process.stdout.write('ready\\n'); }),`,
        `});`,
      ].join('\n');
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, sig) => done({ code, signal: sig })));
      await new Promise<void>((ready, fail) => {
        const timer = setTimeout(() => fail(new Error(`never ready: ${stderr}`)), 8000);
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('ready')) {
            clearTimeout(timer);
            ready();
          }
        });
      });
      expect(temps(dir)).toHaveLength(1);
      child.kill(signal);
      const exit = await ended;
      expect(exit.signal).toBe(signal);
      expect(temps(dir)).toEqual([]);
      expect(readdirSync(dir)).toEqual(['report.txt']);
      expect(readFileSync(file, 'utf8')).toBe(before);
    });
  }
});
