/**
 * The one ignore policy of folder runs (issue 13): `.gitignore` and `.nianbaoignore` from the repository's
 * root down, gitignore's precedence, `!pattern` arguments, and what is recorded for each file left out.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IgnorePolicy, expandInputs, isNegation, walkReportFiles, type SkippedFile } from '@nianbao/project';

const folders: string[] = [];
afterEach(() => {
  while (folders.length > 0) rmSync(folders.pop()!, { recursive: true, force: true });
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-walk-'));
  folders.push(dir);
  return dir;
}
function write(dir: string, path: string, text = 'x'): void {
  const file = join(dir, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

describe('the ignore policy', () => {
  it('a .gitignore leaves out files and folders, in gitignore syntax; the rule that matched is recorded', async () => {
    const dir = temp();
    write(dir, '.gitignore', '# 不检查\nbuild-out/\n*.bak.md\n');
    write(dir, 'a.md');
    write(dir, 'b.bak.md');
    write(dir, 'build-out/c.md');
    write(dir, 'sub/d.txt');
    const skipped: SkippedFile[] = [];
    const files = await walkReportFiles('.', { cwd: dir, skipped, ignore: new IgnorePolicy({ cwd: dir }) });
    expect(files).toEqual(['a.md', join('sub', 'd.txt')]);
    expect(skipped.filter((s) => s.reason === 'ignored')).toEqual([
      { path: 'b.bak.md', reason: 'ignored', ignoredBy: { file: '.gitignore', line: 3, pattern: '*.bak.md' } },
      { path: 'build-out', reason: 'ignored', ignoredBy: { file: '.gitignore', line: 2, pattern: 'build-out/' } },
    ]);
  });

  it('a deeper ignore file wins over one above, .nianbaoignore over .gitignore, the last matching line within a file', async () => {
    const dir = temp();
    write(dir, '.gitignore', '*.txt\n');
    write(dir, 'keep/.gitignore', '!*.txt\n');
    write(dir, 'keep/.nianbaoignore', 'draft.txt\n');
    write(dir, 'x.txt');
    write(dir, 'keep/y.txt');
    write(dir, 'keep/draft.txt');
    write(dir, 'z.md');
    write(dir, '.nianbaoignore', 'z.md\n!z.md\n');
    const files = await walkReportFiles('.', { cwd: dir, ignore: new IgnorePolicy({ cwd: dir }) });
    expect(files).toEqual([join('keep', 'y.txt'), 'z.md']);
  });

  it('walking a subfolder, the repository root’s .gitignore still applies (git’s own reading)', async () => {
    const dir = temp();
    mkdirSync(join(dir, '.git'));
    write(dir, '.gitignore', '草稿/\n');
    write(dir, 'reports/2024/a.md');
    write(dir, 'reports/2024/草稿/b.md');
    const files = await walkReportFiles(join(dir, 'reports'), { ignore: new IgnorePolicy({ cwd: join(dir, 'reports') }) });
    expect(files).toEqual([join(dir, 'reports', '2024', 'a.md')]);
  });

  it('a folder named itself is walked even when an ignore file above names it; the ignore files inside it still apply', async () => {
    const dir = temp();
    mkdirSync(join(dir, '.git'));
    write(dir, '.gitignore', 'vendor/\n');
    write(dir, 'vendor/reports/.nianbaoignore', '*.bak.md\n');
    write(dir, 'vendor/reports/a.md');
    write(dir, 'vendor/reports/b.bak.md');
    const files = await walkReportFiles(join(dir, 'vendor', 'reports'), { ignore: new IgnorePolicy({ cwd: dir }) });
    expect(files).toEqual([join(dir, 'vendor', 'reports', 'a.md')]);
    expect(await walkReportFiles('.', { cwd: dir, ignore: new IgnorePolicy({ cwd: dir }) })).toEqual([]);
  });

  it('no policy, or ignoreFiles off: the ignore files are not read', async () => {
    const dir = temp();
    write(dir, '.gitignore', '*.md\n');
    write(dir, 'a.md');
    expect(await walkReportFiles('.', { cwd: dir })).toEqual(['a.md']);
    expect(await walkReportFiles('.', { cwd: dir, ignore: new IgnorePolicy({ cwd: dir, ignoreFiles: false }) })).toEqual(['a.md']);
  });
});

describe('expandInputs: `!pattern` arguments and globs go through the same policy', () => {
  it('`!**/草稿/**` leaves out every 草稿 folder; with only negations the run’s folder is walked', async () => {
    const dir = temp();
    write(dir, 'a/草稿/1.md');
    write(dir, 'a/2.md');
    write(dir, '草稿/3.md');
    write(dir, '4.md');
    expect(isNegation('!**/草稿/**')).toBe(true);
    expect(isNegation('!')).toBe(false);
    const skipped: SkippedFile[] = [];
    const files = await expandInputs(['!**/草稿/**'], { cwd: dir, skipped });
    expect(files.map((f) => f.path)).toEqual(['4.md', join('a', '2.md')]);
    expect(skipped.map((s) => [s.path, s.reason, s.ignoredBy?.pattern])).toEqual([
      // `**/草稿/**` names what is inside 草稿 (as in git), so each file is named, not the folder.
      [join('a', '草稿', '1.md'), 'ignored', '**/草稿/**'],
      [join('草稿', '3.md'), 'ignored', '**/草稿/**'],
    ]);
  });

  it('a glob’s matches are filtered by .gitignore and by `!pattern`s; a file named itself is always taken', async () => {
    const dir = temp();
    write(dir, '.gitignore', 'old.md\n');
    write(dir, 'old.md');
    write(dir, 'new.md');
    write(dir, 'draft.md');
    const skipped: SkippedFile[] = [];
    const files = await expandInputs(['*.md', '!draft.md'], { cwd: dir, skipped });
    expect(files.map((f) => f.path)).toEqual(['new.md']);
    expect(skipped.map((s) => s.path).sort()).toEqual(['draft.md', 'old.md']);
    const named = await expandInputs(['old.md'], { cwd: dir });
    expect(named).toEqual([{ path: 'old.md', explicit: true }]);
  });

  it('--no-ignore: .gitignore does not apply, `!pattern`s still do', async () => {
    const dir = temp();
    write(dir, '.gitignore', 'a.md\n');
    write(dir, 'a.md');
    write(dir, 'b.md');
    const files = await expandInputs(['.', '!b.md'], { cwd: dir, ignoreFiles: false });
    expect(files.map((f) => f.path)).toEqual(['a.md']);
  });
});
