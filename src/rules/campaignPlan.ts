import { type Citation, PLAN_CITATIONS, RING_ORDER, type RingStage } from './campaignPlanCitations.js';

/**
 * Full-population campaign planner (TST-6 … TST-9): from the population, the pool size and the
 * labs' instruments and reagent stock, the deadline, sampling sites and tables, sampling staff, the
 * tubes per hour the labs must process, reagent rounds against stock, and the TST-7 ring order.
 * Pure: no I/O, no clock. Counts are rounded up (a plan never provides less than the ratio).
 */

export type CampaignLevel = 'county' | 'city';

export interface PlanLab {
  instruments: number;
  tubesPerInstrumentHour: number;
  reagentPhysicalTests: number;
  reagentContractedTests: number;
}

export interface PlanInput {
  population: number;
  /** People per tube (N-in-1); 1 = individual sampling. */
  poolSize: number;
  labs: readonly PlanLab[];
  level: CampaignLevel;
  /** Assumption: a sampler and a registrar at each table. */
  samplersPerTable?: number;
  /** Assumption: two 12-hour shifts a day to keep tables open around the clock for the 24 h target. */
  shiftsPerDay?: number;
}

type Shortfall = 'no_lab_capacity' | 'instruments' | 'reagent_physical' | 'reagent_total';

interface Range {
  min: number;
  max: number;
}

export interface CampaignPlan {
  deadline: { targetHours: number; limitHours: number; citation: Citation };
  sites: Range & { peoplePerSite: Range; citation: Citation };
  tables: Range & { peoplePerTable: Range; citation: Citation };
  samplingStaff: Range & {
    samplersPerTable: number;
    shiftsPerDay: number;
    assumption: true;
    reason: string;
    citation: Citation;
  };
  tubes: number;
  lab: {
    instrumentHoursPerDay: number;
    /** Tubes per hour the labs must process: tubes / 18 (rounded up). */
    tubesPerHour: number;
    capacityTubesPerHour: number;
    /** The same as people tested per hour: a tube of an N-in-1 pool tests N people. */
    personsPerHour: number;
    capacityPersonsPerHour: number;
    instrumentsAvailable: number;
    /** At the labs' average throughput per instrument; null when there is no instrument. */
    instrumentsNeeded: number | null;
    shortfallTubesPerHour: number;
    citation: Citation;
  };
  /**
   * Reagent figures in reactions (人份: one per tube, whatever the pool size), each with what it
   * tests in people at the plan's pool size (person-tests = reactions × pool size).
   */
  reagents: {
    poolSize: number;
    testsPerRound: number;
    personTestsPerRound: number;
    rounds: number;
    physicalRounds: number;
    totalNeeded: number;
    physicalNeeded: number;
    physicalStock: number;
    contractedStock: number;
    physicalShortfall: number;
    totalShortfall: number;
    totalNeededPersonTests: number;
    physicalNeededPersonTests: number;
    physicalStockPersonTests: number;
    contractedStockPersonTests: number;
    citation: Citation;
  };
  ringOrder: { stages: { stage: RingStage; zh: string }[]; citation: Citation };
  shortfalls: Shortfall[];
}

/** TST-8 [004 §20]: "2000-3000人设置一个采样点、600-800人设置一个采样台". */
const PEOPLE_PER_SITE: Range = { min: 2000, max: 3000 };
const PEOPLE_PER_TABLE: Range = { min: 600, max: 800 };
/** TST-9 [004 §19]: instruments run 18 h a day; reagents for 10 rounds, at least 6 physical. */
export const INSTRUMENT_HOURS_PER_DAY = 18;
const REAGENT_ROUNDS = 10;
const REAGENT_PHYSICAL_ROUNDS = 6;
/** TST-6 [002 §30]: the city-size threshold. */
const LARGE_CITY_POPULATION = 5_000_000;
const DEFAULT_SAMPLERS_PER_TABLE = 2;
const DEFAULT_SHIFTS_PER_DAY = 2;
const MAX_POOL_SIZE = 20;

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

