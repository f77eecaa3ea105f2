/**
 * `nianbao lint --cache` (issue 13, item 1): a second run runs no rule on a file whose content,
 * configuration, version, options and paired last year's report are unchanged, and gives the same output;
 * anything of those changed is linted again. The rules are counted by wrapping the engine's `lint`.
 */
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cli, useTempDirs } from './helpers/cli.js';
import { CORPUS_DIR } from './helpers/corpus.js';

const linted = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('@nianbao/lint', async (original) => {
  const real = await original<typeof import('@nianbao/lint')>();
  return {
    ...real,
    lint: (document: Parameters<typeof real.lint>[0], options?: Parameters<typeof real.lint>[1]) => {
      // Named as the folder names them: 通达-<year>.txt, and 其他.txt for the other agency's report.
      const agency = document.title?.agency ?? '';
      linted.files.push(agency.includes('通达') ? `通达-${document.reportYear}.txt` : '其他.txt');
      return real.lint(document, options);
    },
  };
});

const temp = useTempDirs();
const R000 = join(CORPUS_DIR, '000_05203f94ff7e5eba.txt');
const R002 = join(CORPUS_DIR, '002_8df8c676ffab5338.txt');

const as = (year: number, forward = 0): string =>
  readFileSync(R000, 'utf8')
    .replace('南岗区通达街道办事处 2023 年政府信息公开工作年度报告', `南岗区通达街道办事处 ${year} 年政府信息公开工作年度报告`)
    .replace(/2023年1月1日至2023年12月31日/gu, `${year}年1月1日至${year}年12月31日`)
    .replace(/四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0/u, `四、结转下年度继续办理\t\t${forward}\t0\t0\t0\t0\t0\t${forward}`);

function folder(): string {
  const dir = temp();
  writeFileSync(join(dir, '通达-2022.txt'), as(2022));
  writeFileSync(join(dir, '通达-2023.txt'), as(2023));
  copyFileSync(R002, join(dir, '其他.txt'));
  writeFileSync(join(dir, '说明.md'), '# 说明\n');
  return dir;
}

beforeEach(() => {
  linted.files = [];
});

const base = (files: string[]): string[] => [...files].sort();

describe('--cache', () => {
  it('a second run reads no unchanged file’s rules and prints the same; the entries are in node_modules/.cache/nianbao', async () => {
    const dir = folder();
    const first = await cli(['lint', '.', '--cache'], dir);
    expect(base(linted.files)).toEqual(['其他.txt', '通达-2022.txt', '通达-2023.txt']);
    expect(existsSync(join(dir, 'node_modules', '.cache', 'nianbao'))).toBe(true);
    linted.files = [];
    const second = await cli(['lint', '.', '--cache'], dir);
    expect(linted.files).toEqual([]);
    expect(second).toEqual(first);
    const json = [await cli(['lint', '.', '--cache', '--format', 'json'], dir), await cli(['lint', '.', '--format', 'json'], dir)];
    expect(json[0]!.stdout).toBe(json[1]!.stdout);
  });

  it('a changed file is linted again; so is the report paired with last year’s when last year’s changes', async () => {
    const dir = folder();
    await cli(['lint', '.', '--cache'], dir);
    linted.files = [];
    writeFileSync(join(dir, '其他.txt'), `${readFileSync(join(dir, '其他.txt'), 'utf8')}\n`);
    await cli(['lint', '.', '--cache'], dir);
    expect(base(linted.files)).toEqual(['其他.txt']);
    linted.files = [];
    // Last year's report now carries 2 forward: this year's carry-over no longer holds.
    writeFileSync(join(dir, '通达-2022.txt'), as(2022, 2));
    const r = await cli(['lint', '.', '--cache', '--format', 'json'], dir);
    expect(base(linted.files)).toEqual(['通达-2022.txt', '通达-2023.txt']);
    expect((JSON.parse(r.stdout) as Array<{ ruleId: string; file: string }>).some((f) => f.ruleId === 'carryover' && f.file === '通达-2023.txt')).toBe(true);
  });

  it('a new report of last year appearing beside one changes its pairing: linted again', async () => {
    const dir = temp();
    writeFileSync(join(dir, '通达-2023.txt'), as(2023));
    await cli(['lint', '.', '--cache'], dir);
    linted.files = [];
    writeFileSync(join(dir, '通达-2022.txt'), as(2022, 2));
    await cli(['lint', '.', '--cache'], dir);
    expect(base(linted.files)).toEqual(['通达-2022.txt', '通达-2023.txt']);
  });

  it('a changed configuration, other options or without --cache: linted again; --cache-location puts it elsewhere', async () => {
    const dir = folder();
    await cli(['lint', '.', '--cache'], dir);
    linted.files = [];
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { placeholder: 'off' } }));
    await cli(['lint', '.', '--cache'], dir);
    expect(linted.files).toHaveLength(3);
    linted.files = [];
    await cli(['lint', '.', '--cache', '--locale', 'en'], dir);
    expect(linted.files).toHaveLength(3);
    linted.files = [];
    await cli(['lint', '.'], dir);
    expect(linted.files).toHaveLength(3);
    linted.files = [];
    await cli(['lint', '.', '--cache', '--cache-location', 'elsewhere'], dir);
    expect(linted.files).toHaveLength(3);
    expect(readdirSync(join(dir, 'elsewhere')).length).toBeGreaterThan(0);
    linted.files = [];
    await cli(['lint', '.', '--cache', '--cache-location', 'elsewhere'], dir);
    expect(linted.files).toEqual([]);
  });

  it('--quiet from the cache shows errors only, as without it', async () => {
    const dir = folder();
    await cli(['lint', '.', '--cache'], dir);
    const cached = await cli(['lint', '.', '--cache', '--quiet', '--format', 'json'], dir);
    const fresh = await cli(['lint', '.', '--quiet', '--format', 'json'], dir);
    expect(cached.stdout).toBe(fresh.stdout);
  });
});
