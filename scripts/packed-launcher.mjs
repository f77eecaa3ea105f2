#!/usr/bin/env node
// The installed CLI's bin (scripts/pack-cli.mjs copies it to dist/nianbao.js). On a small report most of
// a run is compiling code, so the CLI is also built as one script (nianbao-cli.cjs) and run from a V8
// code cache: the bytecode of everything a lint or a generate runs, made when the package was packed
// (nianbao-cli.cache). A cache that V8 refuses (another Node.js version, other V8 flags) is made again,
// once, in the user's cache folder (~/.cache/nianbao). Anything wrong with the script or a cache and the
// CLI runs as before, from its ES modules (cli.js): a cache only ever saves time.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const script = join(here, 'nianbao-cli.cjs');

function readOr(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function start() {
  const source = readOr(script)?.toString('utf8');
  if (source === undefined || process.env.NIANBAO_NO_CODE_CACHE === '1') return false;
  const version = /"version":\s*"([^"]+)"/u.exec(readOr(join(here, '..', 'package.json'))?.toString('utf8') ?? '')?.[1] ?? 'unknown';
  const shipped = join(here, 'nianbao-cli.cache');
  // The user's own cache folder, never a shared one: whoever can write a code cache chooses the code run.
  // V8 refuses a cache made under other V8 flags (NODE_OPTIONS): one file per set of them.
  const ownPath = () => {
    const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.trim();
    // node:crypto only here, where a cache was refused: most runs never load it.
    const tag = flags === '' ? '' : `-${createRequire(import.meta.url)('node:crypto').createHash('sha256').update(flags).digest('hex').slice(0, 12)}`;
    return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'nianbao', `code-${version}-${process.version}-${process.arch}${tag}.cache`);
  };
  // `NIANBAO_WRITE_CODE_CACHE`: pack-cli.mjs makes the shipped cache by running the CLI with it, once per
  // command it warms; each run starts from what the one before wrote, and adds what it compiled.
  const making = process.env.NIANBAO_WRITE_CODE_CACHE;
  let compiled;
  let accepted = false;
  // The hashbang made a comment, so that every line keeps its number in a stack trace.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source.startsWith('#!') ? `//${source}` : source}\n})`;
  try {
    for (const read of making ? [() => readOr(making)] : [() => readOr(shipped), () => readOr(ownPath())]) {
      const cache = read();
      if (cache === undefined) continue;
      // A refused cache still leaves the script compiled, from its source.
      compiled = new vm.Script(wrapped, { filename: script, cachedData: cache });
      accepted = !compiled.cachedDataRejected;
      if (accepted) break;
    }
    compiled ??= new vm.Script(wrapped, { filename: script });
  } catch {
    return false;
  }
  if (making || !accepted) {
    // After the run, when every function it ran is compiled: the cache then holds them all.
    process.once('exit', () => {
      const target = making ?? ownPath();
      const temporary = `${target}.${process.pid}`;
      try {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(temporary, compiled.createCachedData());
        renameSync(temporary, target);
      } catch {
        // No cache this time: the next run compiles again. Nothing half-written is left behind.
        try {
          rmSync(temporary, { force: true });
        } catch {
          // A folder we may not write in: there is nothing of ours in it either.
        }
      }
    });
  }
  // The script's own `import()` has no loader in a node:vm script: it borrows this module's.
  globalThis.__nianbaoImport = (url) => import(url);
  const module = { exports: {} };
  compiled.runInThisContext()(module.exports, createRequire(script), module, script, here);
  return true;
}

if (!start()) await import('./cli.js');
