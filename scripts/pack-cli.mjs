#!/usr/bin/env node
// `npm run pack`: one tarball of the nianbao CLI that `npm i -g` installs offline on a clean machine.
// esbuild bundles the CLI with the internal packages and every dependency (see bundleCli), so the
// tarball declares no dependencies and needs no registry; the rule docs and schemas travel with it.
// bench/startup.mjs times the same bundle.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { nodeEsmOptions } from './esbuild-node.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Packages the one-script build (`nianbao-cli.cjs`) leaves out and loads from `lazy/` when a run needs
 * them: the largest of those only some commands or formats use (xlsx, Word output, HTML and .docx input,
 * writing GBK). Every run reads the whole script, so what most runs never use is kept out of it.
 */
const LAZY = ['exceljs', 'docx', 'hast-util-from-html', 'fflate', 'iconv-lite'];

const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(?:${LAZY.join('|')})$`) }, (args) => ({ path: `./lazy/${args.path}.cjs`, external: true }));
  },
};

/** What the script and its lazy packages are built with. */
const scriptOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  absWorkingDir: root,
  legalComments: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

/**
 * The CLI as one script for the code cache (scripts/packed-launcher.mjs): CommonJS, since only a script
 * (node:vm) can be run from a cache on Node 20; its `import.meta.url` is its own file's URL, as each
 * module's is in the ES build.
 */
async function bundleScript(outDir) {
  await build({
    entryPoints: { 'nianbao-cli': `${root}packages/cli/src/bin.ts` },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    ...scriptOptions,
    // `import()` of a bundled module becomes a call, of a lazy package a require() (see LAZY).
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__nianbaoScriptUrl' },
    banner: { js: "const __nianbaoScriptUrl = require('node:url').pathToFileURL(__filename).href;" },
    alias: nodeEsmOptions.alias,
    plugins: [lazyPackages],
  });
  for (const name of LAZY) {
    await build({
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
      outfile: `${outDir}/lazy/${name}.cjs`,
      ...scriptOptions,
    });
  }
}

/**
 * Runs the staged CLI on what most runs do (a lint of a text and a Markdown report, a generate), so that
 * the launcher writes the bytecode of every function those runs compiled as the shipped code cache.
 */
function makeCodeCache(stage) {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-code-cache-'));
  try {
    const report = readFileSync(`${root}examples/2023-平房区-年度报告.txt`);
    writeFileSync(join(work, '报告.txt'), report);
    writeFileSync(join(work, '报告.md'), report);
    const runs = [
      ['lint', '报告.txt', '报告.md'],
      ['generate', `${root}schemas/report-data.example.json`, '-o', '生成.md'],
    ];
    for (const args of runs) {
      const run = spawnSync(process.execPath, [`${stage}dist/nianbao.js`, ...args], {
        cwd: work,
        env: { ...process.env, NIANBAO_WRITE_CODE_CACHE: `${stage}dist/nianbao-cli.cache` },
        encoding: 'utf8',
      });
      if (run.status !== 0 && run.status !== 1) throw new Error(`the staged CLI failed while making its code cache (${args[0]}, exit ${run.status}):\n${run.stderr}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Bundles the CLI into `outDir`: `nianbao.js` (the bin: scripts/packed-launcher.mjs, which runs
 * `nianbao-cli.cjs` from its code cache), `cli.js` (the same CLI as ES modules, run when the script cannot
 * be), `lint-worker.js` (a folder run's worker thread,
 * which pool.ts starts from beside itself) and the chunks they share. Start-up is most of a one-file run,
 * and reading a few files costs far less than resolving and reading three hundred modules; a command
 * module and what it alone imports (exceljs for xlsx, handlebars for `generate`, the review page, pdf.js's
 * reader) are a chunk of their own, loaded when that command runs (splitting follows the CLI's own
 * `import()`s). remark and the HTML parser are in the bundle but run only when a file needs them (the
 * parse package's engines.ts requires them on first use). The chunks sit beside the bin, not in a
 * folder of their own: the code in them finds the package's files (package.json, docs/, templates/,
 * schemas/, pdfjs-dist/) one folder up from itself, as it does from the single-file bundle.
 */
export async function bundleCli(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  await bundleScript(outDir);
  await build({
    // `cli.js` is the CLI as ES modules, which the launcher falls back to; the bin is the launcher.
    entryPoints: { cli: `${root}packages/cli/src/bin.ts`, 'lint-worker': `${root}packages/cli/src/lint-worker.ts` },
    outdir: outDir,
    ...nodeEsmOptions,
    absWorkingDir: root,
    legalComments: 'linked',
    minifyWhitespace: true,
    minifySyntax: true,
  });
  cpSync(`${root}scripts/packed-launcher.mjs`, `${outDir}/nianbao.js`);
  // pdf.js is imported from its files when a PDF comes (never bundled): ship its legacy build, worker and
  // font data beside the bundle, where the PDF reader looks when the package is not installed.
  for (const part of ['package.json', 'LICENSE', 'legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'cmaps', 'standard_fonts', 'wasm']) {
    cpSync(`${root}node_modules/pdfjs-dist/${part}`, `${outDir}/pdfjs-dist/${part}`, { recursive: true });
  }
}

/** Lays the package out in `stage` (ending in `/`) as npm installs it: bundle, docs, schemas, templates. */
export async function stageCli(stage) {
  const cli = JSON.parse(readFileSync(`${root}packages/cli/package.json`, 'utf8'));
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  await bundleCli(`${stage}dist`);
  cpSync(`${root}docs/rules`, `${stage}docs/rules`, { recursive: true });
  cpSync(`${root}schemas`, `${stage}schemas`, { recursive: true });
  cpSync(`${root}templates`, `${stage}templates`, { recursive: true });
  cpSync(`${root}README.md`, `${stage}README.md`);
  writeFileSync(
    `${stage}package.json`,
    `${JSON.stringify(
      {
        name: 'nianbao',
        version: cli.version,
        description: cli.description,
        type: 'module',
        license: cli.license,
        bin: { nianbao: './dist/nianbao.js' },
        files: ['dist', 'docs', 'schemas', 'templates'],
        engines: cli.engines,
      },
      null,
      2,
    )}\n`,
  );
  makeCodeCache(stage);
}

/** Stages the package and packs it; returns the tarball's path. */
export async function packCli() {
  const stage = `${root}build/pack/nianbao/`;
  const outDir = `${root}build/`;
  await stageCli(stage);
  const tarball = execFileSync('npm', ['pack', '--pack-destination', outDir, '--silent'], { cwd: stage, encoding: 'utf8' }).trim().split('\n').pop();
  return `${outDir}${tarball}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await packCli());
