export { parseReport, type ParseOptions, type Reader } from './parse.js';
export { decodeText, type DecodedText, type TextEncoding } from './decode.js';
export { LineIndex, type Point, type Span } from './source.js';
export { compactCjk } from './facts.js';
export { toReportData } from './extract.js';
export type * from './model.js';
