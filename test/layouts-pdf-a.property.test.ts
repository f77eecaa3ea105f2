/**
 * PDFs from the same data (see helpers/layouts/property.ts), drawn with pdfkit and Debian's Noto CJK
 * font: ruled tables with merged cells, labels wrapped in narrow cells with their numbers centred
 * beside them, numbers wrapped in their cells, tables broken over pages. The data sets are split over
 * this file and layouts-pdf-b, which the two test workers run side by side: the first half here.
 *
 * A data set costs about 0.35 s here (pdf.js translates the embedded CJK font of each PDF, twice per
 * data set), so `npm test` runs 100 in all and the bench 200 and more (NIANBAO_PROPERTY_COUNT).
 * Without the font (fonts-noto-cjk) the suite is skipped, and under CI=true it fails.
 */
import { pdfSuite } from './helpers/layouts/pdf-suite.js';

pdfSuite('first');
