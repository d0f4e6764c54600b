// The public surface of the routineTesting module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.ts).
export { routineTestingRoutes } from './routes.js';
export { startRoutineSweeps } from './scheduler.js';
