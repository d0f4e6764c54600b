// The public surface of the bulletin module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { bulletinTiles } from './dashboardTiles.js';
export { bulletinRoutes } from './routes.js';
export { bulletinStorySources } from './storySources.js';
export { bulletinWorkSubjects } from './workSubjects.js';
