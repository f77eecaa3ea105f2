/**
 * Test files that replace a module with `vi.mock`: vitest.config.ts runs them in a project of their own,
 * each with its own modules, as the other test files share their worker's (isolate: false).
 */
export const MOCKING = ['test/one-evaluator.test.ts', 'test/cli-cache.test.ts'];
