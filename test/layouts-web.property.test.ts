/** Web pages and Word files from the same data (see helpers/layouts/property.ts): HTML (plain and Word-pasted) and .docx written with `docx`. */
import { propertyCount, propertySuite } from './helpers/layouts/property.js';

propertySuite(['html', 'html-mso', 'docx'], propertyCount(200));
