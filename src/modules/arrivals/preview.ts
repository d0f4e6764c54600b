import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import type { Plan } from '../../rules/policy/types.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { factsOf } from './facts.js';
import { planningFor } from './plans.js';
import { type ArrivalInput, arrivalFacts, isOriginCode, lookUp } from './register.js';
import type { ReviewReason } from './reviewWork.js';

/**
 * The plan an arrival with these facts would get, stored nowhere and tied to no person: what a
 * traveller's receipt shows while their self-report is still a claim awaiting staff (ARR-11). It
 * depends on the reported facts alone, so it reads the same whoever the ID number belongs to.
 * B7: when the pack sends an origin known only to a level holding a published area to the CDC,
 * `originReview` and no plan, so that the traveller is told what happens next, not "no protocol".
 * `review` says why staff would find no plan (issue 12 Deliver 5): the CDC decides those too.
 */
export async function previewArrival(
  ctx: AppContext,
  tx: Queryable,
  input: Omit<ArrivalInput, 'person' | 'channel'>,
): Promise<{ plan: Plan | null; originReview: boolean; review: ReviewReason | null }> {
  const originCode = input.originDivisionCode?.trim() || null;
  const originValid = isOriginCode(originCode);
  const leftOriginAt = input.leftOriginAt ?? input.arrivedAt;
  const known = await lookUp(tx, input.jurisdictionCode, originValid ? originCode : null, leftOriginAt);
  if (!known.known) return { plan: null, originReview: false, review: null };
  const facts = arrivalFacts(input, known, '', originValid ? originCode : null);
  const timeZone = await effectiveTimeZone(tx, input.jurisdictionCode, ctx.config.defaultTimeZone);
  const arrival = factsOf(facts, timeZone);
  const { plan, review } = await planningFor(ctx, tx, input.jurisdictionCode, arrival);
  return {
    plan: plan ?? null,
    originReview: review?.reason === 'origin_review',
    review: review?.reason ?? null,
  };
}
