import { type Static, type TSchema, Type } from 'typebox';
import { DateTime, JurisdictionCode, Page, SafeText } from './common.js';

/** Full-population testing campaigns (TST-6 … TST-9) as the API sends them. */
export const CampaignStatusSchema = Type.Enum(['planned', 'active', 'closed']);
export const PoolSize = Type.Integer({ minimum: 1, maximum: 20 });

export const CampaignView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  name: Type.String(),
  poolSize: Type.Integer(),
  startsAt: Type.String(),
  dueAt: Type.String(),
  status: CampaignStatusSchema,
  createdAt: Type.String(),
});

/** Start a campaign; without dueAt it is due at the planner's TST-6 limit after startsAt. */
export const CampaignBody = Type.Object(
  {
    jurisdictionCode: JurisdictionCode,
    name: SafeText(100, { minLength: 1 }),
    poolSize: PoolSize,
    startsAt: DateTime,
    dueAt: Type.Optional(DateTime),
    status: Type.Optional(CampaignStatusSchema),
  },
  { additionalProperties: false },
);

const Citation = Type.Object({ ruleId: Type.String(), source: Type.String(), quote: Type.String() });
const Range = { min: Type.Integer(), max: Type.Integer() };
const withCitation = <T extends Record<string, TSchema>>(properties: T) =>
  Type.Object({ ...properties, citation: Citation });

/** TST-7's ring order, widest last; the page names each stage in its own words. */
export const RingStage = Type.Enum([
  'outbreak_place',
  'visited_within_14_days',
  'high_risk_areas',
  'medium_risk_areas',
  'key_groups',
  'low_risk_areas',
]);
export const PlanShortfall = Type.Enum([
  'no_lab_capacity',
  'instruments',
  'reagent_physical',
  'reagent_total',
]);

/** The planner's output (src/rules/campaignPlan.ts) as the API shows it. */
export const PlanSchema = Type.Object({
  deadline: withCitation({ targetHours: Type.Integer(), limitHours: Type.Integer() }),
  sites: withCitation({ ...Range, peoplePerSite: Type.Object(Range) }),
  tables: withCitation({ ...Range, peoplePerTable: Type.Object(Range) }),
  samplingStaff: withCitation({
    ...Range,
    samplersPerTable: Type.Integer(),
    shiftsPerDay: Type.Integer(),
    /** The staffing figures rest on a local assumption, always stated with its reason. */
    assumption: Type.Literal(true),
    reason: Type.String(),
  }),
  tubes: Type.Integer(),
  lab: withCitation({
    instrumentHoursPerDay: Type.Integer(),
    tubesPerHour: Type.Integer(),
    capacityTubesPerHour: Type.Integer(),
    personsPerHour: Type.Integer({
      description: 'People tested per hour the labs must reach (tubes × pool size)',
    }),
    capacityPersonsPerHour: Type.Integer({
      description: 'People per hour the labs can test at this pool size',
    }),
    instrumentsAvailable: Type.Integer(),
    instrumentsNeeded: Type.Union([Type.Integer(), Type.Null()]),
    shortfallTubesPerHour: Type.Integer(),
  }),
  /** In reactions (人份, one per tube), each with the person-tests it makes at the pool size. */
  reagents: withCitation({
    poolSize: Type.Integer(),
    testsPerRound: Type.Integer({ description: 'Reactions per round: one per tube' }),
    personTestsPerRound: Type.Integer({ description: 'People one round of reactions tests' }),
    rounds: Type.Integer(),
    physicalRounds: Type.Integer(),
    totalNeeded: Type.Integer(),
    physicalNeeded: Type.Integer(),
    physicalStock: Type.Integer(),
    contractedStock: Type.Integer(),
    physicalShortfall: Type.Integer(),
    totalShortfall: Type.Integer(),
    totalNeededPersonTests: Type.Integer(),
    physicalNeededPersonTests: Type.Integer(),
    physicalStockPersonTests: Type.Integer(),
    contractedStockPersonTests: Type.Integer(),
  }),
  ringOrder: withCitation({ stages: Type.Array(Type.Object({ stage: RingStage, zh: Type.String() })) }),
  shortfalls: Type.Array(PlanShortfall),
});

export const PlanResponse = Type.Object({
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  level: Type.Enum(['county', 'city']),
  population: Type.Integer(),
  poolSize: Type.Integer(),
  labs: Type.Integer(),
  plan: PlanSchema,
});

const Counts = {
  persons: Type.Integer(),
  sampled: Type.Integer(),
  resulted: Type.Integer(),
  positives: Type.Integer(),
  sampledPct: Type.Number(),
  resultedPct: Type.Number(),
};

export const ProgressRow = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.String(),
  /** People registered at the parent itself, not in any child (e.g. not yet put in a grid). */
  direct: Type.Boolean(),
  hasChildren: Type.Boolean(),
  ...Counts,
});

export const ProgressResponse = Type.Object({
  campaign: CampaignView,
  parent: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
  totals: Type.Object(Counts),
  rows: Type.Array(ProgressRow),
  hourly: Type.Array(Type.Object({ hour: Type.String(), samples: Type.Integer() })),
});

export const MissingPerson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idNumberMasked: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
});
export const MissingPage = Page(MissingPerson);

export type CampaignStatus = Static<typeof CampaignStatusSchema>;
export type Campaign = Static<typeof CampaignView>;
export type CampaignBody = Static<typeof CampaignBody>;
export type CampaignPlan = Static<typeof PlanSchema>;
export type PlanResult = Static<typeof PlanResponse>;
export type ProgressRow = Static<typeof ProgressRow>;
export type Progress = Static<typeof ProgressResponse>;
export type MissingPerson = Static<typeof MissingPerson>;
export type MissingPage = Static<typeof MissingPage>;
