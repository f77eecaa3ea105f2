/**
 * Folder runs on both cores (issue 13, items 1 and 2): the worker pool gives exactly what one thread
 * gives, in input order; chunks and thread counts; the progress line on a terminal only. The pool runs
 * the built worker (dist/lint-worker.js): `npm test` builds first.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../packages/cli/src/main.js';
import { Progress, durationText } from '../packages/cli/src/progress.js';
import { MAX_CHUNK, chunksOf, threadsFor, workerScript } from '../packages/cli/src/pool.js';
import { cli, useTempDirs } from './helpers/cli.js';
import { CORPUS_DIR } from './helpers/corpus.js';
import { LAYOUTS, compose, injectFault, randomReport } from './helpers/layouts/index.js';

const temp = useTempDirs();
const R000 = join(CORPUS_DIR, '000_05203f94ff7e5eba.txt');

/** Report 000 as another agency's, for another year, carrying `forward` requests into the next. */
const as = (year: number, agency: string, forward = 0): string =>
  readFileSync(R000, 'utf8')
    .replace('南岗区通达街道办事处 2023 年政府信息公开工作年度报告', `${agency} ${year} 年政府信息公开工作年度报告`)
    .replace(/2023年1月1日至2023年12月31日/gu, `${year}年1月1日至${year}年12月31日`)
    .replace(/四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/u, `四、结转下年度继续办理\t\t${forward}\t0\t0\t0\t0\t0\t${forward}`);

/** Two folders of several agencies over three years (pairs, some carry-overs that do not hold) and generated reports with faults. */
async function province(): Promise<string> {
  const dir = temp();
  for (const [county, agencies] of [
    ['城关区', ['城关区通达街道办事处', '城关区新阳路街道办事处', '城关区教育局']],
    ['河西区', ['河西区人民政府办公室', '河西区财政局']],
  ] as const) {
    mkdirSync(join(dir, county));
    agencies.forEach((agency, a) => {
      for (const year of [2021, 2022, 2023]) writeFileSync(join(dir, county, `${agency}-${year}.txt`), as(year, agency, (a + year) % 3 === 0 ? 2 : 0));
    });
  }
  mkdirSync(join(dir, '生成'));
  for (let i = 0; i < 8; i++) {
    const data = randomReport(500 + i);
    const doc = i % 4 === 0 ? injectFault(data, 'wrong-total', i).doc : compose(data, { seed: i });
    const layout = (['markdown', 'word-text', 'pipes', 'crawl'] as const)[i % 4]!;
    const text = await LAYOUTS[layout].write(doc, { seed: i });
    writeFileSync(join(dir, '生成', `${String(i).padStart(2, '0')}-${LAYOUTS[layout].fileName}`), text);
  }
  writeFileSync(join(dir, '说明.md'), '# 说明\n');
  return dir;
}

