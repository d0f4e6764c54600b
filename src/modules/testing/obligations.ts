import type { Queryable } from '../../platform/db/types.js';
import { closeDeadlinesByKindPrefix } from '../../platform/deadlines/service.js';

/**
 * The deadline keys testing opens on a person, in one place so that sampling, labs and routine
 * schedules agree on them. Every one is keyed on subject type 'person' and the person's id.
 */
export const PERSON_SUBJECT = 'person';

// Each kind is its prefix and a key. SQL that builds or matches kinds takes the prefix as a
// parameter from here, so the two cannot drift apart.
export const RESAMPLE_KIND_PREFIX = 'resample:';
export const ROUTINE_MISSED_KIND_PREFIX = 'routine:';
export const CASE_REPORT_KIND_PREFIX = 'case-report:';

/** TST-1: individual re-sampling after a positive pool (one per person and pooled tube). */
export const resampleKind = (tubeId: string) => `${RESAMPLE_KIND_PREFIX}${tubeId}`;
/** TST-5: a missed routine test (one per person and local date it was due); sorts by date. */
export const routineMissedKind = (dueDate: string) => `${ROUTINE_MISSED_KIND_PREFIX}${dueDate}`;
/** TST-3 → CAS-2: the 2-hour case report owed for a positive individual result. */
export const caseReportKind = (tubeId: string) => `${CASE_REPORT_KIND_PREFIX}${tubeId}`;

/**
 * SQL for the kinds of the tasks a tube opens on its members (TST-1 re-sampling, CAS-2 report),
 * keyed on the tube id in `tubeIdColumn`: the prefixes are constants of this file, never input.
 */
export const tubeTaskKindsSql = (tubeIdColumn: string) =>
  `'${RESAMPLE_KIND_PREFIX}' || ${tubeIdColumn}, '${CASE_REPORT_KIND_PREFIX}' || ${tubeIdColumn}`;

/** A person sampled satisfies their re-sampling tasks and missed routine tests (TST-1, TST-5). */
export async function closeSamplingObligations(
  tx: Queryable,
  personIds: readonly string[],
  at: Date,
  by: string | null,
): Promise<number> {
  const kinds = [RESAMPLE_KIND_PREFIX, ROUTINE_MISSED_KIND_PREFIX];
  return closeDeadlinesByKindPrefix(tx, PERSON_SUBJECT, personIds, kinds, { at, by, outcome: 'sampled' });
}
