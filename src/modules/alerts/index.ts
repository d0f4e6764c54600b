// The public surface of the alerts module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { alertsTiles } from './dashboardTiles.js';
export { evaluateRules } from './evaluate.js';
export { toReading, triggerStatement, type UnitReading } from './evaluateSql.js';
export { alertRoutes } from './routes.js';
export { evaluateAll, evaluateChanged, startAlertEvaluations } from './run.js';
export { alertsStorySources } from './storySources.js';
export { alertsWorkSubjects } from './workSubjects.js';
