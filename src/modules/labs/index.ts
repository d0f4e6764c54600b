// The public surface of the labs module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { loadLabsDemo } from './demo.js';
export { labRoutes } from './routes.js';
