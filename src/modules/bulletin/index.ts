// The public surface of the bulletin module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { sweepConferences } from './conferences.js';
export { bulletinTiles } from './dashboardTiles.js';
export { loadBulletinDemo } from './demo.js';
export { figuresOfDates } from './figures.js';
export { bulletinRoutes } from './routes.js';
export { startConferenceSweeps } from './scheduler.js';
export { bulletinStorySources } from './storySources.js';
export { bulletinWorkSubjects } from './workSubjects.js';
