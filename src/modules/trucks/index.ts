// The public surface of the trucks module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { fileTruckReport } from './file.js';
export { PUBLIC_REPORT_LIMIT } from './publicRoutes.js';
export { truckRoutes } from './routes.js';
