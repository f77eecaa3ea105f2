/**
 * Reading a `--templates` folder (issue 14): only regular files of the folder, only up to the cap. A FIFO
 * there used to hang `generate` (the templates are read synchronously: a test of a regression would block
 * its own thread, which the FIFO's rescuer unblocks; see test/helpers/hazards.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_BYTES, TemplateError, loadTemplates } from '../src/templates.js';
import { POSIX, makeFifo } from '../../../test/helpers/hazards.js';

const folders: string[] = [];
afterEach(() => {
  while (folders.length > 0) rmSync(folders.pop()!, { recursive: true, force: true });
});
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-templates-safe-'));
  folders.push(dir);
  return dir;
}

function templateError(run: () => unknown): { file: string; reason: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateError) return { file: error.file, reason: error.reason };
    throw error;
  }
  throw new Error('expected a TemplateError');
}

describe.skipIf(!POSIX)('a templates folder: regular files of the folder only', () => {
  it('a FIFO as a partial or as the main template is a TemplateError, never a hang', { timeout: 5000 }, () => {
    const dir = temp();
    mkdirSync(join(dir, 'partials'));
    const fifo = makeFifo(join(dir, 'partials', 'section-problems.hbs'));
    expect(templateError(() => loadTemplates(2021, dir))).toEqual({ file: fifo, reason: '是命名管道（FIFO），不是普通文件 (is a named pipe (FIFO), not a regular file)' });
    const main = temp();
    makeFifo(join(main, 'report.md.hbs'));
    expect(templateError(() => loadTemplates(2021, main)).reason).toMatch(/FIFO/u);
  });

  it('a link inside the folder is followed; one out of it, or to nothing, is refused; so is a folder named .hbs', () => {
    const dir = temp();
    const outside = temp();
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'mine.hbs'), '# {{title}}\n');
    symlinkSync(join(dir, 'mine.hbs'), join(dir, 'report.md.hbs'));
    expect(loadTemplates(2021, dir).main).toBe('# {{title}}\n');
    writeFileSync(join(outside, 'x.hbs'), 'x');
    symlinkSync(join(outside, 'x.hbs'), join(dir, 'partials', 'signature.hbs'));
    expect(templateError(() => loadTemplates(2021, dir)).reason).toContain('is a symbolic link out of the templates folder');
    const dangling = temp();
    symlinkSync(join(dangling, 'nothing.hbs'), join(dangling, 'report.md.hbs'));
    expect(templateError(() => loadTemplates(2021, dangling)).reason).toContain('is a symbolic link to nothing');
    const folder = temp();
    mkdirSync(join(folder, 'partials', 'signature.hbs'), { recursive: true });
    expect(templateError(() => loadTemplates(2021, folder)).reason).toBe('是一个文件夹 (is a folder)');
  });

  it('a template over the cap is refused by its size, unread', () => {
    const dir = temp();
    writeFileSync(join(dir, 'report.md.hbs'), '');
    truncateSync(join(dir, 'report.md.hbs'), MAX_TEMPLATE_BYTES + 1);
    expect(templateError(() => loadTemplates(2021, dir)).reason).toBe('超过 1 MB，不像是模板 (is over 1 MB: not a template)');
  });
});
