// The public surface of the arrivals module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).

export { centralisedIsolationOn } from './bulletinFigures.js';
export { arrivalsTiles } from './dashboardTiles.js';
export { endPlanOnLeaving } from './endPlan.js';
export type { ArrivalRow } from './facts.js';
export { arrivalColumns, factsOf } from './facts.js';
export { planningWith } from './planningWith.js';
export { owedLateOf, phaseKey, testKey } from './planWork.js';
export { previewArrival } from './preview.js';
export type { ArrivalInput, Channel } from './register.js';
export { registerArrival } from './register.js';
export type { ReviewDetail } from './reviewWork.js';
export { arrivalRoutes } from './routes.js';
export type { PlanEventInput } from './service.js';
export { recordPlanEvent } from './service.js';
export { arrivalsStorySources } from './storySources.js';
export { recordedResultsOf, supersedePlan } from './supersede.js';
export { arrivalsWorkSubjects } from './workSubjects.js';
