#!/usr/bin/env node
// `npm run pack`: one tarball of the nianbao CLI that `npm i -g` installs offline on a clean machine.
// esbuild bundles the CLI with the internal packages and every dependency into one file, so the
// tarball declares no dependencies and needs no registry; the rule docs and schemas travel with it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const stage = `${root}build/pack/nianbao/`;
const outDir = `${root}build/`;
const cli = JSON.parse(readFileSync(`${root}packages/cli/package.json`, 'utf8'));

rmSync(stage, { recursive: true, force: true });
mkdirSync(`${stage}dist`, { recursive: true });
await build({
  entryPoints: [`${root}packages/cli/src/bin.ts`],
  outfile: `${stage}dist/nianbao.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies (ajv) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __nianbaoCreateRequire } from 'node:module'; const require = __nianbaoCreateRequire(import.meta.url);" },
  // jsonc-parser's `main` is a UMD build whose inner require()s a bundler cannot follow: take its ESM build.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  legalComments: 'linked',
  logLevel: 'warning',
});
// pdf.js is imported from its files when a PDF comes (never bundled): ship its legacy build, worker and
// font data beside the bundle, where the PDF reader looks when the package is not installed.
for (const part of ['package.json', 'LICENSE', 'legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'cmaps', 'standard_fonts', 'wasm']) {
  cpSync(`${root}node_modules/pdfjs-dist/${part}`, `${stage}dist/pdfjs-dist/${part}`, { recursive: true });
}
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
const tarball = execFileSync('npm', ['pack', '--pack-destination', outDir, '--silent'], { cwd: stage, encoding: 'utf8' }).trim().split('\n').pop();
console.log(`${outDir}${tarball}`);
