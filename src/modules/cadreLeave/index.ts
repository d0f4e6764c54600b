// The public surface of the cadreLeave module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { cadreLeaveRoutes } from './routes.js';
export { cadreLeaveStorySources } from './storySources.js';
export { cadreLeaveWorkSubjects } from './workSubjects.js';
