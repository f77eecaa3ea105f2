#!/usr/bin/env node
// One esbuild call bundles the extension client and the language server into dist/, so the .vsix
// needs no node_modules; the rule docs, templates and schemas they read at run time are copied beside.
// `--production` minifies and drops source maps (what the .vsix ships); without it, the dev build
// keeps source maps so breakpoints work in "Run nianbao extension".
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const production = process.argv.includes('--production');

rmSync(`${here}dist`, { recursive: true, force: true });
await build({
  entryPoints: {
    extension: `${here}src/extension.ts`,
    // The server's own entry (argv transport choice, crash guards), as `nianbao-language-server` runs it.
    server: `${root}packages/language-server/dist/bin.js`,
    // The server lints in worker threads; it starts them from `worker.cjs` beside its own bundle.
    worker: `${root}packages/language-server/dist/worker.js`,
  },
  outdir: `${here}dist`,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  // The extension host of VS Code 1.82 runs Node 18; the server is forked with that same Node.
  target: 'node18',
  // The extension host loads CommonJS only.
  format: 'cjs',
  external: ['vscode'],
  // jsonc-parser's `main` is a UMD build whose inner require()s a bundler cannot follow: take its ESM build.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // The lint and generate packages locate their docs and templates from `import.meta.url`, which a
  // CommonJS bundle lacks: give every file in the bundle the URL of the bundle itself, so
  // `../docs/rules/` and `../templates/` resolve to the copies shipped in the extension.
  define: { 'import.meta.url': '__nianbaoBundleUrl' },
  banner: { js: "const __nianbaoBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
});

// pdf.js is loaded from its files when a PDF is read (the workspace's diagnostics list PDFs): ship the
// legacy build, its worker and the font data beside the bundle, where the PDF reader looks for them.
const pdfjs = `${root}node_modules/pdfjs-dist/`;
for (const part of ['package.json', 'LICENSE', 'legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'cmaps', 'standard_fonts', 'wasm']) {
  cpSync(`${pdfjs}${part}`, `${here}dist/pdfjs-dist/${part}`, { recursive: true });
}

for (const dir of ['docs', 'schemas', 'templates']) rmSync(`${here}${dir}`, { recursive: true, force: true });
// `npm run package` writes the .vsix into the repository's build/, which a fresh clone does not have
// (vsce does not make the folder it is told to write into).
if (production) mkdirSync(`${root}build`, { recursive: true });
mkdirSync(`${here}docs`, { recursive: true });
cpSync(`${root}docs/rules`, `${here}docs/rules`, { recursive: true });
cpSync(`${root}schemas`, `${here}schemas`, { recursive: true });
cpSync(`${root}templates`, `${here}templates`, { recursive: true });
