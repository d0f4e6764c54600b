import type { Queryable } from '../../platform/db/types.js';
import { closeDeadline, openDeadline } from '../../platform/deadlines/service.js';
import { PLAN_SUBJECT } from './planWork.js';

/** The CDC's obligation to establish where a person with a coarse origin was (B7). */
const ORIGIN_REVIEW_KIND = 'origin:review';

/**
 * Assumption (the seeds set no time for it): the CDC establishes the origin within 24 hours, the
 * window ARR-11 gives the community for verifying a landing report ("当日反馈").
 */
const REVIEW_HOURS = 24;

/**
 * B7: the pack sends an arrival whose origin is known only to a level holding a published area to
 * the CDC, who reclassify it (ARR-7) once they know where the person was; that plans it.
 */
export async function openOriginReview(
  tx: Queryable,
  arrival: { id: string; jurisdictionCode: string; personId: string },
  now: Date,
): Promise<void> {
  await openDeadline(tx, {
    subjectType: PLAN_SUBJECT,
    subjectId: arrival.id,
    kind: ORIGIN_REVIEW_KIND,
    ruleId: 'ARR-7',
    jurisdictionCode: arrival.jurisdictionCode,
    personId: arrival.personId,
    ownerRole: 'cdc_epidemiologist',
    openedAt: now,
    dueAt: new Date(now.getTime() + REVIEW_HOURS * 3_600_000),
    title: {
      zh: '核实来源地：只填报到区县，区内有已公布的风险地区',
      en: 'Establish the origin: reported only to a district that holds a published risk area',
    },
  });
}

/** Reclassifying the origin settles the review. */
export async function closeOriginReview(
  tx: Queryable,
  arrivalId: string,
  at: Date,
  by: string,
): Promise<void> {
  await closeDeadline(
    tx,
    { subjectType: PLAN_SUBJECT, subjectId: arrivalId, kind: ORIGIN_REVIEW_KIND },
    { at, by, outcome: 'reclassified' },
  );
}
