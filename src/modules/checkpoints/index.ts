// The public surface of the checkpoints module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).

export { loadCheckpointsDemo } from './demo.js';
export { passesOf } from './passesOf.js';
export { checkpointRoutes } from './routes.js';
export { checkpointsStorySources } from './storySources.js';
