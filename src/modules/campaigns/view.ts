import { type Static, type TSchema, Type } from 'typebox';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const CAMPAIGN_STATUSES = ['planned', 'active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CampaignStatusSchema = Type.Union([
  Type.Literal('planned'),
  Type.Literal('active'),
  Type.Literal('closed'),
]);

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
export type CampaignView = Static<typeof CampaignView>;

export const CAMPAIGN_VIEW_SQL = `c.id, c.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = c.jurisdiction_code) AS "jurisdictionName",
  c.name, c.pool_size AS "poolSize", ${iso('c.starts_at')} AS "startsAt", ${iso('c.due_at')} AS "dueAt",
  c.status, ${iso('c.created_at')} AS "createdAt"`;

const Citation = Type.Object({ ruleId: Type.String(), source: Type.String(), quote: Type.String() });
const Range = { min: Type.Integer(), max: Type.Integer() };
const withCitation = <T extends Record<string, TSchema>>(properties: T) =>
  Type.Object({ ...properties, citation: Citation });

/** The planner's output (src/rules/campaignPlan.ts) as the API shows it. */
export const PlanSchema = Type.Object({
  deadline: withCitation({ targetHours: Type.Integer(), limitHours: Type.Integer() }),
  sites: withCitation({ ...Range, peoplePerSite: Type.Object(Range) }),
  tables: withCitation({ ...Range, peoplePerTable: Type.Object(Range) }),
  samplingStaff: withCitation({
    ...Range,
    samplersPerTable: Type.Integer(),
    shiftsPerDay: Type.Integer(),
    assumption: Type.Boolean(),
    reason: Type.String(),
  }),
  tubes: Type.Integer(),
  lab: withCitation({
    instrumentHoursPerDay: Type.Integer(),
    tubesPerHour: Type.Integer(),
    capacityTubesPerHour: Type.Integer(),
    instrumentsAvailable: Type.Integer(),
    instrumentsNeeded: Type.Union([Type.Integer(), Type.Null()]),
    shortfallTubesPerHour: Type.Integer(),
  }),
  reagents: withCitation({
    testsPerRound: Type.Integer(),
    rounds: Type.Integer(),
    physicalRounds: Type.Integer(),
    totalNeeded: Type.Integer(),
    physicalNeeded: Type.Integer(),
    physicalStock: Type.Integer(),
    contractedStock: Type.Integer(),
    physicalShortfall: Type.Integer(),
    totalShortfall: Type.Integer(),
  }),
  ringOrder: withCitation({ stages: Type.Array(Type.Object({ stage: Type.String(), zh: Type.String() })) }),
  shortfalls: Type.Array(Type.String()),
});

export const PlanResponse = Type.Object({
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  level: Type.Union([Type.Literal('county'), Type.Literal('city')]),
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

export const ProgressResponse = Type.Object({
  campaign: CampaignView,
  parent: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
  totals: Type.Object(Counts),
  rows: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      level: Type.String(),
      /** People registered at the parent itself, not in any child (e.g. not yet put in a grid). */
      direct: Type.Boolean(),
      hasChildren: Type.Boolean(),
      ...Counts,
    }),
  ),
  hourly: Type.Array(Type.Object({ hour: Type.String(), samples: Type.Integer() })),
});
export type ProgressResponse = Static<typeof ProgressResponse>;

export const MissingPerson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idNumberMasked: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  jurisdictionCode: Type.String(),
  jurisdictionName: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
});
export type MissingPerson = Static<typeof MissingPerson>;
