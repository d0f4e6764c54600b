import type { Queryable } from '../../platform/db/types.js';
import { openDeadlines } from '../../platform/deadlines/service.js';
import type { Plan, PlanShortfall, Text } from '../../rules/policy/types.js';
import { PLAN_SUBJECT, SUPERSEDED } from './planWork.js';

/** Deadline kinds of shortfalls; migration 0071 closes them when a negative NAT is recorded on the plan. */
export const SHORTFALL_PREFIX = 'shortfall:';
const shortfallKind = (shortfall: Pick<PlanShortfall, 'id'>) => `${SHORTFALL_PREFIX}${shortfall.id}`;

/**
 * Assumption (the seeds set no time for it): the community takes the missing NAT within 24 hours of
 * learning of the arrival, reading ARR-11 "第一时间推送所去社区逐人核实，当日反馈检测管控情况"
 * (004 §4) as a day counted from the registration, so that an arrival registered late in the evening,
 * or days late, still gets a reachable due time and nothing is overdue on creation.
 */
const SHORTFALL_HOURS = 24;
const HOUR = 3_600_000;

/** "48小时" / "7日": a requirement's window as the documents write it (ARR-9 48 h, ARR-8 7 days). */
function windowText(hours: number | undefined): Text {
  if (hours === undefined) return { zh: '规定时限', en: 'the required time' };
  if (hours >= 72 && hours % 24 === 0) return { zh: `${hours / 24}日`, en: `${hours / 24} days` };
  return { zh: `${hours}小时`, en: `${hours} hours` };
}

/** What the community does about each requirement not met (ARR-8, ARR-9, ARR-10): a NAT sample. */
function titleOf(shortfall: PlanShortfall): Text {
  const within = windowText(shortfall.hours);
  return shortfall.id === 'negative_nat_within_hours'
    ? {
        zh: `补做核酸检测：未提供抵达前${within.zh}内的核酸检测阴性证明`,
        en: `Take a NAT sample: no negative NAT within ${within.en} before arrival`,
      }
    : {
        zh: `补做核酸检测：未提供抵达前${within.zh}内的核酸检测阴性证明或健康码绿码`,
        en: `Take a NAT sample: neither a negative NAT within ${within.en} before arrival nor a green health code`,
      };
}

interface Earlier {
  kind: string;
  done: boolean;
  openedAt: Date;
  dueAt: Date;
}

/**
 * Issue 12 Deliver 5, ARR-8 "须提供近7日内核酸检测为阴性证明或包含核酸检测为阴性信息的健康通行码"
 * (and ARR-9's 48 h, ARR-10's 7-day NAT): a requirement the arrival did not meet is a task for the
 * destination's community, not a note on the plan. Called for every stored plan, so a plan replaced
 * by a new version carries its shortfalls on: one already met (done) is not owed again, and one still
 * owed when it is replaced keeps its opening and due times; a new version neither wipes out nor
 * re-creates a late one. One cancelled before (its plan replaced by one without it) is owed afresh.
 */
export async function openShortfallWork(
  tx: Queryable,
  plan: Plan,
  arrival: { id: string; jurisdictionCode: string; personId: string },
  now: Date,
): Promise<number> {
  if (plan.shortfalls.length === 0) return 0;
  const kinds = plan.shortfalls.map(shortfallKind);
  // Per kind the row that decides: one done (met), else the open one, else the one the plan this
  // one replaces cancelled at this same instant (planWork.ts replacedLateWork does the same). A task
  // cancelled earlier (a reclassification away, days ago) is not the same obligation: coming back,
  // it is owed afresh, with a reachable due time, not its old one, long passed.
  const earlier = await tx.query<Earlier>(
    `SELECT DISTINCT ON (kind) kind, done_at IS NOT NULL AS done, opened_at AS "openedAt", due_at AS "dueAt"
     FROM deadlines WHERE subject_type = $1 AND subject_id = $2 AND kind = ANY ($3::text[])
       AND (done_at IS NOT NULL OR cancelled_at IS NULL OR (cancelled_at = $4 AND cancel_reason = $5))
     ORDER BY kind, done_at IS NOT NULL DESC, cancelled_at IS NULL DESC, updated_at DESC`,
    [PLAN_SUBJECT, arrival.id, kinds, now, SUPERSEDED],
  );
  const byKind = new Map(earlier.map((row) => [row.kind, row]));
  const inputs = plan.shortfalls.flatMap((shortfall) => {
    const kind = shortfallKind(shortfall);
    const before = byKind.get(kind);
    if (before?.done) return [];
    // The same obligation under a new plan: it keeps its times, late or not (as plan items do).
    const keep = before !== undefined;
    return [
      {
        subjectType: PLAN_SUBJECT,
        subjectId: arrival.id,
        kind,
        ruleId: plan.rule,
        jurisdictionCode: arrival.jurisdictionCode,
        personId: arrival.personId,
        ownerRole: 'community_worker' as const,
        openedAt: keep ? new Date(before.openedAt) : now,
        dueAt: keep ? new Date(before.dueAt) : new Date(now.getTime() + SHORTFALL_HOURS * HOUR),
        title: titleOf(shortfall),
      },
    ];
  });
  return (await openDeadlines(tx, inputs)).length;
}
