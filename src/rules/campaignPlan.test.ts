import { describe, expect, it } from 'vitest';
import { type CampaignLevel, type PlanLab, planCampaign } from './campaignPlan.js';

/** The test world's county lab: 4 instruments × 90 tubes/h, 60,000 physical + 40,000 contracted tests. */
const LAB: PlanLab = {
  instruments: 4,
  tubesPerInstrumentHour: 90,
  reagentPhysicalTests: 60_000,
  reagentContractedTests: 40_000,
};
const BIG_LAB: PlanLab = { ...LAB, instruments: 10 };
const plan = (population: number, poolSize = 10, labs: PlanLab[] = [LAB], level: CampaignLevel = 'county') =>
  planCampaign({ population, poolSize, labs, level });

describe('TST-6 deadline by population size', () => {
  it.each<[string, CampaignLevel, number, number, number]>([
    ['TST-6 county: "确保达到 24 小时完成全员核酸检测任务" [004 §19]', 'county', 400_000, 24, 24],
    ['TST-6 county of 0 people still plans for 24 h', 'county', 0, 24, 24],
    ['TST-6 city under 5 million: "500 万人以下的城市 … 力争在 2 天之内完成"', 'city', 4_999_999, 48, 48],
    ['TST-6 city of exactly 5 million: "500 万以上人口的城市 … 3-5 天"', 'city', 5_000_000, 72, 120],
    ['TST-6 city of 9 million: 3–5 days', 'city', 9_000_000, 72, 120],
  ])('%s', (_title, level, population, targetHours, limitHours) => {
    const { deadline } = plan(population, 10, [LAB], level);
    expect(deadline).toMatchObject({ targetHours, limitHours, citation: { ruleId: 'TST-6' } });
  });
});

describe('TST-8 sampling sites and tables', () => {
  it.each<[string, number, [number, number], [number, number]]>([
    ['TST-8 nobody: no site, no table', 0, [0, 0], [0, 0]],
    ['TST-8 one person still needs one site and one table', 1, [1, 1], [1, 1]],
    ['TST-8 exactly 600 people: one table either way', 600, [1, 1], [1, 1]],
    ['TST-8 exactly 800 people: one table of 800, or two of 600 at most', 800, [1, 1], [1, 2]],
    ['TST-8 exactly 2000 people: "2000-3000人设置一个采样点" → 1 site', 2000, [1, 1], [3, 4]],
    ['TST-8 exactly 3000 people: 1 site of 3000, or 2 of at most 2000', 3000, [1, 2], [4, 5]],
    ['TST-8 3001 people: 2 sites', 3001, [2, 2], [4, 6]],
    ['TST-8 "600-800人设置一个采样台": 2,400 people → 3–4 tables', 2400, [1, 2], [3, 4]],
    ['TST-8 400,000 people → 134–200 sites, 500–667 tables', 400_000, [134, 200], [500, 667]],
  ])('%s', (_title, population, [sitesMin, sitesMax], [tablesMin, tablesMax]) => {
    const result = plan(population);
    expect([result.sites.min, result.sites.max]).toEqual([sitesMin, sitesMax]);
    expect([result.tables.min, result.tables.max]).toEqual([tablesMin, tablesMax]);
  });

  it('TST-8 sampling staff: an assumption (sampler + registrar, two shifts) with its parameters', () => {
    const staff = plan(2400).samplingStaff;
    expect(staff).toMatchObject({ min: 12, max: 16, assumption: true, samplersPerTable: 2, shiftsPerDay: 2 });
    expect(staff.reason).toMatch(/assumed/);
    const custom = planCampaign({
      population: 2400,
      poolSize: 10,
      labs: [],
      level: 'county',
      samplersPerTable: 3,
      shiftsPerDay: 1,
    });
    expect([custom.samplingStaff.min, custom.samplingStaff.max]).toEqual([9, 12]);
  });
});

