// The public surface of the users module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { userRoutes } from './routes.js';
