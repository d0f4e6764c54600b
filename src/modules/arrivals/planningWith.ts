import { needsOriginReview, planArrival } from '../../rules/policy/engine.js';
import type { ArrivalFacts, Pack, Plan } from '../../rules/policy/types.js';
import { localDate } from '../../rules/time.js';
import type { ReviewDetail, ReviewPack } from './reviewWork.js';

/** What planning made of an arrival: a plan, or the reason it goes to the CDC (never nothing). */
export type Planning = { plan: Plan; review?: undefined } | { plan?: undefined; review: ReviewDetail };

/** A pack version as the CDC's review list names it. */
export const reviewPack = (pack: Pack): ReviewPack => ({
  id: pack.id,
  version: pack.version,
  title: pack.title,
  effectiveFrom: pack.effectiveFrom,
  effectiveTo: pack.effectiveTo ?? null,
});

/**
 * What one pack version makes of an arrival's facts (issue 12 Deliver 3, 5): its plan, or why the
 * arrival goes to the CDC (an origin known only to a level holding a published area, B7; no
 * protocol matching). Planning uses it with the version in force; a policy change previews and
 * applies a given version, so it plans with that one.
 */
export function planningWith(facts: ArrivalFacts, pack: Pack): Planning {
  const { timeZone } = facts;
  const arrivalDate = localDate(facts.arrivedAt, timeZone);
  const coarse = needsOriginReview(facts, pack);
  if (coarse) {
    return {
      review: {
        reason: 'origin_review',
        arrivalDate,
        timeZone,
        pack: reviewPack(pack),
        finerRisk: coarse.finerRisk,
      },
    };
  }
  const plan = planArrival(facts, pack);
  return plan
    ? { plan }
    : { review: { reason: 'no_protocol', arrivalDate, timeZone, pack: reviewPack(pack) } };
}
