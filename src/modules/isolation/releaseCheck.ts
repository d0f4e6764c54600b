import type { ReleaseCheckView } from '../../api/isolationRelease.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import {
  arrivalPhaseOf,
  arrivalReleaseTests,
  type ContactStepFacts,
  contactRelease,
  PLAN_MISSING,
  type RequiredTest,
  releaseCheck,
  STAY_ENDED,
  STAY_NOT_STARTED,
  type StayTestResult,
} from '../../rules/isolationRelease.js';
import { testKey } from '../../rules/policy/itemKeys.js';
import type { Plan, TestKind } from '../../rules/policy/types.js';
import { localDate } from '../../rules/time.js';
import { openAbnormalReports } from '../healthMonitoring/index.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';

/** ISO-6: a stay as release reads it, and what the plan asks before the person may leave. */

export interface StayRow {
  id: string;
  jurisdictionCode: string;
  personId: string;
  kind: 'centralised' | 'home';
  sourceType: 'contact' | 'arrival';
  sourceId: string;
  siteId: string | null;
  roomId: string | null;
  status: 'allocated' | 'in_room' | 'home' | 'ended' | 'cancelled';
  startedAt: Date | null;
  allocatedAt: Date | null;
  createdAt: Date;
  plannedEndDate: string;
  householdKey: string | null;
}

export const STAY_COLUMNS = `s.id, s.jurisdiction_code AS "jurisdictionCode", s.person_id AS "personId", s.kind,
  s.source_type AS "sourceType", s.source_id AS "sourceId", s.site_id AS "siteId", s.room_id AS "roomId", s.status,
  s.started_at AS "startedAt", s.allocated_at AS "allocatedAt", s.created_at AS "createdAt",
  to_char(s.planned_end_date, 'YYYY-MM-DD') AS "plannedEndDate", s.household_key AS "householdKey"`;

