import type { ImpactPreview, ImpactRequest, PlanChange } from '../../api/policy.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import {
  type CarryOver,
  carryOver,
  type DoneTest,
  type RecordedResult,
} from '../../rules/policy/carryOver.js';
import { catchUpDueAt } from '../../rules/policy/catchUp.js';
import { diffPlans } from '../../rules/policy/engine.js';
import type { Pack, Plan, PlanRestriction, PlanTest } from '../../rules/policy/types.js';
import { inScope } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import {
  factsOf,
  owedLateOf,
  planningWith,
  type ReviewDetail,
  recordedResultsOf,
} from '../arrivals/index.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { boundaryOf, type GovernedPlan, governedPlans } from './impactScope.js';
import { getPack } from './store.js';

/** One governed plan and what the new version makes of it. */
export interface Replanning {
  row: GovernedPlan;
  /** The new version's plan; null when none of its protocols matches any more. */
  next: Plan | null;
  /** Without a plan, why the arrival goes to the CDC's review list. */
  review: ReviewDetail | undefined;
  changed: boolean;
  carried: CarryOver | null;
}

export interface Impact {
  view: ImpactPreview;
  /** Every plan to supersede: the changed ones, and the unchanged ones re-stamped with the new version. */
  replannings: Replanning[];
}

const testLabel = (test: { kind: string; date: string; reagents: number }) =>
  `${test.kind}@${test.date}${test.reagents > 1 ? `x${test.reagents}` : ''}`;
const testItem = (test: PlanTest) => ({
  kind: test.kind,
  day: test.day,
  date: test.date,
  reagents: test.reagents,
  forRelease: test.forRelease,
});
const restrictionItem = (restriction: PlanRestriction) => ({
  id: restriction.id,
  startDate: restriction.startDate,
  endDate: restriction.endDate,
});
const doneItem = (done: DoneTest) => ({
  item: done.original,
  kind: done.kind,
  date: done.date,
  reagents: done.reagents,
  result: done.result,
  at: done.at.toISOString(),
});

/** The arrival's local date in its zone lies in the version's dates of effect (inclusive). */
const inForce = (pack: Pack, date: string) =>
  pack.effectiveFrom <= date && (pack.effectiveTo === undefined || date <= pack.effectiveTo);

function changeView(replanning: Replanning, now: Date): PlanChange {
  const { row, next, carried } = replanning;
  const before = row.plan;
  const diff = next ? diffPlans(before, next) : undefined;
  const removed = diff?.removedTests ?? before.tests;
  const added = diff?.addedTests ?? [];
  return {
    arrivalId: row.id,
    planId: row.planId,
    personName: row.personName,
    idNumberMasked: row.idNumberMasked,
    fromPackId: before.packId,
    fromVersion: before.packVersion,
    fromProtocol: before.protocolId,
    fromRule: before.rule,
    fromTitle: before.title,
    toVersion: next?.packVersion ?? null,
    toProtocol: next?.protocolId ?? null,
    toRule: next?.rule ?? null,
    toTitle: next?.title ?? null,
    removedTests: removed.map(testLabel),
    addedTests: added.map(testLabel),
    removed: removed.map(testItem),
    added: added.map(testItem),
    satisfied: (carried?.satisfied ?? []).map(({ test, by, reading }) => ({
      test: testItem(test),
      by: doneItem(by),
      ...reading,
    })),
    positive: (carried?.positive ?? []).map(({ test, by }) => ({ test: testItem(test), by: doneItem(by) })),
    refused: (carried?.refused ?? []).map(({ test, by }) => ({ test: testItem(test), by: doneItem(by) })),
    doneDropped: (carried?.dropped ?? []).map(doneItem),
    addedInPast: (carried?.addedInPast ?? []).map((test) => ({
      ...testItem(test),
      catchUpDueAt: catchUpDueAt(now, next?.timeZone ?? before.timeZone).toISOString(),
    })),
    madeUp: (carried?.madeUp ?? []).map(({ test, by }) => ({ test: testItem(test), by: testItem(by) })),
    endDateBefore: before.releaseDate,
    endDateAfter: next?.releaseDate ?? null,
    addedRestrictions: (diff?.addedRestrictions ?? []).map(restrictionItem),
    removedRestrictions: (diff?.removedRestrictions ?? before.restrictions).map(restrictionItem),
  };
}

/**
 * Policy change impact (issue 12 Deliver 3 and 4): the active plans the assignment of
 * `jurisdictionCode` governs (not those under a deeper assignment of their own), whatever pack
 * made them, of arrivals dated within the new version's dates of effect; for each, the plan the
 * new version makes and how it differs, with what the person has done: done tests it drops, tests
 * it adds before today (with their catch-up due time, or made up by a later one, as the work will
 * be opened), moved tests a done test satisfies and those that carry the person's positive.
 */
export async function assessImpact(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  request: ImpactRequest,
): Promise<Impact> {
  if (!inScope(request.jurisdictionCode, actor.scopes)) {
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  }
  const pack = await getPack(ctx.db, tx, request.packId, request.version);
  if (!pack) throw new AppError('validation', [fieldError('version', 'pack_unknown')]);
  const now = ctx.now();
  const rows = await governedPlans(tx, request.jurisdictionCode, pack);
  const boundary = await boundaryOf(tx, request.jurisdictionCode);
  const zones = new Map<string, string>();
  const zoneOf = async (code: string) => {
    const zone = zones.get(code) ?? (await effectiveTimeZone(tx, code, ctx.config.defaultTimeZone));
    zones.set(code, zone);
    return zone;
  };
  const inWindow: Array<GovernedPlan & { timeZone: string }> = [];
  for (const row of rows) {
    const timeZone = await zoneOf(row.jurisdictionCode);
    if (inForce(pack, localDate(new Date(row.arrivedAt), timeZone))) inWindow.push({ ...row, timeZone });
  }
  const results = await recordedResultsOf(
    tx,
    inWindow.map((row) => row.planId),
  );
  const late = await owedLateOf(
    tx,
    inWindow.map((row) => row.id),
    now,
  );
  const replannings = inWindow.map(({ timeZone, ...row }): Replanning => {
    const { plan, review } = planningWith(factsOf(row, timeZone), pack);
    const next = plan ?? null;
    const recorded: RecordedResult[] = results.get(row.planId) ?? [];
    const carried =
      next && carryOver(row.plan, next, recorded, localDate(now, next.timeZone), late.get(row.id));
    const changed = !next || diffPlans(row.plan, next).changed;
    return { row, next, review, changed, carried };
  });
  const changes = replannings.filter((r) => r.changed).map((r) => changeView(r, now));
  return {
    replannings,
    view: {
      changes,
      unchanged: replannings.length - changes.length,
      examined: replannings.length,
      outsideWindow: rows.length - inWindow.length,
      governedElsewhere: boundary.reduce((sum, b) => sum + b.plans, 0),
      boundary,
    },
  };
}
