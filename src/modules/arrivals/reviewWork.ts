import { REVIEW_REASONS, type ReviewReason } from '../../api/arrivals.js';
import type { Queryable } from '../../platform/db/types.js';
import { closeDeadline, openDeadline } from '../../platform/deadlines/service.js';
import type { OriginRisk, Text } from '../../rules/policy/types.js';
import { PLAN_SUBJECT } from './planWork.js';

/*
 * Why an arrival waits for the CDC instead of being planned (issue 12 Deliver 5, "no silent
 * arrivals"), in the same words as its status (ReviewReason): an origin known only to a level
 * holding a published area (B7), no protocol of the pack matching its facts, or no pack in force on
 * its date.
 */
export type { ReviewReason };

/** The pack an arrival was looked at with: the one that matched nothing, or the one not yet (or no longer) in force. */
export interface ReviewPack {
  id: string;
  version: string;
  title: Text;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** Stored with the arrival (arrivals.review_detail) so the CDC read why, as it stood at registration. */
export interface ReviewDetail {
  reason: ReviewReason;
  /** The arrival's local date in the destination's zone (day 0), and that zone. */
  arrivalDate: string;
  timeZone: string;
  pack: ReviewPack | null;
  /** B7: the highest level published inside the coarse origin. */
  finerRisk?: OriginRisk;
}

/** One obligation per reason; `origin:review` is the kind B7 has always used. */
export const REVIEW_KINDS: Record<ReviewReason, string> = {
  origin_review: 'origin:review',
  no_protocol: 'review:no_protocol',
  no_pack: 'review:no_pack',
};

/**
 * Assumption (the seeds set no time for it): the CDC settles an arrival within 24 hours of its
 * registration, the window ARR-11 gives the community for feeding back a landing report's control
 * measures ("当日反馈检测管控情况", 004 §4). Counted from the registration, never from the arrival,
 * so an arrival registered days late is not overdue on creation.
 */
const REVIEW_HOURS = 24;

function titleOf(detail: ReviewDetail): Text {
  switch (detail.reason) {
    case 'origin_review':
      return {
        zh: '核实来源地：只填报到区县，区内有已公布的风险地区',
        en: 'Establish the origin: reported only to a district that holds a published risk area',
      };
    case 'no_protocol':
      return {
        zh: '核定管控措施：现行政策中没有适用于该来返人员的方案',
        en: 'Decide the measures: no protocol of the governing pack applies to this arrival',
      };
    case 'no_pack':
      return {
        zh: `核定管控措施：抵达日期${detail.arrivalDate}没有生效的防控政策`,
        en: `Decide the measures: no policy pack was in force on the arrival date, ${detail.arrivalDate}`,
      };
  }
}

/** The rule behind each obligation: B7's origin review is ARR-7's; the others answer ARR-11's feedback. */
const RULES: Record<ReviewReason, string> = {
  origin_review: 'ARR-7',
  no_protocol: 'ARR-11',
  no_pack: 'ARR-11',
};

/**
 * Puts the arrival on the CDC's list with a deadline, unless that review is already open (a
 * reclassification that still plans nothing leaves its due time as it was).
 */
export async function openReview(
  tx: Queryable,
  arrival: { id: string; jurisdictionCode: string; personId: string },
  detail: ReviewDetail,
  now: Date,
): Promise<void> {
  const kind = REVIEW_KINDS[detail.reason];
  const [open] = await tx.query(
    `SELECT 1 FROM deadlines WHERE subject_type = $1 AND subject_id = $2 AND kind = $3
       AND done_at IS NULL AND cancelled_at IS NULL`,
    [PLAN_SUBJECT, arrival.id, kind],
  );
  if (open) return;
  await openDeadline(tx, {
    subjectType: PLAN_SUBJECT,
    subjectId: arrival.id,
    kind,
    ruleId: RULES[detail.reason],
    jurisdictionCode: arrival.jurisdictionCode,
    personId: arrival.personId,
    ownerRole: 'cdc_epidemiologist',
    openedAt: now,
    dueAt: new Date(now.getTime() + REVIEW_HOURS * 3_600_000),
    title: titleOf(detail),
  });
}

/** Settles every open review of the arrival: reclassified and planned, or decided by the CDC. */
export async function closeReviews(
  tx: Queryable,
  arrivalId: string,
  done: { at: Date; by: string; outcome: string },
  except?: ReviewReason,
): Promise<void> {
  for (const reason of REVIEW_REASONS) {
    if (reason === except) continue;
    await closeDeadline(
      tx,
      { subjectType: PLAN_SUBJECT, subjectId: arrivalId, kind: REVIEW_KINDS[reason] },
      done,
    );
  }
}
