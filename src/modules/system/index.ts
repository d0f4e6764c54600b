// The public surface of the system module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { systemRoutes } from './routes.js';
