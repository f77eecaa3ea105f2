/**
 * PDFs from the same data (see helpers/layouts/property.ts), drawn with pdfkit and Debian's Noto CJK
 * font: ruled tables with merged cells, labels wrapped in narrow cells with their numbers centred
 * beside them, numbers wrapped in their cells, tables broken over pages.
 *
 * Each data set costs about half a second here (pdfkit shapes and subsets the CJK font, pdf.js parses it
 * back), so `npm test` runs 40 of them and the bench the 200 and more (NIANBAO_PROPERTY_COUNT).
 * Without the font (fonts-noto-cjk) the suite is skipped, and under CI=true it fails.
 */
import { describe, expect, it } from 'vitest';
import { propertyCount, propertySuite } from './helpers/layouts/property.js';
import { pdfAvailable } from './helpers/layouts/writers/pdf.js';

if (pdfAvailable()) propertySuite(['pdf'], propertyCount(40));
else {
  describe('layout pdf', () => {
    it.runIf(process.env['CI'] === 'true')('needs the CJK font', () => {
      expect(pdfAvailable(), 'apt-get install fonts-noto-cjk').toBe(true);
    });
    it.skipIf(process.env['CI'] === 'true')('is skipped: fonts-noto-cjk is not installed', () => undefined);
  });
}
