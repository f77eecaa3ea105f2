import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '@nianbao/lint';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** Every source file of the server, with its path relative to src/. */
function sources(dir = SRC, prefix = ''): Array<{ path: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.name.endsWith('.ts')
        ? [{ path: `${prefix}${entry.name}`, text: readFileSync(join(dir, entry.name), 'utf8') }]
        : [],
  );
}

/** The lines of `export function name(…) { … }`, up to its closing brace at the start of a line. */
function functionLines(text: string, name: string): number {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`export function ${name}(`));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('}'));
  expect(start, name).toBeGreaterThanOrEqual(0);
  return end - start + 1;
}

describe('the server holds no lint logic', () => {
  it('never branches on a rule id, and names no rule', () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(10);
    for (const { path, text } of files) {
      expect(text, path).not.toMatch(/ruleId\s*[!=]==?/u);
      for (const rule of RULES) expect(text.includes(`'${rule.meta.id}'`) || text.includes(`"${rule.meta.id}"`) || text.includes(`\`${rule.meta.id}\``), `${path} names ${rule.meta.id}`).toBe(false);
    }
  });

  it('writes no suppression comment itself (lint’s directives module does)', () => {
    for (const { path, text } of sources()) expect(text, path).not.toMatch(/<!--\s*nianbao-/u);
  });

  it('startServer is wiring: at most 100 lines', () => {
    const lines = functionLines(readFileSync(join(SRC, 'server.ts'), 'utf8'), 'startServer');
    expect(lines).toBeLessThanOrEqual(100);
  });
});
