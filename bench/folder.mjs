// A province's folder in one run (issue 13): 10,000 synthetic reports in the text and Markdown layouts,
// written by the property tests' layout generator (test/helpers/layouts, bundled here with esbuild since
// it is TypeScript): varied data, the same agencies over several years in each county's folder (so that
// `previous: auto` pairs them), one in five with an injected fault. `nianbao lint` runs on the folder as
// a whole process, on both cores, and so does markdownlint-cli2 (0.22.x: later versions need Node 22), in
// the same run. The folder is kept under node_modules/.cache/nianbao-bench/ and reused while the
// generator and the count are the same.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, 'node_modules', '.cache', 'nianbao-bench');
const BIN = join(root, 'packages', 'cli', 'bin', 'nianbao.js');
const MDL = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

export const FOLDER_TARGETS = { folderReportsPerSecond: 330, folderPeakMB: 500 };

/** The layout generator as one ES module, its packages (the built @nianbao/* among them) left to Node. */
async function generator() {
  const out = join(cacheDir, 'layouts.mjs');
  await build({ entryPoints: [join(root, 'test', 'helpers', 'layouts', 'index.ts')], bundle: true, format: 'esm', platform: 'node', packages: 'external', outfile: out, logLevel: 'warning' });
  return import(`${pathToFileURL(out).href}?${Date.now()}`);
}

const TEXT_LAYOUTS = ['markdown', 'word-text', 'cell-per-line-tabs', 'cell-per-line', 'pipes', 'space-aligned', 'one-line', 'crawl'];
const COUNTIES = 50;
/** Bumped when the folder's content changes: an older folder is written again. */
const FOLDER_VERSION = 2;

/** The same agency's data for another year of the same format: every date moved, the rest as drawn. */
function forYear(data, year) {
  const from = data.reportYear;
  const text = JSON.stringify(data)
    .replaceAll(`${from + 1}-`, `\u0000${year + 1}-`)
    .replaceAll(`${from}年`, `${year}年`)
    .replaceAll(`"${from}-`, `"${year}-`)
    .replaceAll('\u0000', '');
  return { ...JSON.parse(text), reportYear: year };
}

async function makeFolder(count) {
  const dir = join(cacheDir, `folder-v${FOLDER_VERSION}-${count}`);
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  const g = await generator();
  let n = 0;
  for (let seed = 1; n < count; seed++) {
    const base = g.randomReport(seed, { formatYear: 2021 });
    // Three years of one agency (2022–2024 are all of the 2021 format), in its county's folder.
    const county = `县${String(seed % COUNTIES).padStart(2, '0')}`;
    mkdirSync(join(dir, county), { recursive: true });
    for (const year of [2022, 2023, 2024]) {
      if (n >= count) break;
      const data = forYear(base, year);
      const doc = n % 5 === 0 ? g.injectFault(data, g.FAULT_KINDS[(n / 5) % g.FAULT_KINDS.length], n).doc : g.compose(data, { seed: n });
      const layout = g.LAYOUTS[TEXT_LAYOUTS[n % TEXT_LAYOUTS.length]];
      const ext = layout.fileName.slice(layout.fileName.lastIndexOf('.'));
      // The seed in the name: two agencies of one name in a county are two files (and pair with neither).
      writeFileSync(join(dir, county, `${String(seed).padStart(5, '0')}-${data.agency.name}-${year}${ext}`), await layout.write(doc, { seed: n }));
      n++;
    }
  }
  writeFileSync(marker, String(count));
  return dir;
}

/** Runs a command as a whole process; its wall time and peak RSS (the kernel's high-water mark, polled). */
function timed(command, args, cwd) {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, NO_COLOR: '1' } });
    let peakKB = 0;
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/u.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKB = Math.max(peakKB, Number(hwm[1]));
      } catch {
        // gone already
      }
    }, 50);
    child.on('error', fail);
    child.on('exit', (code) => {
      clearInterval(poll);
      done({ seconds: (performance.now() - started) / 1000, peakMB: Math.round(peakKB / 1024), code });
    });
  });
}

export async function folderBench({ count = 10_000 } = {}) {
  mkdirSync(cacheDir, { recursive: true });
  const dir = await makeFolder(count);
  const nianbao = await timed(process.execPath, [BIN, 'lint', '.', '--format', 'json'], dir);
  const markdownlint = await timed(process.execPath, [MDL, '**/*.{md,txt}'], dir);
  const perSecond = Math.round(count / nianbao.seconds);
  return {
    folderReports: count,
    folderCores: availableParallelism(),
    folderSeconds: Math.round(nianbao.seconds * 10) / 10,
    folderReportsPerSecond: perSecond,
    folderReportsPerSecondTarget: FOLDER_TARGETS.folderReportsPerSecond,
    folderReportsPerSecondMissed: perSecond < FOLDER_TARGETS.folderReportsPerSecond,
    folderPeakMB: nianbao.peakMB,
    folderPeakMBTarget: FOLDER_TARGETS.folderPeakMB,
    folderPeakMBMissed: nianbao.peakMB > FOLDER_TARGETS.folderPeakMB,
    folderMarkdownlintCli2Seconds: Math.round(markdownlint.seconds * 10) / 10,
    folderVsMarkdownlintCli2: Math.round((nianbao.seconds / markdownlint.seconds) * 100) / 100,
    // A run that could not run (exit 2) gives no figure worth reading.
    folderRunOk: nianbao.code === 0 || nianbao.code === 1,
  };
}

// `node bench/folder.mjs [count]`: this part alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(await folderBench({ count: Number(process.argv[2] ?? 10_000) }), null, 2)}\n`);
}
