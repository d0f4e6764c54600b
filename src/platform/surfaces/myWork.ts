import type { MyWorkCount, MyWorkItem, MyWorkPage } from '../../api/work.js';
import { personBriefs, revealPhone } from '../../modules/persons/index.js';
import type { Role } from '../../rules/roles.js';
import type { Actor } from '../access/actor.js';
import { scopeCondition } from '../access/scope.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/types.js';
import { findDeadline } from '../deadlines/list.js';
import { escalatedToAnyCondition, nowParam, OPEN, openStateCase } from '../deadlines/sql.js';
import { DEADLINE_COLUMNS, type DeadlineRow, toViews } from '../deadlines/view.js';
import { forbidden, notFound } from '../errors.js';
import { withoutName, workAction } from './workActions.js';

/** The levels' command: escalated work of every role comes before them. */
const COMMAND_ROLES: ReadonlySet<Role> = new Set(['commander', 'working_group', 'admin']);

/**
 * "My work" (我的工作): the open items the caller owes (owned by one of their roles in their scope)
 * and those that climbed to their level from below (escalatedToAnyCondition), with the states and
 * escalation the deadlines list computes (src/platform/deadlines), most urgent first.
 */
function workWhere(actor: Actor, now: Date, params: unknown[]) {
  const nowOf = nowParam(now, params);
  const scope = scopeCondition('d.jurisdiction_code', actor.scopes, params);
  params.push([...actor.roles]);
  const roles = `$${params.length}::text[]`;
  const escalated = escalatedToAnyCondition(actor.scopes, nowOf, params);
  // CMD-1: an item escalated to a level is put before that level's command and the holders of its
  // owner's role there; it is not every role's work (a department liaison owes no village re-sampling).
  const command = actor.roles.some((role) => COMMAND_ROLES.has(role));
  return {
    nowOf,
    escalated,
    where: `${scope} AND ${OPEN} AND (d.owner_role = ANY (${roles})${command ? ` OR ${escalated}` : ''})`,
  };
}

/** Overdue first, longest overdue first (escalated items are overdue and among them), then due soon, then open. */
const urgency = (nowOf: () => string) =>
  `CASE ${openStateCase(nowOf)} WHEN 'overdue' THEN 0 WHEN 'due_soon' THEN 1 ELSE 2 END, d.due_at, d.id`;

type WorkRow = DeadlineRow & { escalatedToMe: boolean };

export async function listMyWork(
  tx: Queryable,
  actor: Actor,
  page: number,
  pageSize: number,
  now: Date,
): Promise<MyWorkPage> {
  const params: unknown[] = [];
  const { nowOf, escalated, where } = workWhere(actor, now, params);
  const rows = await tx.query<WorkRow>(
    `SELECT ${DEADLINE_COLUMNS}, ${escalated} AS "escalatedToMe" FROM deadlines d WHERE ${where}
     ORDER BY ${urgency(nowOf)} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  const byState = await tx.query<{ state: 'overdue' | 'due_soon' | 'open'; n: number; escalated: number }>(
    `SELECT ${openStateCase(nowOf)} AS state, count(*)::int AS n,
       count(*) FILTER (WHERE ${escalated})::int AS escalated
     FROM deadlines d WHERE ${where} GROUP BY 1`,
    params,
  );
  const counts = { overdue: 0, due_soon: 0, open: 0, escalated: 0 };
  for (const { state, n, escalated: up } of byState) {
    counts[state] += n;
    counts.escalated += up;
  }
  const views = await toViews(tx, rows, now);
  const persons = await personBriefs(
    tx,
    actor,
    views.flatMap((view) => view.personId ?? []),
  );
  const items: MyWorkItem[] = views.map((view, index) => {
    const person = view.personId ? persons.get(view.personId) : undefined;
    return {
      ...view,
      title: withoutName(view.title, person?.name),
      person: person
        ? { id: person.id, name: person.name, address: person.address, phoneMasked: person.phoneMasked }
        : null,
      escalatedToMe: rows[index]?.escalatedToMe === true,
      minutesLeft: Math.max(0, Math.ceil((new Date(view.dueAt).getTime() - now.getTime()) / 60_000)),
      action: workAction(view),
    };
  });
  return { items, total: counts.overdue + counts.due_soon + counts.open, page, pageSize, counts };
}

/** The header's count: overdue items of the caller's work and, of them, those escalated to the caller. */
export async function countMyWork(tx: Queryable, actor: Actor, now: Date): Promise<MyWorkCount> {
  const params: unknown[] = [];
  const { nowOf, escalated, where } = workWhere(actor, now, params);
  const [row] = await tx.query<MyWorkCount>(
    `SELECT count(*)::int AS overdue, count(*) FILTER (WHERE ${escalated})::int AS escalated
     FROM deadlines d WHERE ${where} AND d.due_at < ${nowOf()}`,
    params,
  );
  return row ?? { overdue: 0, escalated: 0 };
}

/**
 * The call an item asks of its assignee: an open item in the caller's scope (else 404), owed by one
 * of the caller's roles or called by an administrator (else 403: the number is the assignee's to
 * see, not the level above's),
 * whose action is a call to a person (else 404).
 */
export async function assignedCall(tx: Queryable, actor: Actor, deadlineId: string, now: Date) {
  const item = await findDeadline(tx, actor, deadlineId, now);
  if (!item || item.doneAt || item.cancelledAt) throw notFound();
  // The assignee's, or the deployment administrator's (who may unmask any number anyway).
  if (!actor.roles.some((role) => role === item.ownerRole || role === 'admin')) throw forbidden();
  if (!workAction(item).call || !item.personId) throw notFound();
  return { ...item, personId: item.personId };
}

/** Reasons are kept to what the unmask route takes. */
const REASON_MAX = 200;

/** Reveals the person's phone for an assigned call, audited as an unmask of the phone. */
export async function revealCallPhone(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  deadlineId: string,
): Promise<string | null> {
  const item = await assignedCall(tx, actor, deadlineId, ctx.now());
  const reason = [...`电话办理待办：${item.title.zh}`].slice(0, REASON_MAX).join('');
  return revealPhone(ctx, tx, actor, item.personId, reason, { deadlineId: item.id, ruleId: item.ruleId });
}
