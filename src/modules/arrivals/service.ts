import type { PlanJson, PlanWork } from '../../api/arrivals.js';
import type { Actor } from '../../platform/access/actor.js';
import { firstScope, scopeCondition } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { closeDeadline } from '../../platform/deadlines/service.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { Plan } from '../../rules/policy/types.js';
import { inScope } from '../../rules/roles.js';
import { endOfLocalDay, startOfLocalDay } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { cancelPlanWork, PLAN_SUBJECT, planItems } from './planWork.js';
import { releaseBlockers } from './release.js';
import {
  ARRIVAL_SUMMARY_FROM,
  type ArrivalDetail,
  type ArrivalSummary,
  arrivalStatusSql,
  arrivalSummarySql,
  iso,
} from './view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ArrivalFilter {
  jurisdiction?: string | undefined;
  channel?: string | undefined;
  status?: string | undefined;
  ruleId?: string | undefined;
  /** The origin's risk level; 'none' for an origin of no level. */
  risk?: string | undefined;
  /** Local calendar dates of the jurisdiction, both included. */
  from?: string | undefined;
  to?: string | undefined;
}

export async function listArrivals(
  tx: Queryable,
  actor: Actor,
  filter: ArrivalFilter,
  page: number,
  pageSize: number,
  now: Date,
  defaultTimeZone: string,
) {
  const params: unknown[] = [];
  const scopes = filter.jurisdiction ? [filter.jurisdiction] : actor.scopes;
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes)) return { items: [], total: 0 };
  const where = [scopeCondition('a.jurisdiction_code', scopes, params)];
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  };
  eq('a.channel', filter.channel);
  if (filter.status !== undefined) {
    // Item 21: the status as shown, so that a filter's count is exactly the rows it lists.
    params.push(now, filter.status);
    where.push(`${arrivalStatusSql(`$${params.length - 1}`)} = $${params.length}`);
  }
  eq('pl.rule_id', filter.ruleId);
  if (filter.risk === 'none') where.push('a.origin_risk IS NULL');
  else eq('a.origin_risk', filter.risk);
  // A day is the jurisdiction's local day, as on the dashboard and in every plan.
  const timeZone =
    filter.from || filter.to ? await effectiveTimeZone(tx, firstScope(scopes), defaultTimeZone) : '';
  if (filter.from) {
    params.push(startOfLocalDay(filter.from, timeZone).toISOString());
    where.push(`a.arrived_at >= $${params.length}::timestamptz`);
  }
  if (filter.to) {
    params.push(endOfLocalDay(filter.to, timeZone).toISOString());
    where.push(`a.arrived_at < $${params.length}::timestamptz`);
  }
  const condition = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${ARRIVAL_SUMMARY_FROM} WHERE ${condition}`,
    params,
  );
  const items = await tx.query<ArrivalSummary>(
    `SELECT ${arrivalSummarySql(`$${params.length + 1}`)} FROM ${ARRIVAL_SUMMARY_FROM} WHERE ${condition}
     ORDER BY a.arrived_at DESC, a.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    [...params, now],
  );
  return { items, total: count?.n ?? 0 };
}

/** One arrival with its plans and events; its status as of `now` (item 21). */
export async function getArrival(tx: Queryable, actor: Actor, id: string, now: Date): Promise<ArrivalDetail> {
  if (!UUID.test(id)) throw notFound();
  const [arrival] = await tx.query<Omit<ArrivalDetail, 'plans' | 'events' | 'work'>>(
    `SELECT ${arrivalSummarySql('$2')}, ${iso('a.left_origin_at')} AS "leftOriginAt", ${iso('a.entered_at')} AS "enteredAt",
       a.origin_country AS "originCountry", a.port_isolation_days AS "portIsolationDays", a.contact, a.returnee,
       a.truck_crew AS "truckCrew", a.home_isolation_conditions AS "homeIsolationConditions",
       ${iso('a.negative_nat_at')} AS "negativeNatAt", a.green_health_code AS "greenHealthCode",
       a.review_decision - 'by' AS "reviewDecision"
     FROM ${ARRIVAL_SUMMARY_FROM} WHERE a.id = $1`,
    [id, now],
  );
  if (!arrival || !inScope(arrival.jurisdictionCode, actor.scopes)) throw notFound();
  const plans = await tx.query<ArrivalDetail['plans'][number]>(
    `SELECT id, status, ${iso('created_at')} AS "createdAt", plan, superseded_by AS "supersededBy"
     FROM arrival_plans WHERE arrival_id = $1 ORDER BY created_at DESC`,
    [id],
  );
  const events = await tx.query<ArrivalDetail['events'][number]>(
    `SELECT e.plan_id AS "planId", e.item, e.result, ${iso('e.at')} AS at, e.satisfied_by AS "satisfiedBy"
     FROM arrival_plan_events e JOIN arrival_plans p ON p.id = e.plan_id
     WHERE p.arrival_id = $1 ORDER BY e.at, e.item`,
    [id],
  );
  const active = plans.find((plan) => plan.status === 'active');
  return { ...arrival, plans, events, work: active ? await openPlanItems(tx, id, active.plan) : [] };
}

