// The public surface of the pushLists module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).

export type { PushField } from './columns.js';
export { PUSH_COLUMNS } from './columns.js';
export { classifyPushRows, importPushList } from './importPushList.js';
export { pushListRoutes } from './routes.js';
export type { LevelCounts } from './stage.js';
export { classifyStaged, copyStagedRows } from './stage.js';
