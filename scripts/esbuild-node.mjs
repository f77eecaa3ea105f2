// The esbuild options every bundle of ours shares: an ES module for Node 20 whose CommonJS dependencies
// still find `require`. scripts/pack-cli.mjs (the npm package) and scripts/bundle-server.mjs (the
// language server) both build with them.
export const nodeEsmOptions = {
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies (iconv-lite, exceljs, vscode-languageserver) call require(); give each ES module of the bundle one.
  banner: { js: "import { createRequire as __nianbaoCreateRequire } from 'node:module'; const require = __nianbaoCreateRequire(import.meta.url);" },
  // jsonc-parser's `main` is a UMD build whose inner require()s a bundler cannot follow: take its ESM build.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  logLevel: 'warning',
};
