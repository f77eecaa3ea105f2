/**
 * Data sets the bench's larger property runs (`npm run bench`, bench/layouts.mjs) once failed on: each
 * is checked as the suite checks every data set, so that what a run of thousands found stays fixed in
 * the few seconds `npm test` has. Add the seed and layout of a new failure here when fixing it.
 */
import { describe, it } from 'vitest';
import { checkDataSet } from './helpers/layouts/property.js';
import type { LayoutId } from './helpers/layouts/layouts.js';

const FOUND: Array<{ seed: number; layout: LayoutId; what: string }> = [
  // A page break (blank lines, `-1-`, a form feed) inside Table 三's wrapped header: `社会组` / … / `织`
  // was read as two pieces, so the misspelt label went unseen; and the title wrapped inside its year.
  { seed: 10018, layout: 'space-aligned', what: 'a header label wrapped over a page break' },
  // Found once valid data had to give no warning either.
  { seed: 10001, layout: 'space-aligned', what: 'a column label wrapped over three lines (`上一年` / `项目数` / `量`)' },
  { seed: 10002, layout: 'space-aligned', what: 'a group label wrapped into the next row (`三、本年度办 理结` / `果`)' },
  { seed: 10264, layout: 'space-aligned', what: 'a row label whose first line starts after a wrapped closing quote' },
  { seed: 10482, layout: 'space-aligned', what: 'a year broken by the line end and the next line’s indentation (`20` / `    21年`)' },
  { seed: 10041, layout: 'crawl', what: 'a crawl’s piece `…年度报告格式》（国办公` is no title' },
  { seed: 10240, layout: 'crawl', what: 'a crawl’s piece `公开工作年度报告格` is no title' },
  { seed: 10351, layout: 'crawl', what: 'a line inside a citation broken over lines is no title' },
];

describe('data sets the larger property runs found', () => {
  for (const { seed, layout, what } of FOUND) it(`seed ${seed}, ${layout}: ${what}`, () => checkDataSet(layout, seed));
});
