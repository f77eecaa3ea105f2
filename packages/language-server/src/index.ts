export { startServer, DEBOUNCE_MS } from './server.js';
export { toLspRange, type CorePlace } from './positions.js';
export { toLspDiagnostic, SOURCE, type DiagnosticData } from './diagnostics.js';
export { narrowSettings, type EditorSettings } from './settings.js';
export { tableSkeleton, sectionSkeleton } from './skeleton.js';
export { FIX_ALL_KIND } from './code-actions.js';