describe('the worker pool', () => {
  it('the built worker is there (npm test builds first)', () => {
    expect(workerScript()).toBeDefined();
  });

  it('gives byte for byte what one thread gives, in input order, for every streamed format', async () => {
    const dir = await province();
    let pooled = '';
    for (const format of ['json-files', 'stylish']) {
      const one = await cli(['lint', '.', '--format', format, '--concurrency', 'off'], dir);
      const pool = await cli(['lint', '.', '--format', format, '--concurrency', '2'], dir);
      expect(pool.code).toBe(one.code);
      expect(pool.stdout).toBe(one.stdout);
      expect(pool.stderr).toBe(one.stderr);
      if (format === 'json-files') pooled = pool.stdout;
    }
    const files = JSON.parse(pooled) as Array<{ file: string; messages: Array<{ ruleId: string }> }>;
    expect(files).toHaveLength(15 + 8);
    // Input order: the folders as walked, each file once.
    expect(files.map((f) => f.file)).toEqual([...new Set(files.map((f) => f.file))]);
    expect(files[0]!.file).toBe(join('城关区', '城关区教育局-2021.txt'));
    // Each folder's pairs were found in the pool too: carry-overs that do not hold were reported.
    expect(files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'carryover').length).toBeGreaterThan(0);
    expect((await cli(['lint', '.', '--print-pairs'], dir)).stdout).toContain(`${join('城关区', '城关区教育局-2023.txt')} ← ${join('城关区', '城关区教育局-2022.txt')}`);
  }, 120_000);

  it('pairs each report with last year’s wherever it stands in the folder, before or after it', async () => {
    // Named so that the later years come first: a model must still be at hand when its successor is
    // linted before it, and one linted first kept for the successor that comes after.
    const dir = temp();
    const agency = '城关区通达街道办事处';
    const names = { 2023: `1-${agency}-2023.txt`, 2021: `2-${agency}-2021.txt`, 2022: `3-${agency}-2022.txt` } as const;
    writeFileSync(join(dir, names[2021]), as(2021, agency, 2));
    writeFileSync(join(dir, names[2022]), as(2022, agency, 3));
    writeFileSync(join(dir, names[2023]), as(2023, agency, 0));
    for (const concurrency of ['off', '2']) {
      const folder = JSON.parse((await cli(['lint', '.', '--format', 'json-files', '--concurrency', concurrency], dir)).stdout) as Array<{ file: string; messages: unknown[] }>;
      for (const year of [2022, 2023] as const) {
        const alone = JSON.parse((await cli(['lint', names[year], '--previous', names[(year - 1) as 2021 | 2022], '--format', 'json-files'], dir)).stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
        expect(alone[0]!.messages.some((m) => m.ruleId === 'carryover'), `${year}`).toBe(true);
        expect(folder.find((f) => f.file === names[year])!.messages, `${year}, --concurrency ${concurrency}`).toEqual(alone[0]!.messages);
      }
    }
  });

  it('a run that must stop (a --previous that is not there) stops in the pool as in one thread', async () => {
    const dir = await province();
    const r = await cli(['lint', '.', '--previous', 'gone.txt', '--concurrency', '2'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gone.txt');
  });
});

describe('chunks and threads', () => {
  it('a chunk is consecutive files of one folder, at most MAX_CHUNK, and a sliver past it rides along', () => {
    const folder = (name: string, n: number): Array<{ path: string }> => Array.from({ length: n }, (_, i) => ({ path: `${name}/${i}.md` }));
    const files = [...folder('a', MAX_CHUNK + 5), { path: 'b/1.md' }, { path: 'a/late.md' }, ...folder('c', 2 * MAX_CHUNK + MAX_CHUNK / 4 + 1), ...folder('d', MAX_CHUNK + MAX_CHUNK / 4)];
    const chunks = chunksOf(files, (p) => p.split('/')[0]!);
    // A quarter of MAX_CHUNK or less past a full chunk stays with it; more is a chunk of its own.
    expect(chunks.map((c) => c.length)).toEqual([MAX_CHUNK + 5, 1, 1, MAX_CHUNK, MAX_CHUNK, MAX_CHUNK / 4 + 1, MAX_CHUNK + MAX_CHUNK / 4]);
    expect(chunks.flat()).toEqual(files);
    expect(chunksOf(folder('e', 3), () => 'e')).toEqual([folder('e', 3)]);
    expect(chunksOf([], () => 'x')).toEqual([]);
  });

  it('one thread for a handful of files or `off`; a number as given; auto by cores', () => {
    expect(threadsFor('auto', 5)).toBe(1);
    expect(threadsFor('off', 5000)).toBe(1);
    expect(threadsFor(3, 5000)).toBe(3);
    expect(threadsFor(4, 2)).toBe(2);
    expect(threadsFor('auto', 5000)).toBeGreaterThanOrEqual(1);
  });
});

describe('the progress line', () => {
  it('files done of total, findings so far, the time left; never wider than the terminal', () => {
    let now = 0;
    const written: string[] = [];
    const p = new Progress({ total: 10, locale: 'zh', write: (t) => written.push(t), columns: 200, color: false, now: () => now, intervalMs: 100 });
    now = 1000;
    p.tick(3);
    expect(written.at(-1)).toBe('\r\u001b[2K检查中 [##..................] 1/10 个文件，问题 3 个，预计还需 9 秒');
    now = 1050;
    p.tick(0);
    // Redrawn at most every 100 ms.
    expect(written).toHaveLength(1);
    const narrow = new Progress({ total: 10, locale: 'en', write: () => undefined, columns: 30, color: false, now: () => 0 });
    expect(narrow.line().length).toBeLessThanOrEqual(29);
    expect(durationText(65_000, 'zh')).toBe('1 分 5 秒');
    p.clear();
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });

  it('on stderr when it is a terminal, cleared at the end; nothing when it is not', async () => {
    const dir = temp();
    for (const n of [1, 2, 3]) copyFileSync(R000, join(dir, `${n}.txt`));
    const stderrOf = async (tty: boolean): Promise<string> => {
      let stderr = '';
      await run(['lint', '.', '--concurrency', 'off'], { cwd: dir, stdout: () => undefined, stderr: (t) => void (stderr += t), env: {}, ...(tty ? { stderrTTY: { columns: 120 } } : {}) });
      return stderr;
    };
    const tty = await stderrOf(true);
    expect(tty).toContain('\r\u001b[2K\u001b[2m检查中 [####################] 3/3 个文件');
    // The line is taken off before the summary.
    expect(tty.indexOf('检查了 3 个文件')).toBeGreaterThan(tty.lastIndexOf('\r\u001b[2K'));
    const plain = await stderrOf(false);
    expect(plain).not.toContain('检查中');
    expect(plain).not.toContain('\r');
    let noColour = '';
    await run(['lint', '.'], { cwd: dir, stdout: () => undefined, stderr: (t) => void (noColour += t), env: { NO_COLOR: '1' }, stderrTTY: { columns: 120 } });
    expect(noColour).toContain('\r\u001b[2K检查中');
    expect((await (async () => {
      let s = '';
      await run(['lint', '.', '--no-progress'], { cwd: dir, stdout: () => undefined, stderr: (t) => void (s += t), env: {}, stderrTTY: { columns: 120 } });
      return s;
    })())).not.toContain('检查中');
  });
});
