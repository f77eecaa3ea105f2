#!/usr/bin/env node
// The process's edge (and the entry the standalone bundle is built from, scripts/pack-cli.mjs): the CLI
// itself runs on what it is given, so only this file touches the process.
import { run } from './main.js';

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
});
