import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers/cli.js';

// What a run loads is most of what a one-file run costs (issue 13): a process of the built CLI is run
// with a module hook that writes down every module it loads, ES modules and CommonJS alike, and the test
// names the heavy packages a run must not load for what it was asked to do.

const BIN = join(ROOT, 'packages/cli/bin/nianbao.js');
const EXAMPLE_TEXT = join(ROOT, 'examples/2023-平房区-年度报告.txt');
const EXAMPLE_DATA = join(ROOT, 'schemas/report-data.example.json');

/** Registers the ES module hook (in its own thread) and wraps CommonJS's loader, both writing to $LOADED. */
const REGISTER = `
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
register('./hooks.mjs', import.meta.url);
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const exports = load.apply(this, arguments);
  try { appendFileSync(process.env.LOADED, Module._resolveFilename(request, parent, isMain) + '\\n'); } catch {}
  return exports;
};
`;
const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  const loaded = await next(url, context);
  appendFileSync(process.env.LOADED, url + '\\n');
  return loaded;
}
`;

const folder = tempDir();
afterAll(() => folder.cleanup());
beforeAll(() => {
  writeFileSync(join(folder.dir, 'register.mjs'), REGISTER);
  writeFileSync(join(folder.dir, 'hooks.mjs'), HOOKS);
});

/** The modules a run of the CLI with `args` in `cwd` loaded, as paths or URLs, and how it ended. */
function modulesLoaded(args: readonly string[], cwd: string): { loaded: string[]; code: number | null; stderr: string } {
  const log = join(folder.dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(join(folder.dir, 'register.mjs')).href, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LOADED: log },
  });
  return { loaded: readFileSync(log, 'utf8').split('\n').filter((l) => l !== ''), code: run.status, stderr: run.stderr };
}

/** The packages, of `names`, that one of `loaded` comes from. */
function packagesAmong(loaded: readonly string[], names: readonly string[]): string[] {
  return names.filter((name) => loaded.some((path) => path.includes(`/node_modules/${name}/`)));
}

const HEAVY_FOR_TEXT = ['iconv-lite', 'remark-parse', 'remark-gfm', 'unified', 'micromark', 'mdast-util-from-markdown', 'hast-util-from-html', 'parse5', 'pdfjs-dist', 'ajv', 'handlebars', 'exceljs', 'docx', 'fflate'];

describe('what a run loads', () => {
  it('a one-file lint of a .txt report loads no Markdown, HTML, PDF, .docx or spreadsheet code, no ajv and no handlebars', () => {
    const dir = tempDir();
    try {
      copyFileSync(EXAMPLE_TEXT, join(dir.dir, '报告.txt'));
      const run = modulesLoaded(['lint', '报告.txt'], dir.dir);
      expect(run.code, run.stderr).toBe(0);
      // The hook saw the run: the engine and its rules were loaded.
      expect(run.loaded.some((path) => /\/packages\/lint\/dist\/rules\//u.test(path))).toBe(true);
      expect(packagesAmong(run.loaded, HEAVY_FOR_TEXT)).toEqual([]);
    } finally {
      dir.cleanup();
    }
  });

  it('a configuration is validated without ajv, and a broken one is still worded', () => {
    const dir = tempDir();
    try {
      copyFileSync(EXAMPLE_TEXT, join(dir.dir, '报告.txt'));
      writeFileSync(join(dir.dir, '.nianbaorc.json'), '{ "rules": { "placeholdr": "off" } }\n');
      const run = modulesLoaded(['lint', '报告.txt'], dir.dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('没有名为“placeholdr”的规则');
      expect(run.stderr).toContain('placeholder');
      expect(packagesAmong(run.loaded, ['ajv'])).toEqual([]);
    } finally {
      dir.cleanup();
    }
  });

  it('a Markdown report loads micromark, and only the Markdown reader', () => {
    const dir = tempDir();
    try {
      copyFileSync(EXAMPLE_TEXT, join(dir.dir, '报告.md'));
      const run = modulesLoaded(['lint', '报告.md'], dir.dir);
      expect(run.code, run.stderr).toBe(0);
      expect(packagesAmong(run.loaded, ['micromark'])).toEqual(['micromark']);
      // The reader walks micromark's events itself: no syntax tree, no GFM extension.
      expect(packagesAmong(run.loaded, ['remark-parse', 'remark-gfm', 'mdast-util-from-markdown', 'micromark-extension-gfm-table', 'hast-util-from-html', 'parse5', 'pdfjs-dist', 'ajv', 'handlebars', 'exceljs', 'fflate'])).toEqual([]);
    } finally {
      dir.cleanup();
    }
  });

  it('generate loads handlebars, and no linter, reader, ajv, iconv-lite or spreadsheet code', () => {
    const dir = tempDir();
    try {
      const run = modulesLoaded(['generate', EXAMPLE_DATA, '-o', join(dir.dir, '报告.md')], dir.dir);
      expect(run.code, run.stderr).toBe(0);
      expect(packagesAmong(run.loaded, ['handlebars'])).toEqual(['handlebars']);
      // Nothing of the linter: generate reads and writes files, and lints none.
      expect(run.loaded.filter((path) => path.includes('/packages/lint/'))).toEqual([]);
      expect(packagesAmong(run.loaded, ['hast-util-from-html', 'parse5', 'pdfjs-dist', 'ajv', 'exceljs', 'docx', 'iconv-lite'])).toEqual([]);
    } finally {
      dir.cleanup();
    }
  });
});
