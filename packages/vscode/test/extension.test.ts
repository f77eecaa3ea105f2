/**
 * What can be checked about the extension without VS Code: the manifest, the bundle (it needs no
 * node_modules, and the bundled server answers as the built one does) and the files the .vsix ships.
 * The real-editor test is test/vscode-e2e/run.sh.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../../../test/helpers/lsp-client.js';

const EXT = fileURLToPath(new URL('..', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const REPORT_002 = `${ROOT}test/fixtures/corpus/002_8df8c676ffab5338.txt`;

interface Setting {
  type?: string | string[];
  default?: unknown;
  enum?: unknown[];
  description?: string;
  markdownDescription?: string;
}
interface Manifest {
  name: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    configuration: { properties: Record<string, Setting> };
    commands: Array<{ command: string; title: string }>;
    jsonValidation: Array<{ fileMatch: string; url: string }>;
  };
}

const manifest = JSON.parse(readFileSync(`${EXT}package.json`, 'utf8')) as Manifest;
const HAN = /\p{Script=Han}/u;

describe('package.json contributes', () => {
  const settings = Object.entries(manifest.contributes.configuration.properties);

  it('contributes the settings the server reads, under section nianbao', () => {
    expect(settings.map(([key]) => key).sort()).toEqual(['nianbao.files', 'nianbao.locale', 'nianbao.previousReport', 'nianbao.run', 'nianbao.trace.server']);
  });

  it.each(settings)('%s has a Chinese description and a default of its own type', (_key, setting) => {
    expect(setting.markdownDescription ?? setting.description ?? '').toMatch(HAN);
    expect(setting.default).toBeDefined();
    if (setting.enum) expect(setting.enum).toContain(setting.default);
    const type = Array.isArray(setting.default) ? 'array' : typeof setting.default;
    expect([setting.type].flat()).toContain(type);
  });

  it('names every command in Chinese, prefixed 「nianbao：」', () => {
    expect(manifest.contributes.commands.map((c) => c.command).sort()).toEqual(['nianbao.checkWorkspace', 'nianbao.generateReport', 'nianbao.restartServer']);
    for (const c of manifest.contributes.commands) expect(c.title).toMatch(/^nianbao：\p{Script=Han}/u);
  });

  it('ties .nianbaorc.json to the config schema, shipped inside the extension', () => {
    const rc = manifest.contributes.jsonValidation.find((v) => v.fileMatch === '.nianbaorc.json');
    expect(rc?.url).toBe('./schemas/nianbaorc.schema.json');
    for (const v of manifest.contributes.jsonValidation) expect(existsSync(`${ROOT}${v.url.replace(/^\.\//u, '')}`)).toBe(true);
  });

  it('runs in VS Code 1.82 and later and activates on Markdown and plain text', () => {
    expect(manifest.engines.vscode).toBe('^1.82.0');
    expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:markdown', 'onLanguage:plaintext']));
    expect(manifest.main).toBe('./dist/extension.cjs');
  });
});

describe('the bundle', () => {
  beforeAll(() => {
    // Bundles the current sources (the built language server from `tsc -b`, which `npm test` runs first).
    execFileSync(process.execPath, [`${EXT}build.mjs`], { cwd: EXT, stdio: 'pipe' });
  }, 60_000);

  it.each(['extension', 'server', 'worker'])('dist/%s.cjs requires nothing but Node built-ins and vscode', (name) => {
    const code = readFileSync(`${EXT}dist/${name}.cjs`, 'utf8');
    // Calls only: ajv keeps `'require("ajv/dist/runtime/equal")'` as a string for standalone code it never emits here.
    const required = new Set([...code.matchAll(/(?<!['"`])\brequire\("([^"]+)"\)/gu)].map((m) => m[1] ?? ''));
    const allowed = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'vscode']);
    expect([...required].filter((r) => !allowed.has(r))).toEqual([]);
    // A CommonJS bundle has no import.meta: each use must have been replaced by the bundle's own URL.
    expect(code).not.toMatch(/import\.meta/u);
  });

  describe('the bundled server, over stdio', () => {
    let client: LspClient;
    beforeAll(async () => {
      client = new LspClient({ server: `${EXT}dist/server.cjs` });
      await client.initialize();
    });
    afterAll(async () => {
      await client.stop();
    });

    it('reports the findings of corpus report 002, with docs links into the extension', async () => {
      const uri = pathToFileURL(REPORT_002).href;
      await client.open(uri, readFileSync(REPORT_002, 'utf8'));
      const { diagnostics } = await client.diagnostics(uri, 1);
      const codes = new Set(diagnostics.map((d) => d.code));
      expect([...codes]).toEqual(expect.arrayContaining(['year-mismatch', 'table-shape', 'section-heading']));
      for (const d of diagnostics) {
        const href = d.codeDescription?.href ?? '';
        expect(href.startsWith(pathToFileURL(`${EXT}docs/rules/`).href)).toBe(true);
        expect(existsSync(fileURLToPath(href.replace(/#.*$/u, '')))).toBe(true);
      }
      // Linted in the bundled worker (worker.cjs), not on the server's thread as a fallback.
      expect(client.stderr.join('')).not.toMatch(/lint worker failed to start|on the server thread/u);
    });

    it('answers the status bar (nianbao/status) with the published errors and the format year, and gives inlay hints', async () => {
      const uri = pathToFileURL(REPORT_002).href;
      const { diagnostics } = await client.diagnostics(uri, 1);
      const status = await client.request<{ errors: number; formatYear: number; text: string } | null>('nianbao/status', { textDocument: { uri } });
      const errors = diagnostics.filter((d) => d.severity === 1).length;
      expect(status).toMatchObject({ errors, formatYear: 2021, text: `${errors} 个错误 · 2021 版格式` });
      const hints = await client.request<Array<{ label: string }>>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } } });
      expect(hints.length).toBeGreaterThan(0);
      for (const hint of hints) expect(hint.label).toMatch(/Σ \d+( [✓✗])?/u);
    });
  });

  it('the extension shows that status in the status bar, and a click opens the Problems panel', () => {
    const code = readFileSync(`${EXT}dist/extension.cjs`, 'utf8');
    expect(code).toContain('"nianbao/status"');
    expect(code).toContain('"workbench.actions.view.problems"');
  });

  it('ships only the bundle, pdf.js for PDFs, docs, schemas, templates and the manifest (vsce ls)', () => {
    const vsce = `${ROOT}node_modules/@vscode/vsce/vsce`;
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: EXT, encoding: 'utf8' }).trim().split('\n').sort();
    expect(files).toEqual(expect.arrayContaining(['dist/extension.cjs', 'dist/server.cjs', 'dist/worker.cjs', 'schemas/nianbaorc.schema.json', 'docs/rules/year-mismatch.md', 'templates/shared/report.md.hbs', 'package.json', 'README.md', 'LICENSE']));
    expect(files).toEqual(expect.arrayContaining(['dist/pdfjs-dist/legacy/build/pdf.mjs', 'dist/pdfjs-dist/legacy/build/pdf.worker.mjs', 'dist/pdfjs-dist/package.json']));
    const unexpected = files.filter((f) => !/^(dist\/[a-z]+\.cjs|dist\/pdfjs-dist\/.+|docs\/rules\/.+\.md|schemas\/.+\.json|templates\/.+|package\.json|README\.md|LICENSE)$/u.test(f));
    expect(unexpected).toEqual([]);
  }, 60_000);
});
