// The public surface of the routineTesting module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).

export { routineTestingTiles } from './dashboardTiles.js';
export { routineTestingRoutes } from './routes.js';
export type { RoutineRule } from './rules.js';
export { startRoutineSweeps } from './scheduler.js';
export { readSchedule, type ScheduleRow } from './scheduleSql.js';
