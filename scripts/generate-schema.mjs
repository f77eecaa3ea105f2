#!/usr/bin/env node
// Writes the generated JSON Schemas from the format data; with --check, fails when a committed one is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportDataSchema } from '@nianbao/format';

const root = fileURLToPath(new URL('..', import.meta.url));
const outputs = [{ file: 'schemas/report-data.schema.json', build: reportDataSchema }];
const check = process.argv.includes('--check');
let stale = 0;
for (const { file, build } of outputs) {
  const text = `${JSON.stringify(build(), null, 2)}\n`;
  const path = root + file;
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // absent: written below, or reported as stale
  }
  if (current === text) continue;
  if (check) {
    console.error(`${file} 已过期：格式数据变了，请运行 npm run gen 并提交结果。 (${file} is stale: run npm run gen and commit it.)`);
    stale++;
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${file}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
