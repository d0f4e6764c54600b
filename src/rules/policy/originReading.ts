import { LEVEL_RANK } from '../riskClassification.js';
import type { ArrivalFacts, OriginRisk, Pack, PlanRisk, Protocol } from './types.js';

/** The code prefix a division stands for: 310000 → "31", 220200 → "2202", 150781 → "150781". */
export function divisionPrefix(code: string): string {
  let prefix = code;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

/** ARR-9: the city of the pack's list the origin lies in, if any (it counts whole as high-risk). */
export function highRiskCity(facts: ArrivalFacts, pack: Pack) {
  const code = facts.originDivisionCode;
  if (facts.origin !== 'domestic' || !code) return undefined;
  return (pack.treatAsHighRisk ?? []).find((city) => code.startsWith(divisionPrefix(city.divisionCode)));
}

const rank = (level: OriginRisk | undefined) => (level ? LEVEL_RANK[level] : 0);

/**
 * Said when a pack does not say what applies to an origin known only to a level that holds a
 * published area: DESIGN "never understate risk to a person" (本地口径, the cautious reading).
 */
export const SILENT_PACK_REASON =
  '策略包未规定来源地只填到上级行政区划、而其中含有已公布风险地区时如何处理；按从严口径，视同来自其中风险最高的地区。' +
  'The pack does not say what applies when the origin is known only to a level that contains a published risk area; ' +
  'the cautious reading counts it at the highest level inside it.';

/**
 * B7: the origin is known only to a level (a district) that holds a published area finer than it,
 * riskier than the origin's own status: the traveller may have come from that area. Returns the
 * pack's reading (`coarseOrigin`), or the cautious one as an assumption when the pack is silent;
 * undefined when the origin's own level already covers it.
 */
export function coarseReading(facts: ArrivalFacts, pack: Pack): PlanRisk['coarse'] | undefined {
  const finerRisk = facts.originFinerRisk;
  if (facts.origin !== 'domestic' || !finerRisk || rank(finerRisk) <= rank(facts.originRisk))
    return undefined;
  const spec = pack.coarseOrigin;
  if (!spec) return { finerRisk, reading: 'cautious', assumption: true, reason: SILENT_PACK_REASON };
  return {
    finerRisk,
    reading: spec.reading,
    source: spec.source,
    ...(spec.assumption ? { assumption: true } : {}),
    ...(spec.reason ? { reason: spec.reason } : {}),
  };
}

/** B7: the pack routes this arrival to the CDC, who establish where the person was, before any plan. */
export function needsOriginReview(facts: ArrivalFacts, pack: Pack): PlanRisk['coarse'] | undefined {
  const coarse = coarseReading(facts, pack);
  return coarse?.reading === 'review' ? coarse : undefined;
}

/**
 * The risk a plan is made on and why (shown on the arrival page): the registry's level, raised by
 * a whole-city override (the pack's ARR-9 list, or the HQ's list by name) or by the reading of a
 * coarse origin. `level` and `districtLevel` are the facts the pack's protocols were matched on.
 */
export function planRisk(
  facts: ArrivalFacts,
  pack: Pack,
  effective: { originRisk?: OriginRisk | undefined; originDistrictRisk?: PlanRisk['districtLevel'] },
): PlanRisk {
  if (facts.origin !== 'domestic') return {};
  const city = highRiskCity(facts, pack);
  const coarse = city ? undefined : coarseReading(facts, pack);
  const override = city
    ? {
        name: city.name,
        source: city.source,
        ...(city.assumption ? { assumption: true } : {}),
        ...(city.reason ? { reason: city.reason } : {}),
      }
    : facts.originOverrideName
      ? { name: facts.originOverrideName }
      : undefined;
  return {
    ...(effective.originRisk ? { level: effective.originRisk } : {}),
    ...(effective.originDistrictRisk ? { districtLevel: effective.originDistrictRisk } : {}),
    ...(facts.originRisk ? { published: facts.originRisk } : {}),
    ...(override ? { override } : {}),
    ...(coarse ? { coarse } : {}),
  };
}

/**
 * Issue 12 item 8: the plan carries the protocol's reading of its document's term (重点地区 read as
 * high- and medium-risk areas by one pack, as key-concern areas by another) with the criteria it
 * stands for, so the arrival page shows the 本地口径 the person was planned on.
 */
export function withReading(risk: PlanRisk, protocol: Protocol): PlanRisk {
  const reading = protocol.reading;
  if (!reading) return risk;
  return {
    ...risk,
    reading: {
      term: reading.term,
      match: protocol.match,
      source: reading.source,
      ...(reading.assumption ? { assumption: true } : {}),
      ...(reading.reason ? { reason: reading.reason } : {}),
    },
  };
}
