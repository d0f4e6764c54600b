/**
 * What a checkpoint or station does with one traveller (ARR-15, HC-3). Seed 001 §20 (“三站一场”):
 * “严格查验健康码、检测体温;对查验发现的疫情中高风险地区和重点地区来返沈人员要立即登记备案,
 * 引导其通过专用通道进入留观区,及时转交至相关地区;如有发热症状,交由卫生健康部门派出的医务人员规范处置”.
 */
import { FEVER_CELSIUS } from './fever.js';
import type { OriginRisk, RiskLevel } from './policy/types.js';

export const HEALTH_CODES = ['green', 'yellow', 'red'] as const;
export type HealthCode = (typeof HEALTH_CODES)[number];

/** The primary tag of a pass, most urgent first. */
export const PASS_OUTCOMES = ['medical', 'hold', 'register_and_hand_over', 'pass'] as const;
export type PassOutcome = (typeof PASS_OUTCOMES)[number];

export interface PassFacts {
  temperature: number;
  healthCode: HealthCode;
  origin: 'overseas' | 'domestic';
  /** The registry's status of the origin when the traveller left it (ARR-7). */
  originRisk?: OriginRisk | null;
  /** Whether the origin's district held a high- or medium-risk area then (ARR-9). */
  originDistrictRisk?: RiskLevel | null;
}

export interface PassOptions {
  /** The HQ's pack registers every arrival, not only those from risk areas (ARR-9, Chifeng). */
  registerEveryArrival?: boolean;
}

type PassReason = 'fever' | 'health_code' | 'origin_risk' | 'origin_district_risk' | 'overseas';

export interface PassDecision {
  outcome: PassOutcome;
  fever: boolean;
  held: boolean;
  riskyOrigin: boolean;
  /** Register as an arrival and hand to the destination community (also when medical or held). */
  register: boolean;
  reasons: PassReason[];
}

const RISKY_ORIGIN: ReadonlySet<OriginRisk> = new Set(['high', 'medium', 'key_concern']);
const RISKY_DISTRICT: ReadonlySet<RiskLevel> = new Set(['high', 'medium']);

/**
 * Decides a pass. Fever goes to the medical staff first; a red or yellow code is held for
 * verification (HC-1: the code colour is the person's state); an origin in a medium/high-risk or
 * key area, or overseas, is registered and handed over; everyone else passes. Registration follows
 * the origin, not the primary tag: a feverish traveller from a high-risk area is handed to the
 * medical staff and also registered (“立即登记备案”).
 */
export function checkpointOutcome(facts: PassFacts, options: PassOptions = {}): PassDecision {
  const reasons: PassReason[] = [];
  const fever = facts.temperature >= FEVER_CELSIUS;
  if (fever) reasons.push('fever');
  const held = facts.healthCode !== 'green';
  if (held) reasons.push('health_code');
  if (facts.origin === 'overseas') reasons.push('overseas');
  if (facts.origin === 'domestic' && facts.originRisk && RISKY_ORIGIN.has(facts.originRisk))
    reasons.push('origin_risk');
  // The district is the reason only when the area itself is not one (ARR-9 “所在区”).
  const districtRisky = facts.originDistrictRisk && RISKY_DISTRICT.has(facts.originDistrictRisk);
  if (facts.origin === 'domestic' && districtRisky && !reasons.includes('origin_risk'))
    reasons.push('origin_district_risk');
  const riskyOrigin = reasons.some(
    (r) => r === 'overseas' || r === 'origin_risk' || r === 'origin_district_risk',
  );
  const outcome: PassOutcome = fever
    ? 'medical'
    : held
      ? 'hold'
      : riskyOrigin
        ? 'register_and_hand_over'
        : 'pass';
  return {
    outcome,
    fever,
    held,
    riskyOrigin,
    register: riskyOrigin || options.registerEveryArrival === true,
    reasons,
  };
}
