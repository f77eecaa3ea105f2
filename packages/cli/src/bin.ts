#!/usr/bin/env node
// The entry the standalone bundle is built from (scripts/pack-cli.mjs).
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
