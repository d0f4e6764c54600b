// The public surface of the testing module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { testingFiguresOfDays } from './bulletinFigures.js';
export { insertCampaign, setCampaignStatus } from './campaigns.js';
export {
  clearPoolControlsByNegativeTubes,
  liftControlsOfTube,
  openPersonControls,
} from './controls.js';
export { testingTiles } from './dashboardTiles.js';
export {
  insertDemoCdcLab,
  insertDemoCountyLabs,
  insertLab,
  LAB_COLUMNS,
  type LabFields,
  type LabRow,
  updateLabAtVersion,
} from './labs.js';
export {
  CASE_REPORT_KIND_PREFIX,
  caseReportKind,
  closeSamplingObligations,
  PERSON_SUBJECT,
  ROUTINE_MISSED_KIND_PREFIX,
  resampleKind,
  routineMissedKind,
  tubeTaskKindsSql,
} from './obligations.js';
export { insertSample } from './samples.js';
export { insertSamplingSite, updateSamplingSite } from './sites.js';
export { testingStorySources } from './storySources.js';
export {
  addTubeMember,
  correctTubeResult,
  openTube,
  receiveTubesAtLab,
  sealOpenTube,
  type TubeFill,
  writeTubeResults,
} from './tubes.js';
export { testingWorkSubjects } from './workSubjects.js';
