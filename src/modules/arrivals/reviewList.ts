import type { ReviewItem, ReviewReason } from '../../api/arrivals.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { inScope } from '../../rules/roles.js';
import { PLAN_SUBJECT } from './planWork.js';
import { REVIEW_KINDS } from './reviewWork.js';
import { iso } from './view.js';

export interface ReviewFilter {
  jurisdiction?: string | undefined;
  reason?: ReviewReason | undefined;
}

type Row = Omit<ReviewItem, 'facts' | 'deadline'> &
  ReviewItem['facts'] & { deadlineId: string | null; dueAt: string | null; overdue: boolean | null };

const FACT_KEYS = [
  'origin',
  'originDivisionCode',
  'originName',
  'originCountry',
  'originRisk',
  'originDistrictRisk',
  'originFinerRisk',
  'originOverrideName',
  'contact',
  'returnee',
  'truckCrew',
  'portIsolationDays',
  'enteredAt',
  'daysSinceEntry',
  'homeIsolationConditions',
  'negativeNatAt',
  'greenHealthCode',
] as const satisfies ReadonlyArray<keyof ReviewItem['facts']>;

/** The columns of an item; `$z` the default zone, `$n` now (parameters numbered by the caller). */
function columns(z: string, n: string): string {
  // Days are counted in the zone the arrival was planned in (stored with the reason), else the default.
  const zone = `coalesce(a.review_detail ->> 'timeZone', ${z})`;
  return `a.id, a.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = a.jurisdiction_code) AS "jurisdictionName",
  a.person_id AS "personId", p.name AS "personName", p.id_masked AS "idNumberMasked", a.channel,
  ${iso('a.arrived_at')} AS "arrivedAt", a.status AS reason,
  a.review_detail ->> 'arrivalDate' AS "arrivalDate", a.review_detail -> 'pack' AS pack,
  a.origin, a.origin_division_code AS "originDivisionCode", a.origin_name AS "originName",
  a.origin_country AS "originCountry", a.origin_risk AS "originRisk", a.origin_district_risk AS "originDistrictRisk",
  a.origin_finer_risk AS "originFinerRisk", a.origin_override_name AS "originOverrideName", a.contact, a.returnee,
  a.truck_crew AS "truckCrew", a.port_isolation_days AS "portIsolationDays", ${iso('a.entered_at')} AS "enteredAt",
  ((a.arrived_at AT TIME ZONE ${zone})::date - (a.entered_at AT TIME ZONE ${zone})::date) AS "daysSinceEntry",
  a.home_isolation_conditions AS "homeIsolationConditions", ${iso('a.negative_nat_at')} AS "negativeNatAt",
  a.green_health_code AS "greenHealthCode",
  d.id AS "deadlineId", ${iso('d.due_at')} AS "dueAt", d.due_at < ${n}::timestamptz AS overdue`;
}

/**
 * Issue 12 Deliver 5: the arrivals planned by nothing that wait for the CDC (a coarse origin, no
 * protocol, no pack in force), with the facts that matched nothing and the CDC's deadline, the
 * most urgent first; those no obligation covers (sent here by a pack change) after them.
 */
export async function listReviews(
  tx: Queryable,
  actor: Actor,
  filter: ReviewFilter,
  page: number,
  pageSize: number,
  context: { now: Date; defaultTimeZone: string },
) {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes)) return { items: [], total: 0 };
  const params: unknown[] = [];
  const where = [
    scopeCondition('a.jurisdiction_code', filter.jurisdiction ? [filter.jurisdiction] : actor.scopes, params),
  ];
  if (filter.reason) {
    params.push(filter.reason);
    where.push(`a.status = $${params.length}`);
  } else where.push("a.status IN ('origin_review', 'no_protocol', 'no_pack')");
  const condition = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM arrivals a JOIN persons p ON p.id = a.person_id WHERE ${condition}`,
    params,
  );
  const at = (offset: number) => `$${params.length + offset}`;
  const rows = await tx.query<Row>(
    `SELECT ${columns(at(1), at(2))}
     FROM arrivals a JOIN persons p ON p.id = a.person_id
     LEFT JOIN LATERAL (SELECT id, due_at FROM deadlines
       WHERE subject_type = ${at(3)} AND subject_id = a.id AND kind = ANY (${at(4)}::text[])
         AND done_at IS NULL AND cancelled_at IS NULL
       ORDER BY due_at LIMIT 1) d ON true
     WHERE ${condition}
     ORDER BY d.due_at NULLS LAST, a.arrived_at, a.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    [...params, context.defaultTimeZone, context.now, PLAN_SUBJECT, Object.values(REVIEW_KINDS)],
  );
  return { items: rows.map(toItem), total: count?.n ?? 0 };
}

function toItem(row: Row): ReviewItem {
  const facts = Object.fromEntries(FACT_KEYS.map((key) => [key, row[key]])) as ReviewItem['facts'];
  return {
    id: row.id,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: row.jurisdictionName,
    personId: row.personId,
    personName: row.personName,
    idNumberMasked: row.idNumberMasked,
    channel: row.channel,
    arrivedAt: row.arrivedAt,
    reason: row.reason,
    arrivalDate: row.arrivalDate,
    pack: row.pack,
    facts,
    deadline:
      row.deadlineId && row.dueAt
        ? { id: row.deadlineId, dueAt: row.dueAt, overdue: row.overdue === true }
        : null,
  };
}
