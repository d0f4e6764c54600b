// The public surface of the boarding module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { boardingRoutes } from './routes.js';
