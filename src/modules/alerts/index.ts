// The public surface of the alerts module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { alertsTiles } from './dashboardTiles.js';
export { alertRoutes } from './routes.js';
export { alertsStorySources } from './storySources.js';
export { alertsWorkSubjects } from './workSubjects.js';
