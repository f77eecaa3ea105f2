/** Every text layout from the same data (see helpers/layouts/property.ts): Markdown, Word text, one cell a line, pipes, space-aligned columns. */
import { propertyCount, propertySuite } from './helpers/layouts/property.js';

propertySuite(['markdown', 'word-text', 'cell-per-line-tabs', 'cell-per-line', 'pipes', 'space-aligned'], propertyCount(200));
