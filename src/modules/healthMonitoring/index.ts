// The public surface of the health-monitoring module: other modules, the app, the CLI, tests and
// benchmarks import from here only (checked by scripts/check-walls.js).
export { openAbnormalReports } from './alerts.js';
export { monitoringTiles } from './dashboardTiles.js';
export { loadMonitoringDemo } from './demo.js';
export { monitoringPublicRoutes } from './publicRoutes.js';
export { monitoringRoutes } from './routes.js';
export { monitoringStorySources } from './storySources.js';
export { monitoringBoard } from './views.js';
export { monitoringWorkSubjects } from './workSubjects.js';
