// The public surface of the audit module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { auditRoutes } from './routes.js';
