// The public surface of the testing module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.ts).
export {
  CASE_REPORT_KIND_PREFIX,
  caseReportKind,
  closeSamplingObligations,
  PERSON_SUBJECT,
  RESAMPLE_KIND_PREFIX,
  ROUTINE_MISSED_KIND_PREFIX,
  resampleKind,
  routineMissedKind,
} from './obligations.js';
