import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { MOCKING } from './test/mocking-files.js';
import { SlowFirstSequencer } from './test/slow-first-sequencer.js';

const src = (path: string): string => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the sources; the end-to-end tests spawn the built CLI from dist/.
    alias: [
      { find: /^@nianbao\/format$/u, replacement: src('format/src/index.ts') },
      { find: /^@nianbao\/parse$/u, replacement: src('parse/src/index.ts') },
      { find: /^@nianbao\/lint$/u, replacement: src('lint/src/index.ts') },
      { find: /^@nianbao\/generate$/u, replacement: src('generate/src/index.ts') },
      { find: /^@nianbao\/project$/u, replacement: src('project/src/index.ts') },
      { find: /^@nianbao\/project\/walk$/u, replacement: src('project/src/walk.ts') },
      { find: /^@nianbao\/project\/read-failure-text$/u, replacement: src('project/src/read-failure-text.ts') },
      { find: /^@nianbao\/lint\/docs$/u, replacement: src('lint/src/docs.ts') },
      { find: /^@nianbao\/language-server$/u, replacement: src('language-server/src/index.ts') },
    ],
  },
  test: {
    testTimeout: 30_000,
    // Vitest's default is one worker less than the cores: on CI's two cores that is one. The test files
    // are CPU-bound and independent, so both cores run them.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          // The test files share their workers' loaded modules instead of loading the whole core again for
          // each of about a hundred files: a third of the run's time was that loading. A file that mocks a
          // module must have its own, and runs in the project below.
          isolate: false,
          include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...MOCKING, '**/node_modules/**'],
        },
      },
      { extends: true, test: { name: 'mocking', include: MOCKING } },
    ],
  },
});
