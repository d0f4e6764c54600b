// The public surface of the isolation module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { allocate as allocateRooms } from './allocation.js';
export { isolationTiles } from './dashboardTiles.js';
export { isolationDemandRoutes } from './demandRoutes.js';
export { releaseCheckOf } from './releaseCheck.js';
export { isolationReleaseRoutes } from './releaseRoutes.js';
export { isolationSiteRoutes } from './siteRoutes.js';
export { loadIsolationSitesDemo } from './sitesDemo.js';
export { isolationStayRoutes } from './stayRoutes.js';
export { loadIsolationStaysDemo } from './staysDemo.js';
export { isolationStorySources } from './storySources.js';
export { isolationWorkSubjects } from './workSubjects.js';
