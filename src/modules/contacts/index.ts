// The public surface of the contacts module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { contactsTiles } from './dashboardTiles.js';
export { loadContactsDemo } from './demo.js';
export { recordContactIsolationEnded } from './isolationRelease.js';
export { recordContactTransferred } from './isolationTransfer.js';
export { contactRoutes } from './routes.js';
export { contactsStorySources } from './storySources.js';
export { contactsWorkSubjects } from './workSubjects.js';
