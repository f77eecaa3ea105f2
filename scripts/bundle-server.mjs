#!/usr/bin/env node
// The language server as a few files: `nianbao-language-server` starts from this bundle when it is as
// new as the build, because resolving and reading the ~250 modules of dist/ is most of its start-up
// (initialize answered in ~550 ms from dist/, ~200 ms from a bundle; every editor start and every
// restart after a crash pays it, and so do the server's own lint workers). `npm run build` runs this
// after `tsc -b`; a build by `tsc -b` alone leaves the bundle older than the packages' build info, and
// the launcher then runs dist/ as before (bin/nianbao-language-server.js).
//
// Every module keeps its own `import.meta.url` (the file it was built to), so what the code finds beside
// itself — the rule docs a finding links to, pdf.js, the parsers required on first use — is found where
// it is without a bundle, and a finding reads the same from the CLI and from the editor. The server's own
// modules are the exception: they find their worker beside the bundle (lint-pool.ts).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { nodeEsmOptions } from './esbuild-node.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = join(root, 'packages', 'language-server');
export const BUNDLE_DIR = join(server, 'bundle');

/** Each built module of the other packages answers `import.meta.url` with its own file's URL. */
const ownUrls = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/](?:format|parse|lint|project)[\\/]dist[\\/].*\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'js' };
    });
  },
};

export async function bundleServer() {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await build({
    entryPoints: { server: join(server, 'dist', 'bin.js'), worker: join(server, 'dist', 'worker.js') },
    outdir: BUNDLE_DIR,
    ...nodeEsmOptions,
    plugins: [ownUrls],
    legalComments: 'none',
  });
  // The files of dist/ it was made from are named by their absolute place: a moved checkout runs dist/.
  writeFileSync(join(BUNDLE_DIR, 'built-at'), root);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await bundleServer();
