// The public surface of the venues module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).

export {
  type CheckInRow,
  checkInIdentity,
  insertCheckIns,
  visitsOf,
} from './checkIns.js';
export type { Visit as CoExposureVisit } from './coExposure.js';
export { coExposureSearch } from './coExposure.js';
export { coExposureRoutes } from './coExposureRoutes.js';
export { venuesTiles } from './dashboardTiles.js';
export { loadVenuesDemo } from './demo.js';
export { startCheckInSweeps, sweepCheckIns } from './retention.js';
export { venueRoutes } from './routes.js';
export { venuesStorySources } from './storySources.js';
export { signVenueCode, venueCodeKeys, verifyVenueCode } from './venueCode.js';
export { venuesWorkSubjects } from './workSubjects.js';
