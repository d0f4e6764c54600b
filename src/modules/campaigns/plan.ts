import type { Queryable } from '../../platform/db/types.js';
import {
  type CampaignLevel,
  type CampaignPlan,
  type PlanLab,
  planCampaign,
} from '../../rules/campaignPlan.js';
import type { Jurisdiction } from './service.js';

export interface PlanOutcome {
  jurisdictionCode: string;
  jurisdictionName: string;
  level: CampaignLevel;
  population: number;
  poolSize: number;
  labs: number;
  plan: CampaignPlan;
}

/** TST-6: a city (or province) plans by city size; a county and anything below it for 24 h. */
function levelOf(jurisdictionLevel: string): CampaignLevel {
  return jurisdictionLevel === 'city' || jurisdictionLevel === 'province' ? 'city' : 'county';
}

/**
 * The planner on the registry: the population is everyone registered in the subtree, the labs
 * every active lab in it (their instruments and reagent stock).
 */
export async function planFor(
  tx: Queryable,
  jurisdiction: Jurisdiction,
  poolSize: number,
  staffing: { samplersPerTable?: number | undefined; shiftsPerDay?: number | undefined },
): Promise<PlanOutcome> {
  const upper = `${jurisdiction.code}:`;
  // Range conditions on the "C"-collated code serve the persons index (see scopeCondition).
  const [count] = await tx.query<{ population: number }>(
    `SELECT count(*)::int AS population FROM persons p
     WHERE p.jurisdiction_code >= $1 AND p.jurisdiction_code < $2`,
    [jurisdiction.code, upper],
  );
  const labs = await tx.query<PlanLab>(
    `SELECT instruments, tubes_per_instrument_hour AS "tubesPerInstrumentHour",
       reagent_physical_tests AS "reagentPhysicalTests", reagent_contracted_tests AS "reagentContractedTests"
     FROM labs WHERE active AND jurisdiction_code >= $1 AND jurisdiction_code < $2`,
    [jurisdiction.code, upper],
  );
  const level = levelOf(jurisdiction.level);
  const population = count?.population ?? 0;
  const plan = planCampaign({
    population,
    poolSize,
    labs,
    level,
    ...(staffing.samplersPerTable ? { samplersPerTable: staffing.samplersPerTable } : {}),
    ...(staffing.shiftsPerDay ? { shiftsPerDay: staffing.shiftsPerDay } : {}),
  });
  return {
    jurisdictionCode: jurisdiction.code,
    jurisdictionName: jurisdiction.name,
    level,
    population,
    poolSize,
    labs: labs.length,
    plan,
  };
}
