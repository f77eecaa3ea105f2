/**
 * The committed launcher chooses between the bundle and dist/: the bundle only when it was made in this
 * checkout after every package's last `tsc -b`, so an edit rebuilt by `tsc -b` alone is never hidden behind
 * an old bundle. Run on a copy of the launcher in a made-up checkout whose two entry points only say who
 * they are, so the real build is neither needed nor touched.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const LAUNCHER = fileURLToPath(new URL('../bin/nianbao-language-server.js', import.meta.url));
const PACKAGES = ['format', 'parse', 'lint', 'project', 'language-server'];

let root: string;
const at = (...parts: string[]): string => join(root, 'packages', ...parts);
const bundleTime = new Date('2026-06-01T12:00:00Z');

function stamp(path: string, when: Date): void {
  utimesSync(path, when, when);
}

/** Which entry the launcher started, with the environment given. */
function started(env: Record<string, string> = {}): string {
  const { NIANBAO_SERVER_UNBUNDLED: _ignored, ...rest } = process.env;
  return execFileSync(process.execPath, [at('language-server', 'bin', 'nianbao-language-server.js')], { env: { ...rest, ...env }, encoding: 'utf8' }).trim();
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nianbao-launcher-'));
  mkdirSync(at('language-server', 'bin'), { recursive: true });
  copyFileSync(LAUNCHER, at('language-server', 'bin', 'nianbao-language-server.js'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  for (const name of PACKAGES) {
    mkdirSync(at(name, 'dist'), { recursive: true });
    writeFileSync(at(name, 'dist', '.tsbuildinfo'), '{}');
    stamp(at(name, 'dist', '.tsbuildinfo'), new Date(bundleTime.getTime() - 60_000));
  }
  writeFileSync(at('language-server', 'dist', 'bin.js'), "console.log('dist');\n");
  mkdirSync(at('language-server', 'bundle'));
  writeFileSync(at('language-server', 'bundle', 'server.js'), "console.log('bundle');\n");
  stamp(at('language-server', 'bundle', 'server.js'), bundleTime);
  // As scripts/bundle-server.mjs writes it: the checkout's root, with its trailing separator.
  writeFileSync(at('language-server', 'bundle', 'built-at'), `${root}/`);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the language server launcher', () => {
  it('starts the bundle when it is newer than every package build of this checkout', () => {
    expect(started()).toBe('bundle');
  });

  it('starts dist/ when any package was built by tsc after the bundle was made', () => {
    for (const name of PACKAGES) {
      stamp(at(name, 'dist', '.tsbuildinfo'), new Date(bundleTime.getTime() + 1_000));
      expect(started(), name).toBe('dist');
      stamp(at(name, 'dist', '.tsbuildinfo'), new Date(bundleTime.getTime() - 60_000));
    }
    expect(started()).toBe('bundle');
  });

  it('starts dist/ when the bundle was made in another checkout (a moved or copied tree)', () => {
    writeFileSync(at('language-server', 'bundle', 'built-at'), '/somewhere/else/');
    expect(started()).toBe('dist');
  });

  it('starts dist/ when there is no bundle, or a package was never built', () => {
    rmSync(at('project', 'dist', '.tsbuildinfo'));
    expect(started()).toBe('dist');
    rmSync(at('language-server', 'bundle'), { recursive: true });
    expect(started()).toBe('dist');
  });

  it('starts dist/ when NIANBAO_SERVER_UNBUNDLED=1, whatever the bundle', () => {
    expect(started({ NIANBAO_SERVER_UNBUNDLED: '1' })).toBe('dist');
  });
});
