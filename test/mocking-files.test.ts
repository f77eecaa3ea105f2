/** Every test file that mocks a module is listed in MOCKING, so that it never runs with the shared modules. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { MOCKING } from './mocking-files.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === 'fixtures') return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? testFiles(path) : e.name.endsWith('.test.ts') ? [relative(ROOT, path)] : [];
  });
}

it('lists every test file that calls vi.mock, and only those', () => {
  const all = [...testFiles(join(ROOT, 'test')), ...readdirSync(join(ROOT, 'packages')).flatMap((p) => {
    try {
      return testFiles(join(ROOT, 'packages', p, 'test'));
    } catch {
      return [];
    }
  })];
  const mocking = all.filter((f) => /\bvi\.(?:mock|doMock)\(/u.test(readFileSync(join(ROOT, f), 'utf8'))).sort();
  expect(mocking).toEqual([...MOCKING].sort());
});
