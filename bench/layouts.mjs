// The layout property suites (test/layouts-*.property.test.ts) at larger counts than `npm test` runs:
// fresh data sets (seeds after those the tests use) in every layout, each read back, linted, and given
// one injected fault. Run by vitest, as the tests are; the figure is how many data sets held, and how long.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(files, count, seed) {
  const started = Date.now();
  const out = spawnSync('npx', ['vitest', 'run', ...files], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NIANBAO_PROPERTY_COUNT: String(count), NIANBAO_PROPERTY_SEED: String(seed) },
    maxBuffer: 64 * 1024 * 1024,
  });
  const text = `${out.stdout}${out.stderr}`.replace(/\x1b\[[0-9;]*m/gu, '');
  const failed = Number(/Tests\s+(\d+) failed/u.exec(text)?.[1] ?? (out.status === 0 ? 0 : NaN));
  const passed = Number(/(\d+) passed/u.exec(/Tests\s+.*$/mu.exec(text)?.[0] ?? '')?.[1] ?? 0);
  const skipped = Number(/(\d+) skipped/u.exec(/Tests\s+.*$/mu.exec(text)?.[0] ?? '')?.[1] ?? 0);
  const firstFailure = /seed \d+, [\w-]+: [^\n]*/u.exec(text)?.[0];
  return { suites: passed + (Number.isNaN(failed) ? 0 : failed), failed, skipped, seconds: Math.round((Date.now() - started) / 1000), firstFailure };
}

/** `counts`: data sets per layout for the text, web and .docx layouts, and for the PDF layout. */
export function layoutsBench({ count = 500, pdfCount = 200 } = {}) {
  const others = run(['test/layouts-text.property.test.ts', 'test/layouts-flat.property.test.ts', 'test/layouts-web.property.test.ts'], count, 10_001);
  const pdf = run(['test/layouts-pdf-a.property.test.ts', 'test/layouts-pdf-b.property.test.ts'], pdfCount, 20_001);
  return {
    layoutsDataSets: count,
    layoutsFailedLayouts: others.failed,
    layoutsSeconds: others.seconds,
    pdfLayoutDataSets: pdfCount,
    pdfLayoutFailed: pdf.failed,
    // Without the CJK font (fonts-noto-cjk) the PDF suite skips its data sets: no figure, not a pass.
    pdfLayoutSkipped: pdf.skipped > 0,
    pdfLayoutSeconds: pdf.seconds,
    ...(others.firstFailure || pdf.firstFailure ? { layoutsFirstFailure: others.firstFailure ?? pdf.firstFailure } : {}),
  };
}
