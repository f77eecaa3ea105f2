#!/usr/bin/env node
// Puts the rule docs inside the lint package, where the docs URL of every finding points by default.
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}packages/lint/docs`, { recursive: true, force: true });
cpSync(`${root}docs/rules`, `${root}packages/lint/docs/rules`, { recursive: true });
