// The public surface of the trucks module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { fileTruckReport } from './file.js';
export { TRUCK_REPORT_LIMITS } from './limits.js';
export { truckRoutes } from './routes.js';
export { trucksStorySources } from './storySources.js';
export { trucksWorkSubjects } from './workSubjects.js';
