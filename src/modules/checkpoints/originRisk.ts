import type { Queryable } from '../../platform/db/types.js';
import type { OriginRisk, RiskLevel } from '../../rules/policy/types.js';
import { classifyOrigin as classifyInRegistry } from '../riskAreas/index.js';

export interface OriginClass {
  originRisk?: OriginRisk;
  originDistrictRisk?: RiskLevel;
}

/**
 * The registry's classification of an origin as it stood at `at`, when the traveller left it
 * (ARR-7, ARR-9): the same rule registerArrival stores on the arrival, so the checkpoint's
 * decision and the arrival's recorded risk agree. No code (an origin named only): unclassified.
 */
export async function classifyOrigin(tx: Queryable, code: string | null, at: Date): Promise<OriginClass> {
  if (!code) return {};
  const found = await classifyInRegistry(tx, code, at);
  return {
    ...(found.originRisk ? { originRisk: found.originRisk } : {}),
    ...(found.originDistrictRisk ? { originDistrictRisk: found.originDistrictRisk } : {}),
  };
}
