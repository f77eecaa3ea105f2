export { lint, ruleDocsUrl, resolveSetting, isSuppressible, INTERNAL_ERROR } from './engine.js';
export { RULES, ruleById } from './registry.js';
export { applyFixes, type FixResult } from './fix.js';
export { readSuppressions, suppressionComment, type Suppression, type SuppressionComment, type SuppressionKind } from './directives.js';
export { checkIdentity, placedRows, readCell, tableOf, type IdentityFailure, type ReadCell } from './cells.js';
export { sectionSkeleton, tableSkeleton } from './skeleton.js';
export { configSchema, validateConfig, type NianbaoConfig, type ConfigProblem } from './config.js';
// The configuration schema's validator, compiled at build time (scripts/generate.mjs): no ajv at run time.
export { validate as precompiledConfigValidator } from './config-validator.generated.js';
export type * from './types.js';
