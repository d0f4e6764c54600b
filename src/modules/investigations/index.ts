// The public surface of the investigations module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { investigationsTiles } from './dashboardTiles.js';
export { loadInvestigationsDemo } from './demo.js';
export { investigationRoutes } from './routes.js';
export { startInvestigationSweeps, sweepInvestigations } from './scheduler.js';
export { investigationsStorySources } from './storySources.js';
export { investigationsWorkSubjects } from './workSubjects.js';
