// The public surface of the persons module: other modules, the app, the CLI, tests and benchmarks
// import from here only (checked by scripts/check-walls.js).
export { personBriefs } from './brief.js';
export { insertSealedPersons } from './bulkInsert.js';
export { personsPerChild } from './counts.js';
export { personImportRoutes } from './importRoutes.js';
export {
  ID_TYPE_LABELS,
  keyGroupLabels,
  LEDGER_COLUMNS,
  mapHeader,
  SEX_LABELS,
  toPersonInput,
} from './ledger/columns.js';
export { afterPerson, auditedExportPages, EXPORT_PAGE } from './ledger/exportPages.js';
export { exportPersons } from './ledger/exportPersons.js';
export type { ImportReport } from './ledger/importPersons.js';
export { importPersons } from './ledger/importPersons.js';
export type { ExactTerms } from './privacyGuard.js';
export { auditExactSearch, guardExactSearch, guardUnmask } from './privacyGuard.js';
export { personRoutes } from './routes.js';
export type { SealedPerson } from './seal.js';
export { SEALED_COLUMNS, sealPerson } from './seal.js';
export type { PersonFilter } from './search.js';
export { COUNT_CAP, personWhere, searchPersons } from './search.js';
export { createPerson, findOrRegister, revealPhone } from './service.js';
export type { PersonFields } from './validate.js';
export { validatePerson } from './validate.js';
export { mayUnmask, PERSON_FROM_SQL, PERSON_VIEW_SQL } from './view.js';