describe('TST-9 lab capacity and reagents', () => {
  it('TST-9 "核酸检测设备按照每日工作 18 小时测算": 1,000,000 people in pools of 10', () => {
    const { tubes, lab, shortfalls } = plan(1_000_000);
    expect(tubes).toBe(100_000);
    // 100,000 tubes / 18 h = 5,555.6 → 5,556 per hour; 62 instruments × 90 × 18 = 100,440 ≥ 100,000 > 61 × 1,620.
    expect(lab).toMatchObject({
      instrumentHoursPerDay: 18,
      tubesPerHour: 5556,
      capacityTubesPerHour: 360,
      instrumentsAvailable: 4,
      instrumentsNeeded: 62,
      shortfallTubesPerHour: 5196,
    });
    expect(shortfalls).toContain('instruments');
  });

  it('TST-9 enough instruments: 60,000 people in pools of 10 fit 4 × 90 × 18 = 6,480 tubes', () => {
    const { tubes, lab, shortfalls } = plan(60_000);
    expect(tubes).toBe(6000);
    expect(lab.instrumentsNeeded).toBe(4);
    expect(lab.shortfallTubesPerHour).toBe(0);
    expect(shortfalls).not.toContain('instruments');
  });

  it('TST-9 pool size 1 (individual): one tube per person', () => {
    expect(plan(1234, 1).tubes).toBe(1234);
    expect(plan(1234, 10).tubes).toBe(124);
  });

  it('TST-9 "试剂要按照 10 轮进行储备,其中实物储备不少于 6 轮": shortfalls against stock', () => {
    // Ten instruments (900 tubes/h) so that only reagents can fall short; 10,000 tubes a round:
    // 100,000 tests in all, 60,000 physical.
    const { reagents, shortfalls } = plan(100_000, 10, [BIG_LAB]);
    expect(reagents).toMatchObject({
      testsPerRound: 10_000,
      rounds: 10,
      physicalRounds: 6,
      totalNeeded: 100_000,
      physicalNeeded: 60_000,
      physicalShortfall: 0,
      totalShortfall: 0,
    });
    expect(shortfalls).toEqual([]);
    const short = plan(100_010, 10, [BIG_LAB]);
    expect(short.reagents).toMatchObject({ physicalShortfall: 6, totalShortfall: 10 });
    expect(short.shortfalls).toEqual(['reagent_physical', 'reagent_total']);
  });

  it('TST-9 contracted stock counts toward 10 rounds but never toward the 6 physical ones', () => {
    const lab = { ...BIG_LAB, reagentPhysicalTests: 0, reagentContractedTests: 1_000_000 };
    expect(plan(100_000, 10, [lab]).shortfalls).toEqual(['reagent_physical']);
  });

  it('TST-9 no lab in the jurisdiction: no capacity, every reagent short', () => {
    const result = plan(5000, 10, []);
    expect(result.lab.instrumentsNeeded).toBeNull();
    expect(result.shortfalls).toEqual(['no_lab_capacity', 'reagent_physical', 'reagent_total']);
    expect(plan(0, 10, []).shortfalls).toEqual([]);
  });

  it('TST-9 several labs: capacity and stock add up', () => {
    const other = {
      instruments: 2,
      tubesPerInstrumentHour: 120,
      reagentPhysicalTests: 1,
      reagentContractedTests: 2,
    };
    const { lab, reagents } = plan(10_000, 10, [LAB, other]);
    expect(lab).toMatchObject({ capacityTubesPerHour: 600, instrumentsAvailable: 6 });
    expect([reagents.physicalStock, reagents.contractedStock]).toEqual([60_001, 40_002]);
  });
});

describe('TST-9 reagents as reactions and as person-tests, people per hour at any pool size', () => {
  it.each<[string, number, number, object, object]>([
    [
      'TST-9 10合1: 100,000 people are 10,000 reactions a round, 100,000 person-tests; 4 × 90 tubes/h test 3,600 people/h',
      100_000,
      10,
      { tubesPerHour: 556, capacityTubesPerHour: 360, personsPerHour: 5556, capacityPersonsPerHour: 3600 },
      {
        testsPerRound: 10_000,
        personTestsPerRound: 100_000,
        totalNeeded: 100_000,
        totalNeededPersonTests: 1_000_000,
        physicalNeededPersonTests: 600_000,
        physicalStockPersonTests: 600_000,
        contractedStockPersonTests: 400_000,
      },
    ],
    [
      'TST-9 单采 (1合1): a reaction tests one person; capacity in people equals capacity in tubes',
      100_000,
      1,
      { tubesPerHour: 5556, capacityTubesPerHour: 360, personsPerHour: 5556, capacityPersonsPerHour: 360 },
      {
        testsPerRound: 100_000,
        personTestsPerRound: 100_000,
        totalNeededPersonTests: 1_000_000,
        physicalStockPersonTests: 60_000,
      },
    ],
    [
      'TST-9 20合1: the last pool is partly empty, so a round of reactions covers a little more than everyone',
      1_001,
      20,
      { tubesPerHour: 3, capacityPersonsPerHour: 7200, personsPerHour: 56 },
      { testsPerRound: 51, personTestsPerRound: 1020, physicalStockPersonTests: 1_200_000 },
    ],
  ])('%s', (_title, population, poolSize, lab, reagents) => {
    const result = plan(population, poolSize);
    expect(result.lab).toMatchObject(lab);
    expect(result.reagents).toMatchObject({ poolSize, ...reagents });
  });
});

describe('TST-7 ring order', () => {
  it('TST-7 "涉疫地人员、14天内到过涉疫地人员、高风险地区人员、中风险地区人员、重点人群、低风险地区人员"', () => {
    const { ringOrder } = plan(10);
    expect(ringOrder.stages.map((s) => s.zh).join('、')).toBe(
      '涉疫地人员、14天内到过涉疫地人员、高风险地区人员、中风险地区人员、重点人群、低风险地区人员',
    );
    expect(ringOrder.citation.quote).toContain(ringOrder.stages.map((s) => s.zh).join('、'));
  });
});

describe('inputs out of range', () => {
  it.each<[string, number, number]>([
    ['negative population', -1, 10],
    ['fractional population', 1.5, 10],
    ['pool size 0', 100, 0],
    ['pool size 21', 100, 21],
  ])('refuses %s', (_title, population, poolSize) => {
    expect(() => plan(population, poolSize)).toThrow(RangeError);
  });
});
