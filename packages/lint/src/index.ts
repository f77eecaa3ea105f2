export { lint, ruleDocsUrl, resolveSetting, INTERNAL_ERROR } from './engine.js';
export { RULES, ruleById } from './registry.js';
export { applyFixes, type FixResult } from './fix.js';
export { readSuppressions, type Suppression } from './directives.js';
export { checkIdentity, placedRows, readCell, tableOf, type IdentityFailure, type ReadCell } from './cells.js';
export { configSchema, validateConfig, type NianbaoConfig, type ConfigProblem } from './config.js';
export type * from './types.js';
