// The public surface of the labResults module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { loadLabResultsDemo } from './demo.js';
export type { IngestReport } from './ingest.js';
export { ingestResults } from './ingest.js';
export type { ResultRow } from './input.js';
export type { LabRef } from './lab.js';
export { findLab } from './lab.js';
export { labResultRoutes } from './routes.js';
export { rowsFromFile } from './rows.js';
