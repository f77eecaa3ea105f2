#!/usr/bin/env node
// Committed launcher: npm links the bin at install time, before dist/ is built.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
