// The public surface of the sentinels module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { sentinelsTiles } from './dashboardTiles.js';
export { loadSentinelsDemo } from './demo.js';
export { sentinelRoutes } from './routes.js';
export { sentinelsSignals } from './signals.js';
export { sentinelsStorySources } from './storySources.js';
export { sentinelsWorkSubjects } from './workSubjects.js';
