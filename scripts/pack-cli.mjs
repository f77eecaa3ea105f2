#!/usr/bin/env node
// `npm run pack`: one tarball of the nianbao CLI that `npm i -g` installs offline on a clean machine.
// esbuild bundles the CLI with the internal packages and every dependency (see bundleCli), so the
// tarball declares no dependencies and needs no registry; the rule docs and schemas travel with it.
// bench/startup.mjs times the same bundle.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { nodeEsmOptions } from './esbuild-node.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles the CLI into `outDir`: `nianbao.js` (the bin), `lint-worker.js` (a folder run's worker thread,
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
  await build({
    entryPoints: { nianbao: `${root}packages/cli/src/bin.ts`, 'lint-worker': `${root}packages/cli/src/lint-worker.ts` },
    outdir: outDir,
    ...nodeEsmOptions,
    absWorkingDir: root,
    legalComments: 'linked',
  });
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
