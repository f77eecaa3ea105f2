export * from './types.js';
export * from './formats.js';
export * from './sections.js';
export * from './labels.js';
export * from './agency.js';
export { tablesFor } from './tables.js';
export { identitiesFor } from './identities.js';
export * from './report-data.js';
export * from './schema.js';
