// The public surface of the session module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { sessionRoutes } from './routes.js';
