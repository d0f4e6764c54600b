// The public surface of the jurisdictions module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { importDivisions } from './importDivisions.js';
export { jurisdictionRoutes } from './routes.js';
export { effectiveTimeZone, insertGrids } from './service.js';
