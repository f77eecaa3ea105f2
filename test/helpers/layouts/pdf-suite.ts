/** The PDF property suite, in two halves (see layouts-pdf-a and -b): skipped without the CJK font, failing under CI. */
import { describe, expect, it } from 'vitest';
import { propertyCount, propertySuite } from './property.js';
import { pdfAvailable } from './writers/pdf.js';

/** Data sets in all, over both halves: `npm test` runs 100, the bench more. */
const TOTAL = propertyCount(100);

export function pdfSuite(half: 'first' | 'second'): void {
  if (pdfAvailable()) {
    const first = Math.ceil(TOTAL / 2);
    if (half === 'first') propertySuite(['pdf'], first);
    else if (TOTAL > first) propertySuite(['pdf'], TOTAL - first, first);
    else describe('layout pdf', () => it.skip('has no data set left for the second half', () => undefined));
    return;
  }
  describe('layout pdf', () => {
    it.runIf(process.env['CI'] === 'true')('needs the CJK font', () => {
      expect(pdfAvailable(), 'apt-get install fonts-noto-cjk').toBe(true);
    });
    it.skipIf(process.env['CI'] === 'true')('is skipped: fonts-noto-cjk is not installed', () => undefined);
  });
}
