// The public surface of the cases module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { caseFiguresOfDays, localOutbreakStarts, outbreaksGone } from './bulletinFigures.js';
export { casesTiles } from './dashboardTiles.js';
export { loadCasesDemo } from './demo.js';
export {
  caseClassSql,
  readCaseForHospital,
  TREATABLE_CASES_SQL,
} from './forHospitals.js';
// The report card and its review, for other modules' demos (the chains demo adds a cluster's cases).
export { reportCase } from './report.js';
export { reviewCase } from './review.js';
export { casesRoutes } from './routes.js';
export { casesStorySources } from './storySources.js';
export { casesWorkSubjects } from './workSubjects.js';
