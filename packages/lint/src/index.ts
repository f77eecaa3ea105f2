export { lint, ruleDocsUrl, resolveSetting, isSuppressible, INTERNAL_ERROR } from './engine.js';
export { RULES, ruleById } from './registry.js';
export { applyFixes, type FixResult } from './fix.js';
export { readSuppressions, suppressionComment, type Suppression, type SuppressionComment, type SuppressionKind } from './directives.js';
export { checkIdentity, placedRows, readCell, tableOf, type IdentityFailure, type ReadCell } from './cells.js';
export { sectionSkeleton, tableSkeleton } from './skeleton.js';
export { configSchema, validateConfig, type NianbaoConfig, type ConfigProblem } from './config.js';
export type * from './types.js';
