/**
 * The corpus findings, frozen: `nianbao lint --format json` over every corpus report (paths relative to
 * the corpus folder) must give exactly the findings recorded in fixtures/corpus-lint.snapshot.json.
 * A refactoring must leave it as it is; a change meant to alter findings (a new rule, a fixed false
 * alarm) updates the snapshot in the same commit, with `NIANBAO_UPDATE_SNAPSHOT=1 npx vitest run
 * test/corpus-snapshot.test.ts`, and says why in its message.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';

const CORPUS = join(ROOT, 'test/fixtures/corpus');
const SNAPSHOT = join(ROOT, 'test/fixtures/corpus-lint.snapshot.json');

describe('corpus findings snapshot', () => {
  it('nianbao lint --format json over the corpus gives the recorded findings', () => {
    const files = readdirSync(CORPUS).filter((f) => /^\d{3}_.*\.(?:txt|md|html|pdf)$/u.test(f)).sort();
    const run = runCli(['lint', '--format', 'json', ...files], CORPUS);
    expect(run.code, run.stderr).toBe(1);
    const found = JSON.parse(run.stdout) as unknown[];
    if (process.env['NIANBAO_UPDATE_SNAPSHOT'] === '1') writeFileSync(SNAPSHOT, `${JSON.stringify(found, null, 2)}\n`);
    expect(found).toEqual(JSON.parse(readFileSync(SNAPSHOT, 'utf8')));
  });
});
