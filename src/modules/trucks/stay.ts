import type { CrewMatch } from '../../api/trucks.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { fieldError, invalid } from '../../platform/errors.js';
import { localDate } from '../../rules/time.js';
import { addLocalDays, laterDate, stayNatDates } from '../../rules/truckReport.js';
import { registerArrival } from '../arrivals/index.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { checkedCrewMatches, type MatchedMember } from './match.js';
import type { TruckReportView } from './schemas.js';
import { openStayNatDeadlines } from './work.js';
import { beginStep, finishStep } from './workflow.js';

/**
 * Each crew member of a truck that stays over becomes an arrival (channel 'truck', truckCrew), so
 * the governing pack's truck-crew protocol plans their monitoring and tests (ARR-12): as the person
 * staff matched them to, or a new one registered from the report (./match.ts).
 */
async function registerCrew(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  report: TruckReportView,
  crew: readonly MatchedMember[],
) {
  for (const member of crew) {
    const registered = await registerArrival(ctx, tx, actor, {
      person: member.person,
      jurisdictionCode: report.jurisdictionCode,
      channel: 'truck',
      sourceRef: `${report.id}:${member.position}`,
      origin: 'domestic',
      originDivisionCode: report.originDivisionCode,
      originName: report.originName,
      arrivedAt: new Date(report.arrivedAt ?? report.plannedArrivalAt),
      truckCrew: true,
    });
    await tx.query(
      `UPDATE truck_report_crew SET person_id = $3, arrival_id = $4, match = $5, matched_at = $6, matched_by = $7
       WHERE report_id = $1 AND position = $2`,
      [
        report.id,
        member.position,
        registered.personId,
        registered.arrivalId,
        member.match,
        ctx.now(),
        actor.userId,
      ],
    );
  }
}

/**
 * The days on which every crew member's active plan already has a NAT (the pack's truck-crew
 * protocol, e.g. chifeng-2022's days 0–3): those days are on the list through the plans, so the
 * stay adds its own daily NAT only for the other days, and each day of the stay is covered once.
 */
async function datesTestedByEveryPlan(tx: Queryable, reportId: string): Promise<Set<string>> {
  const rows = await tx.query<{ dates: string[] | null }>(
    `SELECT (SELECT array_agg(DISTINCT t->>'date') FROM jsonb_array_elements(p.plan->'tests') t
             WHERE t->>'kind' = 'nat') AS dates
     FROM truck_report_crew c LEFT JOIN arrival_plans p ON p.arrival_id = c.arrival_id AND p.status = 'active'
     WHERE c.report_id = $1`,
    [reportId],
  );
  const [first, ...rest] = rows.map((row) => new Set(row.dates ?? []));
  if (!first) return new Set();
  return new Set([...first].filter((date) => rest.every((set) => set.has(date))));
}

/**
 * "因特殊情况短时间内不能离开的,所在社区要每日监测健康状况,严格限制活动范围,每日进行1次核酸检测": the
 * stay-over is booked through `lastDate` (and may be extended); the first booking registers the crew
 * as arrivals, and each day of the stay gets a NAT on the community's list, from the crew's plans
 * or, for days they do not cover, from the stay itself.
 */
export async function recordStay(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  body: { reason: string; lastDate: string; crew?: readonly CrewMatch[] | undefined },
): Promise<TruckReportView> {
  const { report, next } = await beginStep(tx, actor, id, 'stay');
  const reason = body.reason.trim();
  if (!reason) throw invalid([fieldError('reason', 'required')]);
  const timeZone = await effectiveTimeZone(tx, report.jurisdictionCode, ctx.config.defaultTimeZone);
  const today = localDate(ctx.now(), timeZone);
  if (body.lastDate < today) throw invalid([fieldError('lastDate', 'date_in_past')]);
  // Set when this extends a stay already booked, through that date.
  const bookedUntil = report.status === 'staying' ? report.stayLastDate : null;
  if (bookedUntil && body.lastDate < bookedUntil) throw invalid([fieldError('lastDate', 'before_stay_end')]);
  const from = bookedUntil ? laterDate(addLocalDays(bookedUntil, 1), today) : today;
  const dates = from > body.lastDate ? [] : stayNatDates(from, body.lastDate);
  if (!dates) throw invalid([fieldError('lastDate', 'range')]);

  if (!bookedUntil) {
    await registerCrew(ctx, tx, actor, report, await checkedCrewMatches(ctx, tx, actor, report, body.crew));
  }
  const covered = await datesTestedByEveryPlan(tx, report.id);
  await tx.query(
    `UPDATE truck_reports SET status = $2, stay_reason = $3, stay_first_date = coalesce(stay_first_date, $4::date),
       stay_last_date = $5, updated_at = now() WHERE id = $1`,
    [id, next, reason, today, body.lastDate],
  );
  await openStayNatDeadlines(
    tx,
    report,
    dates.filter((date) => !covered.has(date)),
    timeZone,
    ctx.now(),
  );
  return finishStep(tx, actor, report, 'stay');
}
