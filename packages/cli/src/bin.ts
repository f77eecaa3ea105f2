#!/usr/bin/env node
// The process's edge (and the entry the standalone bundle is built from, scripts/pack-cli.mjs): the CLI
// itself runs on what it is given, so only this file touches the process.
import { run } from './main.js';

// A reader that went away (`nianbao lint … | head`) wants no more: the rest of the output is dropped,
// without the stack trace of an unhandled EPIPE.
let stdoutGone = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutGone = true;
});

// No top-level await: the installed CLI is also built as a script (scripts/pack-cli.mjs).
void run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => {
    if (!stdoutGone) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  ...(process.stderr.isTTY ? { stderrTTY: { columns: process.stderr.columns || 80 } } : {}),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  },
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
