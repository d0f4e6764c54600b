// The public surface of the landing module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).

export { landingTiles } from './dashboardTiles.js';
export { REPORT_LIMITS } from './limits.js';
export { candidatesFor } from './match.js';
export { landingModule } from './module.js';
export { originChildren, originName } from './origins.js';
export { qrSvg } from './qr.js';
export { landingStorySources } from './storySources.js';
export { submitReport } from './submit.js';
export type { ReportInput } from './validate.js';
export { lookAt, pushToCommunity, verifyReport } from './workflow.js';
export { landingWorkSubjects } from './workSubjects.js';
