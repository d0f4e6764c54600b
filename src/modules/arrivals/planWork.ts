import type { Queryable } from '../../platform/db/types.js';
import { cancelDeadlines, type DeadlineInput, openDeadlines } from '../../platform/deadlines/service.js';
import { pastTestsMadeUpByLater, reachableDueAt } from '../../rules/policy/catchUp.js';
import { phaseKey, testKey } from '../../rules/policy/itemKeys.js';
import type { Plan, PlanPhase, Text } from '../../rules/policy/types.js';
import type { Role } from '../../rules/roles.js';
import { endOfLocalDay } from '../../rules/time.js';
import { phaseText, testText } from './planText.js';

export { phaseKey, testKey };

/**
 * A plan's work belongs to the arrival, so lists link straight to the person's page; a plan replaced
 * by a new pack version cancels its open items before the new plan opens the same keys.
 */
export const PLAN_SUBJECT = 'arrival';
/** The reason work of a replaced plan is cancelled with; the new plan's opening looks for it. */
export const SUPERSEDED = 'superseded';

/** Centralised isolation is the isolation team's work (ISO-4); everything else the community's. */
function ownerOf(phase: PlanPhase | undefined): Role {
  return phase?.kind === 'centralised_isolation' ? 'isolation_manager' : 'community_worker';
}

function phaseOn(plan: Plan, day: number): PlanPhase | undefined {
  return plan.phases.find((phase) => day >= phase.startDay && day < phase.endDay) ?? plan.phases.at(-1);
}

interface PlanItem {
  kind: string;
  ownerRole: Role;
  /** When the plan says it is due: a test by the end of its day, a phase end by the end of its last day. */
  dueAt: Date;
  title: Text;
  catchUpTitle: Text;
}

const prefixed = (zh: string, en: string, title: Text): Text => ({
  zh: `${zh}：${title.zh}`,
  en: `${en}: ${title.en}`,
});

/** Every test and phase end of a plan with the due time the plan gives it. */
export function planItems(plan: Plan): PlanItem[] {
  return [
    ...plan.tests.map((test) => {
      const title = testText(test);
      return {
        kind: testKey(test),
        ownerRole: ownerOf(phaseOn(plan, test.day)),
        dueAt: new Date(test.dueAt),
        title,
        catchUpTitle: prefixed('补做', 'Catch-up', title),
      };
    }),
    ...plan.phases.map((phase, index) => {
      const title = phaseText(phase, plan.phases[index + 1]);
      return {
        kind: phaseKey(index),
        ownerRole: ownerOf(phase),
        dueAt: endOfLocalDay(phase.endDate, plan.timeZone),
        title,
        catchUpTitle: prefixed('补办', 'Catch-up', title),
      };
    }),
  ];
}

/**
 * Items of the plan this opening replaces, cancelled as superseded at the same instant, that were
 * already late: kind → when it was opened, its due time and title.
 */
async function replacedLateWork(tx: Queryable, arrivalId: string, at: Date) {
  const rows = await tx.query<{ kind: string; openedAt: Date; dueAt: Date; zh: string; en: string }>(
    `SELECT kind, opened_at AS "openedAt", due_at AS "dueAt", title_zh AS zh, title_en AS en FROM deadlines
     WHERE subject_type = $1 AND subject_id = $2 AND cancelled_at = $3 AND cancel_reason = $4 AND due_at < $3`,
    [PLAN_SUBJECT, arrivalId, at, SUPERSEDED],
  );
  return new Map(
    rows.map((row) => [
      row.kind,
      { openedAt: new Date(row.openedAt), dueAt: new Date(row.dueAt), title: { zh: row.zh, en: row.en } },
    ]),
  );
}

/**
 * Items each arrival's plan owes late at `at` (open past their due time): the items a plan opened at
 * `at` in its place keeps as they are (replacedLateWork), so the carry-over does not count them as
 * made up by a later test (src/rules/policy/carryOver.ts). Read before the replaced work is cancelled.
 */
export async function owedLateOf(
  tx: Queryable,
  arrivalIds: readonly string[],
  at: Date,
): Promise<Map<string, Set<string>>> {
  const rows = await tx.query<{ arrivalId: string; kind: string }>(
    `SELECT subject_id AS "arrivalId", kind FROM deadlines WHERE subject_type = $1 AND subject_id = ANY ($2::uuid[])
       AND done_at IS NULL AND cancelled_at IS NULL AND due_at < $3`,
    [PLAN_SUBJECT, arrivalIds, at],
  );
  const late = new Map<string, Set<string>>();
  for (const { arrivalId, kind } of rows) late.set(arrivalId, (late.get(arrivalId) ?? new Set()).add(kind));
  return late;
}

/**
 * Puts a stored plan on the work lists (ARR-*, deadlines): every test due by the end of its day, and
 * every phase's end (release, or transfer to the next phase, ISO-6) by the end of its last day.
 * Issue 12 Deliver 4, nothing is overdue on creation: an item whose due time has already passed
 * when it is opened (a test a new pack version adds in the past, an arrival registered days late)
 * gets a catch-up due time (the end of the next local day, src/rules/policy/catchUp.ts) and a
 * title that says so; past tests of one kind are made up by one catch-up, the latest (a release
 * test keeps its own; the carry-over applies the same rule, so a preview lists the same catch-ups).
 * The one exception is an item the plan this one replaces already owed late
 * (open past its due time, or its catch-up's): it is the same obligation, so it keeps its opening
 * and due times and stays late; a new version never wipes out what was overdue.
 */
export async function openPlanWork(
  tx: Queryable,
  plan: Plan,
  arrival: { id: string; jurisdictionCode: string; personId: string },
  openedAt: Date,
): Promise<number> {
  const late = await replacedLateWork(tx, arrival.id, openedAt);
  // Missed tests of one kind are made up by one catch-up; an item already owed late stays owed.
  const madeUpByLater = pastTestsMadeUpByLater(plan.tests, openedAt);
  const items = planItems(plan).filter((item) => !madeUpByLater.has(item.kind) || late.has(item.kind));
  const inputs: DeadlineInput[] = items.map((item) => {
    const common = {
      subjectType: PLAN_SUBJECT,
      subjectId: arrival.id,
      jurisdictionCode: arrival.jurisdictionCode,
      personId: arrival.personId,
      ruleId: plan.rule,
      kind: item.kind,
      ownerRole: item.ownerRole,
    };
    const due = reachableDueAt(item.dueAt, openedAt, plan.timeZone);
    const before = late.get(item.kind);
    if (due.catchUp && before) return { ...common, ...before };
    return { ...common, openedAt, dueAt: due.dueAt, title: due.catchUp ? item.catchUpTitle : item.title };
  });
  return (await openDeadlines(tx, inputs)).length;
}

export function cancelPlanWork(tx: Queryable, arrivalId: string, reason: string, at: Date): Promise<number> {
  return cancelDeadlines(tx, { subjectType: PLAN_SUBJECT, subjectId: arrivalId }, reason, at);
}

/** Cancels the open work of a plan being replaced; the new plan's opening at `at` reads what was late. */
export function cancelReplacedWork(tx: Queryable, arrivalId: string, at: Date): Promise<number> {
  return cancelPlanWork(tx, arrivalId, SUPERSEDED, at);
}
