#!/usr/bin/env node
// Committed launcher: npm links the bin at install time, before dist/ is built. It starts the server
// from its bundle (scripts/bundle-server.mjs: a few files instead of ~250 modules, several times faster
// to start) when the bundle was made in this checkout after the last build of every package it holds;
// otherwise from dist/, which is always what `tsc -b` last built.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packages = new URL('../../', import.meta.url);

function bundleIsCurrent() {
  try {
    const bundle = new URL('language-server/bundle/', packages);
    if (readFileSync(new URL('built-at', bundle), 'utf8') !== fileURLToPath(new URL('..', packages))) return false;
    const made = statSync(new URL('server.js', bundle)).mtimeMs;
    return ['format', 'parse', 'lint', 'project', 'language-server'].every((name) => statSync(new URL(`${name}/dist/.tsbuildinfo`, packages)).mtimeMs <= made);
  } catch {
    return false;
  }
}

if (process.env.NIANBAO_SERVER_UNBUNDLED !== '1' && bundleIsCurrent()) await import('../bundle/server.js');
else await import('../dist/bin.js');
