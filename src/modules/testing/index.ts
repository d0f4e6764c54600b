// The public surface of the testing module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.ts).
export { caseReportKind, closeSamplingObligations, PERSON_SUBJECT, resampleKind } from './obligations.js';