/** Issue 12 Deliver 4: what the active plan still owes and by when, catch-ups marked (planWork.ts). */
async function openPlanItems(tx: Queryable, arrivalId: string, plan: PlanJson): Promise<PlanWork[]> {
  const scheduled = new Map(
    planItems(plan as unknown as Plan).map((item) => [item.kind, item.dueAt.getTime()]),
  );
  const open = await tx.query<{ item: string; dueAt: string }>(
    `SELECT kind AS item, ${iso('due_at')} AS "dueAt" FROM deadlines
     WHERE subject_type = $1 AND subject_id = $2 AND done_at IS NULL AND cancelled_at IS NULL ORDER BY due_at, kind`,
    [PLAN_SUBJECT, arrivalId],
  );
  return open
    .filter((row) => scheduled.has(row.item))
    .map((row) => ({ ...row, catchUp: new Date(row.dueAt).getTime() !== scheduled.get(row.item) }));
}

export interface PlanEventInput {
  item: string;
  result: 'negative' | 'positive' | 'done';
  at: Date;
}

/**
 * Records a test result or a phase's end on the active plan and closes its deadline. A phase ends
 * only once the tests it needs for release are negative (ISO-6); the last one releases the arrival.
 * The answer shows the arrival as of `now` (the event's time unless told).
 */
export async function recordPlanEvent(
  tx: Queryable,
  actor: Actor,
  arrivalId: string,
  input: PlanEventInput,
  now: Date = input.at,
) {
  const arrival = await getArrival(tx, actor, arrivalId, now);
  // Locked, so that a result is never recorded on a plan a new pack version is replacing: a lock
  // that waited for the replacement finds the old plan no longer active, and the next statement
  // sees the new one.
  const lockActive = async () =>
    (
      await tx.query<{ id: string; plan: Plan }>(
        "SELECT id, plan FROM arrival_plans WHERE arrival_id = $1 AND status = 'active' FOR UPDATE",
        [arrivalId],
      )
    )[0];
  const active = (await lockActive()) ?? (await lockActive());
  if (!active) throw new AppError('plan_missing', [fieldError('item', 'plan_missing')]);
  const done = new Set(
    (
      await tx.query<{ item: string; result: string }>(
        'SELECT item, result FROM arrival_plan_events WHERE plan_id = $1',
        [active.id],
      )
    ).map((event) => `${event.item}=${event.result}`),
  );
  const blockers = releaseBlockers(active.plan, input.item, input.result, done);
  if (blockers === 'unknown_item')
    throw new AppError('validation', [fieldError('item', 'plan_item_unknown')]);
  if (blockers.length > 0) {
    throw new AppError('release_tests_pending', [fieldError('item', 'release_tests_pending')], {
      pending: blockers,
    });
  }
  const inserted = await tx.query(
    `INSERT INTO arrival_plan_events (plan_id, jurisdiction_code, item, result, at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (plan_id, item) DO NOTHING RETURNING id`,
    [active.id, arrival.jurisdictionCode, input.item, input.result, input.at, actor.userId],
  );
  if (inserted.length === 0)
    throw new AppError('plan_item_recorded', [fieldError('item', 'plan_item_recorded')]);
  await closeDeadline(
    tx,
    { subjectType: PLAN_SUBJECT, subjectId: arrivalId, kind: input.item },
    { at: input.at, by: actor.userId, outcome: input.result },
  );
  const lastPhase = `phase:${active.plan.phases.length - 1}:end`;
  const phasesEnded =
    input.item === lastPhase || (active.plan.phases.length === 0 && input.result === 'done');
  // ARR-6: a restriction may outlast the last phase (no gatherings after the designated place); the
  // arrival stays under control until the plan's release date, which the status then reads.
  const lastPhaseEnd = active.plan.phases.at(-1)?.endDate ?? active.plan.day0;
  const released = phasesEnded && active.plan.releaseDate <= lastPhaseEnd;
  if (phasesEnded) {
    // Once the phases are over the plan owes no more work: tests it did not need for release (ISO-6)
    // are no longer anyone's, and left open they would go overdue and escalate.
    await cancelPlanWork(tx, arrivalId, 'released', input.at);
  }
  if (released) {
    await tx.query("UPDATE arrival_plans SET status = 'completed' WHERE id = $1", [active.id]);
    await tx.query("UPDATE arrivals SET status = 'released' WHERE id = $1", [arrivalId]);
  }
  await recordAudit(tx, actor, {
    action: 'plan_event',
    entity: 'arrival',
    entityId: arrivalId,
    jurisdictionCode: arrival.jurisdictionCode,
    detail: { item: input.item, result: input.result, at: input.at.toISOString(), released },
  });
  return getArrival(tx, actor, arrivalId, now);
}
