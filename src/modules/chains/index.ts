// The public surface of the chains module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { chainsTiles } from './dashboardTiles.js';
export { buildGraph } from './graph.js';
export { addLink as addDemoLink } from './links.js';
export { chainRoutes } from './routes.js';
export { chainsStorySources } from './storySources.js';
export { chainsWorkSubjects } from './workSubjects.js';
