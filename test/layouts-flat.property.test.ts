/** The layouts that lose line structure (see helpers/layouts/property.ts): the body on one line with the numbers run together, and a site crawl. */
import { propertyCount, propertySuite } from './helpers/layouts/property.js';

propertySuite(['one-line', 'crawl'], propertyCount(200));