/** The stay in the caller's scope (row-level security), locked when asked; 404 otherwise. */
export async function readStay(tx: Queryable, id: string, lock = false): Promise<StayRow> {
  const [row] = await tx.query<StayRow>(
    `SELECT ${STAY_COLUMNS} FROM isolation_stays s WHERE s.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) throw notFound();
  return row;
}

/** When the stay began, for results that count: the arrival in the room, else the allocation. */
export const stayStart = (stay: StayRow) => new Date(stay.startedAt ?? stay.allocatedAt ?? stay.createdAt);

type Result = ReleaseCheckView['results'][number];

/** What the arrival's plan says for the stay's phase. */
export interface ArrivalPart {
  arrivalId: string;
  jurisdictionCode: string;
  plan: Plan;
  phaseIndex: number;
  phaseKey: string;
}

/** What the contact's plan says for the stay's span. */
interface ContactPart {
  contactId: string;
  jurisdictionCode: string;
  /** Deadline kinds of the span (centralised_isolation, its tests) that close done at release. */
  spanKinds: string[];
}

export interface Evaluation {
  stay: StayRow;
  timeZone: string;
  view: ReleaseCheckView;
  arrival: ArrivalPart | null;
  contact: ContactPart | null;
  /** The next phase at home: its kind, last local date and the jurisdiction the home stay belongs to. */
  next: { kind: string; endDate: string; jurisdictionCode: string } | null;
}

interface PlanFacts {
  timeZone: string | null;
  lastDate: string;
  required: RequiredTest[];
  next: Evaluation['next'];
  arrival: ArrivalPart | null;
  contact: ContactPart | null;
  /** Results the arrival's plan holds, by the plan item they answer. */
  planResults: Array<{ item: string; result: Result }>;
  missing: boolean;
}

async function arrivalFacts(tx: Queryable, stay: StayRow): Promise<PlanFacts> {
  const none: PlanFacts = {
    timeZone: null,
    lastDate: stay.plannedEndDate,
    required: [],
    next: null,
    arrival: null,
    contact: null,
    planResults: [],
    missing: true,
  };
  const [row] = await tx.query<{ jurisdictionCode: string; planId: string | null; plan: Plan | null }>(
    `SELECT a.jurisdiction_code AS "jurisdictionCode", p.id AS "planId", p.plan
     FROM arrivals a LEFT JOIN arrival_plans p ON p.arrival_id = a.id AND p.status = 'active'
     WHERE a.id = $1`,
    [stay.sourceId],
  );
  if (!row?.plan || !row.planId) return none;
  const plan = row.plan;
  const phase = arrivalPhaseOf(plan, stay.kind, stay.plannedEndDate);
  if (!phase) return { ...none, timeZone: plan.timeZone };
  // Results the plan holds already (a lab's result on a sample taken for the plan, one recorded on
  // the arrival's page) count as the test they answer, with its reagents.
  const events = await tx.query<{ item: string; result: string }>(
    `SELECT item, result FROM arrival_plan_events WHERE plan_id = $1 AND result IN ('negative', 'positive')`,
    [row.planId],
  );
  const planResults: PlanFacts['planResults'] = [];
  for (const event of events) {
    const test = plan.tests.find((t) => testKey(t) === event.item);
    if (!test) continue;
    planResults.push({
      item: event.item,
      result: {
        id: null,
        origin: 'plan',
        kind: test.kind,
        reagents: test.reagents,
        result: event.result as 'negative' | 'positive',
        sampledAt: null,
        sampledDate: test.date,
      },
    });
  }
  const next = phase.next
    ? { kind: phase.next.kind, endDate: phase.next.endDate, jurisdictionCode: row.jurisdictionCode }
    : null;
  return {
    timeZone: plan.timeZone,
    lastDate: plan.phases[phase.index]?.endDate ?? stay.plannedEndDate,
    required: arrivalReleaseTests(plan, phase.index),
    next,
    arrival: {
      arrivalId: stay.sourceId,
      jurisdictionCode: row.jurisdictionCode,
      plan,
      phaseIndex: phase.index,
      phaseKey: phase.key,
    },
    contact: null,
    planResults,
    missing: false,
  };
}

async function contactFacts(tx: Queryable, stay: StayRow): Promise<PlanFacts> {
  const [row] = await tx.query<{
    jurisdictionCode: string;
    plan: { timeZone?: string; steps?: ContactStepFacts[] } | null;
  }>('SELECT jurisdiction_code AS "jurisdictionCode", plan FROM contacts WHERE id = $1', [stay.sourceId]);
  const found = row?.plan?.steps ? contactRelease(row.plan.steps, stay.plannedEndDate, stay.kind) : null;
  if (!row || !found)
    return {
      timeZone: row?.plan?.timeZone ?? null,
      lastDate: stay.plannedEndDate,
      required: [],
      next: null,
      arrival: null,
      contact: null,
      planResults: [],
      missing: true,
    };
  return {
    timeZone: row.plan?.timeZone ?? null,
    lastDate: found.lastDate,
    required: found.required,
    next: found.next ? { ...found.next, jurisdictionCode: row.jurisdictionCode } : null,
    arrival: null,
    contact: { contactId: stay.sourceId, jurisdictionCode: row.jurisdictionCode, spanKinds: found.spanKinds },
    planResults: [],
    missing: false,
  };
}

/** The results taken during the stay: at the site, the person's individual tubes, the plan's own. */
async function resultsOf(
  tx: Queryable,
  stay: StayRow,
  timeZone: string,
  planResults: PlanFacts['planResults'],
) {
  const site = await tx.query<{
    id: string;
    kind: TestKind;
    reagents: number;
    result: Result['result'];
    sampledAt: Date;
    planItem: string | null;
  }>(
    `SELECT id, kind, reagents, result, sampled_at AS "sampledAt", plan_item AS "planItem"
     FROM isolation_test_results WHERE stay_id = $1 ORDER BY sampled_at, recorded_at`,
    [stay.id],
  );
  // The testing module's individual tubes (one person, one tube: 单管单采): a NAT with one reagent.
  // A pooled tube says nothing about one person.
  const tubes = await tx.query<{ sampledAt: Date; result: Result['result'] }>(
    `SELECT sm.sampled_at AS "sampledAt", t.result
     FROM samples sm JOIN tubes t ON t.id = sm.tube_id
     WHERE sm.person_id = $1 AND t.member_count = 1 AND t.result IN ('negative', 'positive')
       AND sm.sampled_at >= $2
     ORDER BY sm.sampled_at`,
    [stay.personId, stayStart(stay)],
  );
  const recordedOnPlan = new Set(site.map((r) => r.planItem).filter(Boolean));
  const results: Result[] = [
    ...site.map(
      (r): Result => ({
        id: r.id,
        origin: 'site',
        kind: r.kind,
        reagents: r.reagents,
        result: r.result,
        sampledAt: new Date(r.sampledAt).toISOString(),
        sampledDate: localDate(new Date(r.sampledAt), timeZone),
      }),
    ),
    ...tubes.map(
      (r): Result => ({
        id: null,
        origin: 'tube',
        kind: 'nat',
        reagents: 1,
        result: r.result,
        sampledAt: new Date(r.sampledAt).toISOString(),
        sampledDate: localDate(new Date(r.sampledAt), timeZone),
      }),
    ),
  ];
  // A plan's result that mirrors a site result is the same test: counted once.
  for (const { item, result } of planResults) if (!recordedOnPlan.has(item)) results.push(result);
  return results;
}

/** ISO-6: the release check of a stay — the rule's answer, the tests the plan needs, the results. */
export async function evaluateStay(ctx: AppContext, tx: Queryable, stay: StayRow): Promise<Evaluation> {
  const facts = stay.sourceType === 'arrival' ? await arrivalFacts(tx, stay) : await contactFacts(tx, stay);
  const timeZone =
    facts.timeZone ?? (await effectiveTimeZone(tx, stay.jurisdictionCode, ctx.config.defaultTimeZone));
  const today = localDate(ctx.now(), timeZone);
  const results = await resultsOf(tx, stay, timeZone, facts.planResults);
  const facts2: StayTestResult[] = results.map((r) => ({
    kind: r.kind,
    sampledDate: r.sampledDate,
    reagents: r.reagents,
    result: r.result,
  }));
  const answer = releaseCheck({
    lastDate: facts.lastDate,
    today,
    required: facts.required,
    results: facts2,
    openAbnormalReports: await openAbnormalReports(tx, stay.id),
  });
  const reasons = [
    ...(stay.status === 'allocated' ? [STAY_NOT_STARTED] : []),
    ...(stay.status === 'ended' || stay.status === 'cancelled' ? [STAY_ENDED] : []),
    ...(facts.missing ? [PLAN_MISSING] : []),
    ...answer.reasons,
  ];
  return {
    stay,
    timeZone,
    arrival: facts.arrival,
    contact: facts.contact,
    next: facts.next,
    view: {
      stayId: stay.id,
      status: stay.status,
      allowed: reasons.length === 0,
      reasons,
      lastDate: facts.lastDate,
      today,
      requiredTests: answer.tests.map((t) => ({
        key: t.key,
        kind: t.kind,
        day: t.day,
        date: t.date,
        reagents: t.reagents,
        label: t.label,
        satisfied: t.satisfied,
        assumption: t.assumption ?? null,
      })),
      results,
      next: facts.next ? { kind: facts.next.kind, endDate: facts.next.endDate } : null,
    },
  };
}

/** The release check of one stay by id (ISO-6), as GET /isolation/stays/:id/release-check answers it. */
export async function releaseCheckOf(
  ctx: AppContext,
  tx: Queryable,
  stayId: string,
): Promise<ReleaseCheckView> {
  return (await evaluateStay(ctx, tx, await readStay(tx, stayId))).view;
}
