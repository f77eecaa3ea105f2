/** The layout generator for property tests: data, document, writers, faults. */
export { randomReport, REPORT_YEARS, type RandomReportOptions } from './data.js';
export { compose, type ComposeOptions } from './compose.js';
export { slots, paragraphs, type DocBlock, type DocSection, type Grid, type GridCell, type LayoutDocument, type Slot } from './document.js';
export { LAYOUTS, READ_LAYOUTS, layoutsUnderTest, writeLayout, type Layout, type LayoutId } from './layouts.js';
export { FAULT_KINDS, injectFault, type FaultKind, type InjectedFault } from './faults.js';
export { pdfAvailable, CJK_FONT } from './writers/pdf.js';
export { Rng } from './prng.js';
