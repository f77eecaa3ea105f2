import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers/cli.js';
import { CORPUS_DIR } from './helpers/corpus.js';

const prefix = tempDir();
afterAll(() => prefix.cleanup());

describe('the installable tarball (npm run pack)', () => {
  it('installs offline with npm i -g on a clean prefix and runs without the repository', () => {
    const tarball = execFileSync(process.execPath, [join(ROOT, 'scripts/pack-cli.mjs')], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
    expect(existsSync(tarball)).toBe(true);
    // --offline: nothing may come from a registry; the tarball must carry everything it needs.
    execFileSync('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix.dir, tarball], { encoding: 'utf8', stdio: 'pipe' });
    const bin = join(prefix.dir, 'bin', 'nianbao');
    // The launcher writes a code cache of its own only where the shipped one is refused: here, to see which.
    const userCache = tempDir();
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(bin, args, { cwd: prefix.dir, encoding: 'utf8', env: { ...process.env, NODE_PATH: '', XDG_CACHE_HOME: userCache.dir, ...env } });
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/u);
    const lint = run(['lint', join(CORPUS_DIR, '001_ae5e98d31dd755d7.txt'), '--format', 'sarif']);
    expect(lint.status).toBe(1);
    const ruleId = (JSON.parse(lint.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } } }> }).runs[0]!.tool.driver.rules[0]!.id;
    // The rule pages the engine links to travel with the installed package.
    expect(existsSync(join(prefix.dir, 'lib', 'node_modules', 'nianbao', 'docs', 'rules', `${ruleId}.md`))).toBe(true);
    const extract = run(['extract', join(CORPUS_DIR, '004_6f7b59792f9ed408.txt')]);
    expect(extract.status).toBe(0);
    expect(JSON.parse(extract.stdout).reportYear).toBe(2023);
    // A PDF is read without the canvas package pdf.js suggests (none is installed beside the tarball),
    // and without pdf.js's warnings about drawing on stderr.
    const pdf = run(['extract', join(CORPUS_DIR, '010_hongze_gov_2024.pdf')]);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(JSON.parse(pdf.stdout).reportYear).toBe(2024);
    expect(pdf.stderr).not.toMatch(/Warning|DOMMatrix|损坏/u);
    // The built-in templates travel with the package.
    const generated = run(['generate', join(ROOT, 'schemas/report-data.example.json')]);
    expect(generated.status, generated.stderr).toBe(0);
    expect(generated.stdout).toContain('## 三、收到和处理政府信息公开申请情况');
    // Every run above started from the shipped code cache: V8 took it, so none was made again.
    expect(readdirSync(userCache.dir)).toEqual([]);

    // The same findings from the ES modules (the launcher's fallback), and from a cache V8 refuses, which
    // the launcher then makes again in the user's cache folder and takes on the next run.
    const report = join(CORPUS_DIR, '002_8df8c676ffab5338.txt');
    const expected = run(['lint', report, '--format', 'json']).stdout;
    expect(JSON.parse(expected).length).toBeGreaterThan(0);
    expect(run(['lint', report, '--format', 'json'], { NIANBAO_NO_CODE_CACHE: '1' }).stdout).toBe(expected);
    writeFileSync(join(prefix.dir, 'lib', 'node_modules', 'nianbao', 'dist', 'nianbao-cli.cache'), 'not a code cache');
    expect(run(['lint', report, '--format', 'json']).stdout).toBe(expected);
    expect(readdirSync(join(userCache.dir, 'nianbao'))).toEqual([expect.stringMatching(/^code-.*\.cache$/u)]);
    expect(run(['lint', report, '--format', 'json']).stdout).toBe(expected);
    // Other V8 flags make V8 refuse a cache made without them: the launcher keeps one per set of flags.
    expect(run(['lint', report, '--format', 'json'], { NODE_OPTIONS: '--max-old-space-size=3000' }).stdout).toBe(expected);
    const caches = readdirSync(join(userCache.dir, 'nianbao'));
    expect(caches).toHaveLength(2);
    expect(caches.filter((name) => /-[0-9a-f]{12}\.cache$/u.test(name))).toHaveLength(1);
    userCache.cleanup();
  }, 120_000);
});
