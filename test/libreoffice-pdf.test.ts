/**
 * Word documents as an office turns them into the PDF it publishes: ten `.docx` written from seeded data
 * are converted by LibreOffice headless (Debian's libreoffice-writer-nogui) in one batch, and each PDF is
 * read back as the CLI reads it (LibreOffice tops each row's numbers on the first line of a label that
 * wraps down its narrow cell). Lint gives no error, and every cell is the data's or, where the reader
 * could not place a row, null with that row named unreadable. Without LibreOffice the test says so and
 * skips; under CI=true it fails instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TableId } from '@nianbao/format';
import { lint } from '@nianbao/lint';
import { parseReport, readSource, toReportData } from '@nianbao/parse';
import { compose } from './helpers/layouts/compose.js';
import { randomReport } from './helpers/layouts/data.js';
import { LAYOUTS } from './helpers/layouts/layouts.js';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const available = soffice.status === 0;
const SEEDS = Array.from({ length: 10 }, (_, i) => 101 + i);
const TABLES: TableId[] = ['activeDisclosure', 'applications', 'reviewLitigation'];
if (!available && process.env['CI'] !== 'true') console.warn('LibreOffice (soffice) not found: the .docx → PDF test is skipped (apt-get install libreoffice-writer-nogui).');

describe('.docx converted to PDF by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(available || process.env['CI'] === 'true')('reads ten converted reports back with no error', async () => {
    expect(available, 'LibreOffice (soffice) is needed here: apt-get install libreoffice-writer-nogui').toBe(true);
    const data = new Map(SEEDS.map((seed) => [seed, randomReport(seed)]));
    for (const [seed, d] of data) writeFileSync(join(dir, `r${seed}.docx`), await LAYOUTS.docx.write(compose(d, { seed }), { seed }));
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...SEEDS.map((s) => join(dir, `r${s}.docx`))],
      { encoding: 'utf8', timeout: 180_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    for (const [seed, expected] of data) {
      const document = parseReport(await readSource(readFileSync(join(dir, `r${seed}.pdf`)), `r${seed}.pdf`));
      const errors = lint(document).filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.ruleId} ${d.place ?? ''} ${d.message}`), `seed ${seed}`).toEqual([]);
      const back = toReportData(document, { reportYear: expected.reportYear });
      if (!back.ok) throw new Error(`seed ${seed}: ${back.reason}`);
      const issues = back.data.extractionIssues ?? [];
      for (const table of TABLES) {
        expect(issues.filter((i) => i.table === table && (i.kind === 'table-missing' || i.kind === 'no-data')), `seed ${seed}: ${table}`).toEqual([]);
        const unreadable = issues.filter((i) => i.table === table && i.kind === 'unreadable');
        for (const [row, cells] of Object.entries(expected.tables[table])) {
          for (const [column, value] of Object.entries(cells)) {
            const got = back.data.tables[table][row]?.[column];
            if (got === null && unreadable.some((i) => i.row === row || i.row === undefined)) continue;
            expect(got, `seed ${seed}: ${table}.${row}.${column}`).toBe(value);
          }
        }
      }
    }
  }, 240_000);
});
