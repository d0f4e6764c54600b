// The public surface of the hospitals module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { inHospitalAt } from './bulletinFigures.js';
export { hospitalsTiles } from './dashboardTiles.js';
export { loadHospitalsDemo } from './demo.js';
export { hospitalRoutes } from './routes.js';
export { startTreatmentSweeps, sweepTreatment } from './scheduler.js';
export { hospitalsStorySources } from './storySources.js';
export { hospitalsWorkSubjects } from './workSubjects.js';
