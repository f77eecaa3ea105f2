import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest runs the files that took longest last time first, so that no long file starts when the
 * other worker is nearly done. With no results yet (a clean clone, as in CI) it runs the largest files
 * first, and the property suites, four lines each that take a quarter of the run, came last: one
 * worker then ran them alone for half a minute. They go first whatever the cache says.
 */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const slow = (f: TestSpecification): boolean => f.moduleId.endsWith('.property.test.ts');
    return [...sorted.filter(slow), ...sorted.filter((f) => !slow(f))];
  }
}
