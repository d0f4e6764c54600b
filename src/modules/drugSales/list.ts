import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { DrugClass, FOLLOW_UP_OUTCOMES } from '../../rules/drugSales.js';
import { maskName } from '../../rules/landing.js';
import { inScope } from '../../rules/roles.js';
import { FOLLOW_UP_KIND, SALE_DAY_SUBJECT } from './followUpDeadlines.js';

/** A sale as lists show it: the buyer masked (MON-2; DESIGN "Safe by default"). */
export interface SaleView {
  id: string;
  outletId: string;
  outletName: string;
  jurisdictionCode: string;
  jurisdictionName: string | null;
  soldAt: string;
  classes: DrugClass[];
  quantity: number | null;
  buyerNameMasked: string | null;
  idNumberMasked: string;
  phoneMasked: string | null;
  followUp: {
    outcome: (typeof FOLLOW_UP_OUTCOMES)[number];
    contacted: boolean;
    note: string | null;
    at: string;
  } | null;
  dueAt: string | null;
}

interface SaleRecord extends Omit<SaleView, 'buyerNameMasked' | 'followUp' | 'soldAt' | 'dueAt'> {
  soldAt: Date | string;
  buyerName: string | null;
  outcome: (typeof FOLLOW_UP_OUTCOMES)[number] | null;
  contacted: boolean | null;
  note: string | null;
  followedUpAt: Date | string | null;
  dueAt: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

const SELECT = `SELECT s.id, s.outlet_id AS "outletId", o.name AS "outletName", s.jurisdiction_code AS "jurisdictionCode",
    (SELECT j.name FROM jurisdictions j WHERE j.code = s.jurisdiction_code) AS "jurisdictionName",
    s.sold_at AS "soldAt", s.classes, s.quantity, s.buyer_name AS "buyerName", s.id_masked AS "idNumberMasked",
    s.phone_masked AS "phoneMasked", s.follow_up_outcome AS outcome, s.follow_up_contacted AS contacted,
    s.follow_up_note AS note, s.followed_up_at AS "followedUpAt", dl.due_at AS "dueAt"
  FROM drug_sales s
  JOIN drug_outlets o ON o.id = s.outlet_id
  LEFT JOIN drug_sale_days d ON d.outlet_id = s.outlet_id AND d.day = s.sale_day
  LEFT JOIN deadlines dl ON dl.subject_type = '${SALE_DAY_SUBJECT}' AND dl.subject_id = d.id
    AND dl.kind = '${FOLLOW_UP_KIND}' AND dl.done_at IS NULL AND dl.cancelled_at IS NULL
    AND s.followed_up_at IS NULL`;

function toView(row: SaleRecord): SaleView {
  return {
    id: row.id,
    outletId: row.outletId,
    outletName: row.outletName,
    jurisdictionCode: row.jurisdictionCode,
    jurisdictionName: row.jurisdictionName,
    soldAt: iso(row.soldAt),
    classes: row.classes,
    quantity: row.quantity,
    buyerNameMasked: row.buyerName ? maskName(row.buyerName) : null,
    idNumberMasked: row.idNumberMasked,
    phoneMasked: row.phoneMasked,
    followUp:
      row.outcome && row.followedUpAt
        ? {
            outcome: row.outcome,
            contacted: row.contacted ?? false,
            note: row.note,
            at: iso(row.followedUpAt),
          }
        : null,
    dueAt: row.dueAt ? iso(row.dueAt) : null,
  };
}

export interface SaleFilter {
  jurisdiction?: string | undefined;
  outletId?: string | undefined;
  /** An outlet's day (drug_sale_days), as its follow-up deadline names it. */
  batch?: string | undefined;
  state?: 'awaiting' | 'overdue' | 'done' | 'all' | undefined;
  drugClass?: DrugClass | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/**
 * The sales the medical-control group works through (MON-2): by default those awaiting follow-up,
 * oldest first, so the list is worked from the top; filters by place, outlet, class and day.
 */
export async function listSales(tx: Queryable, actor: Actor, filter: SaleFilter, now: Date) {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  const params: unknown[] = [];
  const where = [scopeCondition('s.jurisdiction_code', actor.scopes, params)];
  const add = (condition: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(condition(params.length));
  };
  if (filter.jurisdiction) where.push(scopeCondition('s.jurisdiction_code', [filter.jurisdiction], params));
  if (filter.outletId) add((n) => `s.outlet_id = $${n}`, filter.outletId);
  if (filter.batch) add((n) => `d.id = $${n}`, filter.batch);
  if (filter.drugClass) add((n) => `$${n} = ANY(s.classes)`, filter.drugClass);
  if (filter.from) add((n) => `s.sale_day >= $${n}::date`, filter.from);
  if (filter.to) add((n) => `s.sale_day <= $${n}::date`, filter.to);
  const state = filter.state ?? 'awaiting';
  if (state === 'awaiting') where.push('s.followed_up_at IS NULL');
  if (state === 'done') where.push('s.followed_up_at IS NOT NULL');
  if (state === 'overdue') add((n) => `s.followed_up_at IS NULL AND dl.due_at < $${n}`, now.toISOString());
  const order = state === 'done' ? 's.followed_up_at DESC, s.id' : 's.sold_at, s.id';
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 50;
  const condition = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (${SELECT} WHERE ${condition}) t`,
    params,
  );
  const rows = await tx.query<SaleRecord>(
    `${SELECT} WHERE ${condition} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { items: rows.map(toView), total: count?.n ?? 0, page, pageSize };
}

/** The counter's last sales: those the caller recorded in the last day, newest first. */
export async function recentCounterSales(tx: Queryable, actor: Actor, outletId: string, now: Date) {
  const rows = await tx.query<SaleRecord>(
    `${SELECT} WHERE s.recorded_by = $1 AND s.outlet_id = $2 AND s.recorded_at > $3::timestamptz - interval '1 day'
     ORDER BY s.recorded_at DESC, s.sold_at DESC LIMIT 20`,
    [actor.userId, outletId, now.toISOString()],
  );
  return rows.map(toView);
}

/** One sale, or 404 outside the caller's scope. */
export async function getSale(tx: Queryable, actor: Actor, id: string): Promise<SaleView> {
  const [row] = await tx.query<SaleRecord>(`${SELECT} WHERE s.id = $1`, [id]);
  if (!row || !inScope(row.jurisdictionCode, actor.scopes)) throw notFound();
  return toView(row);
}
