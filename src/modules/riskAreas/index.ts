// The public surface of the riskAreas module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { classifySourceSql } from './bulk.js';
export { areasPublishedBetween, classifyMany, classifyOrigin, originCode } from './classify.js';
export type { AreaInput } from './fields.js';
export { checkArea } from './fields.js';
export { naturalId, overrideId, riskAreaId } from './naturalId.js';
export type { OverrideInput } from './overrides.js';
export { createOverride } from './overrides.js';
export { riskAreaRoutes } from './routes.js';
export { createArea } from './service.js';
export { applyAreas } from './store.js';
