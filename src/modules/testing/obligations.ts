import type { Queryable } from '../../platform/db/types.js';
import { closeDeadlinesByKindPrefix } from '../../platform/deadlines/service.js';

/**
 * The deadline keys testing opens on a person, in one place so that sampling, labs and routine
 * schedules agree on them. Every one is keyed on subject type 'person' and the person's id.
 */
export const PERSON_SUBJECT = 'person';

/** TST-1: individual re-sampling after a positive pool (one per person and pooled tube). */
export const resampleKind = (tubeId: string) => `resample:${tubeId}`;
/** TST-5: a missed routine test (one per person and local date it was due). */
export const routineMissedKind = (dueDate: string) => `routine:${dueDate}`;
/** TST-3 → CAS-2: the 2-hour case report owed for a positive individual result. */
export const caseReportKind = (tubeId: string) => `case-report:${tubeId}`;

/** A person sampled satisfies their re-sampling tasks and missed routine tests (TST-1, TST-5). */
export async function closeSamplingObligations(
  tx: Queryable,
  personIds: readonly string[],
  at: Date,
  by: string | null,
): Promise<number> {
  return closeDeadlinesByKindPrefix(tx, PERSON_SUBJECT, personIds, ['resample:', 'routine:'], {
    at,
    by,
    outcome: 'sampled',
  });
}
