// The public surface of the epiTeams module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { epiTeamsTiles } from './dashboardTiles.js';
export { loadEpiTeamsDemo } from './demo.js';
export { epiTeamRoutes } from './routes.js';
export { epiTeamsStorySources } from './storySources.js';
export { epiTeamsWorkSubjects } from './workSubjects.js';
