import { needsOriginReview, planArrival } from '../../rules/policy/engine.js';
import type { ArrivalFacts, Pack } from '../../rules/policy/types.js';
import { localDate } from '../../rules/time.js';
import type { Planning } from './plans.js';

/**
 * What one pack version makes of an arrival's facts (issue 12 Deliver 3, 5): its plan, or why the
 * arrival goes to the CDC (an origin known only to a level holding a published area, B7; no
 * protocol matching), as planningFor answers for the version in force. A policy change previews
 * and applies a given version, so it plans with that one.
 */
export function planningWith(facts: ArrivalFacts, pack: Pack): Planning {
  const { timeZone } = facts;
  const arrivalDate = localDate(facts.arrivedAt, timeZone);
  const reviewPack = {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    effectiveFrom: pack.effectiveFrom,
    effectiveTo: pack.effectiveTo ?? null,
  };
  const coarse = needsOriginReview(facts, pack);
  if (coarse) {
    return {
      review: {
        reason: 'origin_review',
        arrivalDate,
        timeZone,
        pack: reviewPack,
        finerRisk: coarse.finerRisk,
      },
    };
  }
  const plan = planArrival(facts, pack);
  return plan ? { plan } : { review: { reason: 'no_protocol', arrivalDate, timeZone, pack: reviewPack } };
}