function requireCount(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER) {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

/** TST-6: county 24 h; a city under 5 million 2 days; 5 million or more 3–5 days. */
function campaignDeadline(level: CampaignLevel, population: number): CampaignPlan['deadline'] {
  if (level === 'county') return { targetHours: 24, limitHours: 24, citation: PLAN_CITATIONS.deadlineCounty };
  if (population < LARGE_CITY_POPULATION) {
    return { targetHours: 48, limitHours: 48, citation: PLAN_CITATIONS.deadlineCity };
  }
  return { targetHours: 72, limitHours: 120, citation: PLAN_CITATIONS.deadlineCity };
}

/**
 * TST-8 counts for one ratio: `min` units at the most people per unit, `max` at the fewest (the
 * smallest count that keeps every unit within that many people).
 */
function unitRange(population: number, perUnit: Range): Range {
  return { min: ceilDiv(population, perUnit.max), max: ceilDiv(population, perUnit.min) };
}

function labFigures(
  tubes: number,
  population: number,
  poolSize: number,
  labs: readonly PlanLab[],
): CampaignPlan['lab'] {
  const instrumentsAvailable = labs.reduce((sum, lab) => sum + lab.instruments, 0);
  const capacityTubesPerHour = labs.reduce(
    (sum, lab) => sum + lab.instruments * lab.tubesPerInstrumentHour,
    0,
  );
  const tubesPerHour = ceilDiv(tubes, INSTRUMENT_HOURS_PER_DAY);
  // Needed instruments at the average throughput: ceil(tubes / (18 × capacity / instruments)),
  // in integers so that no double rounding creeps in.
  const instrumentsNeeded =
    capacityTubesPerHour > 0
      ? ceilDiv(tubes * instrumentsAvailable, INSTRUMENT_HOURS_PER_DAY * capacityTubesPerHour)
      : tubes === 0
        ? 0
        : null;
  return {
    instrumentHoursPerDay: INSTRUMENT_HOURS_PER_DAY,
    tubesPerHour,
    capacityTubesPerHour,
    personsPerHour: ceilDiv(population, INSTRUMENT_HOURS_PER_DAY),
    capacityPersonsPerHour: capacityTubesPerHour * poolSize,
    instrumentsAvailable,
    instrumentsNeeded,
    shortfallTubesPerHour: Math.max(0, tubesPerHour - capacityTubesPerHour),
    citation: PLAN_CITATIONS.instruments,
  };
}

function reagentFigures(tubes: number, poolSize: number, labs: readonly PlanLab[]): CampaignPlan['reagents'] {
  const physicalStock = labs.reduce((sum, lab) => sum + lab.reagentPhysicalTests, 0);
  const contractedStock = labs.reduce((sum, lab) => sum + lab.reagentContractedTests, 0);
  // One test per tube: a pool of N uses one reaction.
  const totalNeeded = tubes * REAGENT_ROUNDS;
  const physicalNeeded = tubes * REAGENT_PHYSICAL_ROUNDS;
  return {
    poolSize,
    testsPerRound: tubes,
    personTestsPerRound: tubes * poolSize,
    rounds: REAGENT_ROUNDS,
    physicalRounds: REAGENT_PHYSICAL_ROUNDS,
    totalNeeded,
    physicalNeeded,
    physicalStock,
    contractedStock,
    physicalShortfall: Math.max(0, physicalNeeded - physicalStock),
    totalShortfall: Math.max(0, totalNeeded - physicalStock - contractedStock),
    totalNeededPersonTests: totalNeeded * poolSize,
    physicalNeededPersonTests: physicalNeeded * poolSize,
    physicalStockPersonTests: physicalStock * poolSize,
    contractedStockPersonTests: contractedStock * poolSize,
    citation: PLAN_CITATIONS.reagents,
  };
}

export function planCampaign(input: PlanInput): CampaignPlan {
  const { population, poolSize, labs, level } = input;
  const samplersPerTable = input.samplersPerTable ?? DEFAULT_SAMPLERS_PER_TABLE;
  const shiftsPerDay = input.shiftsPerDay ?? DEFAULT_SHIFTS_PER_DAY;
  requireCount('population', population, 0);
  requireCount('poolSize', poolSize, 1, MAX_POOL_SIZE);
  requireCount('samplersPerTable', samplersPerTable, 1, 20);
  requireCount('shiftsPerDay', shiftsPerDay, 1, 6);
  for (const lab of labs) {
    requireCount('instruments', lab.instruments, 0);
    requireCount('tubesPerInstrumentHour', lab.tubesPerInstrumentHour, 0);
    requireCount('reagentPhysicalTests', lab.reagentPhysicalTests, 0);
    requireCount('reagentContractedTests', lab.reagentContractedTests, 0);
  }

  const tables = unitRange(population, PEOPLE_PER_TABLE);
  const tubes = ceilDiv(population, poolSize);
  const lab = labFigures(tubes, population, poolSize, labs);
  const reagents = reagentFigures(tubes, poolSize, labs);

  const shortfalls: Shortfall[] = [];
  if (tubes > 0 && lab.capacityTubesPerHour === 0) shortfalls.push('no_lab_capacity');
  else if (lab.shortfallTubesPerHour > 0) shortfalls.push('instruments');
  if (reagents.physicalShortfall > 0) shortfalls.push('reagent_physical');
  if (reagents.totalShortfall > 0) shortfalls.push('reagent_total');

  return {
    deadline: campaignDeadline(level, population),
    sites: {
      ...unitRange(population, PEOPLE_PER_SITE),
      peoplePerSite: PEOPLE_PER_SITE,
      citation: PLAN_CITATIONS.sites,
    },
    tables: { ...tables, peoplePerTable: PEOPLE_PER_TABLE, citation: PLAN_CITATIONS.tables },
    samplingStaff: {
      min: tables.min * samplersPerTable * shiftsPerDay,
      max: tables.max * samplersPerTable * shiftsPerDay,
      samplersPerTable,
      shiftsPerDay,
      assumption: true,
      // Chinese then English in one string: a page shows its language's part (bilingualText.ts).
      reason:
        '各方案未规定采样人员配比：按每个采样台一名采样人员、一名登记人员，每日两班、每班12小时测算（可调整）。' +
        'The plans give no staff ratio: assumed a sampler and a registrar per table and two 12-hour shifts a day (parameters).',
      citation: PLAN_CITATIONS.samplingStaff,
    },
    tubes,
    lab,
    reagents,
    ringOrder: { stages: RING_ORDER.map((ring) => ({ ...ring })), citation: PLAN_CITATIONS.ringOrder },
    shortfalls,
  };
}
