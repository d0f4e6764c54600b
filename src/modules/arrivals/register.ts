import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, type FieldError, fieldError, invalid } from '../../platform/errors.js';
import { FUTURE_TOLERANCE_MS } from '../../rules/clockSkew.js';
import type { OriginRisk, Plan, RiskLevel } from '../../rules/policy/types.js';
import { inScope } from '../../rules/roles.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { type ArrivalRow, factsOf } from './facts.js';
import { type PersonRef, resolvePerson } from './person.js';
import { planningFor, storePlan } from './plans.js';
import { openReview } from './reviewWork.js';

export type Channel =
  | 'checkpoint'
  | 'station'
  | 'push_list'
  | 'landing_code'
  | 'truck'
  | 'cadre_return'
  | 'manual';

export interface ArrivalInput {
  person: PersonRef;
  jurisdictionCode: string;
  channel: Channel;
  sourceRef?: string | null;
  origin: 'overseas' | 'domestic';
  originDivisionCode?: string | null;
  originName?: string | null;
  originCountry?: string | null;
  leftOriginAt?: Date | null;
  arrivedAt: Date;
  enteredAt?: Date | null;
  portIsolationDays?: number | null;
  contact?: 'close_contact_of_inbound_positive' | null;
  returnee?: 'rural' | null;
  truckCrew?: boolean;
  homeIsolationConditions?: boolean | null;
  negativeNatAt?: Date | null;
  greenHealthCode?: boolean | null;
}

export interface Registered {
  arrivalId: string;
  personId: string;
  created: boolean;
  plan: Plan | null;
}

function checkTimes(ctx: AppContext, input: ArrivalInput): FieldError[] {
  const errors: FieldError[] = [];
  const latest = ctx.now().getTime() + FUTURE_TOLERANCE_MS;
  if (Number.isNaN(input.arrivedAt.getTime())) errors.push(fieldError('arrivedAt', 'format'));
  else if (input.arrivedAt.getTime() > latest) errors.push(fieldError('arrivedAt', 'in_future'));
  for (const field of ['leftOriginAt', 'enteredAt', 'negativeNatAt'] as const) {
    const value = input[field];
    if (!value) continue;
    if (Number.isNaN(value.getTime())) errors.push(fieldError(field, 'format'));
    else if (value.getTime() > input.arrivedAt.getTime()) errors.push(fieldError(field, 'after_arrival'));
  }
  return errors;
}

/** An origin is a division code of 6, 9 or 12 digits (district, town or street, village), or none. */
export const isOriginCode = (code: string | null) => code === null || /^\d{6}(\d{3}){0,2}$/.test(code);

/**
 * What the database knows before planning, in one round trip: whether the destination exists, and
 * the origin's risk as it stood when the person left it (ARR-7; a domestic place in no published
 * area is low-risk), the finer areas it holds (B7) and the HQ's override over it (ARR-9).
 */
export async function lookUp(
  tx: Queryable,
  destination: string,
  originCode: string | null,
  leftOriginAt: Date,
) {
  const rows = await tx.query<{
    known: boolean;
    originRisk: OriginRisk | null;
    originDistrictRisk: RiskLevel | null;
    originFinerRisk: OriginRisk | null;
    originOverrideName: string | null;
  }>(
    `SELECT EXISTS (SELECT 1 FROM jurisdictions WHERE code = $1) AS known,
       CASE WHEN $2::text IS NULL THEN NULL ELSE coalesce(fangkong_origin_risk($2, $3), 'low') END AS "originRisk",
       CASE WHEN $2::text IS NULL THEN NULL ELSE fangkong_origin_district_risk($2, $3) END AS "originDistrictRisk",
       CASE WHEN $2::text IS NULL THEN NULL ELSE fangkong_origin_finer_risk($2, $3) END AS "originFinerRisk",
       CASE WHEN $2::text IS NULL THEN NULL ELSE fangkong_origin_override_name($2, $3) END AS "originOverrideName"`,
    [destination, originCode, leftOriginAt],
  );
  return firstRow(rows, 'SELECT the destination and origin risk');
}

type Known = Awaited<ReturnType<typeof lookUp>>;

/** The arrival's facts as the planner reads them: what was reported and what the database knows. */
export function arrivalFacts(
  input: Omit<ArrivalInput, 'person' | 'channel'>,
  known: Known,
  personId: string,
  originCode: string | null,
): ArrivalRow {
  return {
    id: '',
    jurisdictionCode: input.jurisdictionCode,
    personId,
    origin: input.origin,
    originDivisionCode: originCode,
    arrivedAt: input.arrivedAt,
    enteredAt: input.enteredAt ?? null,
    portIsolationDays: input.portIsolationDays ?? null,
    contact: input.contact ?? null,
    returnee: input.returnee ?? null,
    truckCrew: input.truckCrew ?? false,
    homeIsolationConditions: input.homeIsolationConditions ?? null,
    negativeNatAt: input.negativeNatAt ?? null,
    greenHealthCode: input.greenHealthCode ?? null,
    originRisk: known.originRisk,
    originDistrictRisk: known.originDistrictRisk,
    originFinerRisk: known.originFinerRisk,
    originOverrideName: known.originOverrideName,
  };
}

async function existingArrival(tx: Queryable, input: ArrivalInput): Promise<Registered | undefined> {
  if (!input.sourceRef) return undefined;
  const [row] = await tx.query<{ id: string; personId: string; plan: Plan | null }>(
    `SELECT a.id, a.person_id AS "personId", p.plan FROM arrivals a
     LEFT JOIN arrival_plans p ON p.arrival_id = a.id AND p.status = 'active'
     WHERE a.channel = $1 AND a.source_ref = $2`,
    [input.channel, input.sourceRef],
  );
  return row && { arrivalId: row.id, personId: row.personId, created: false, plan: row.plan };
}

/**
 * Registers an arrival from any channel (ARR-11 … ARR-15): finds or registers the person, classifies
 * the origin as it stood when they left it (ARR-7; a domestic place in no published area is low-risk), plans with the pack in force
 * on the arrival date (ARR-1 … ARR-10), stores the plan and puts its tests, phase ends and shortfalls on
 * the work lists; or, planned by nothing, puts the arrival on the CDC's review list with the reason.
 * Idempotent on (channel, sourceRef); all or nothing inside the caller's transaction.
 */
export async function registerArrival(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  input: ArrivalInput,
): Promise<Registered> {
  const again = await existingArrival(tx, input);
  if (again) return again;
  if (actor && !inScope(input.jurisdictionCode, actor.scopes)) {
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  }
  const errors = checkTimes(ctx, input);
  const originCode = input.originDivisionCode?.trim() || null;
  const originValid = isOriginCode(originCode);
  if (input.origin === 'domestic' && !originCode)
    errors.push(fieldError('originDivisionCode', 'origin_code_required'));
  else if (!originValid) errors.push(fieldError('originDivisionCode', 'format'));
  const leftOriginAt = input.leftOriginAt ?? input.arrivedAt;
  const known = await lookUp(tx, input.jurisdictionCode, originValid ? originCode : null, leftOriginAt);
  if (!known.known) throw invalid([...errors, fieldError('jurisdictionCode', 'jurisdiction_unknown')]);
  const person = await resolvePerson(ctx, tx, actor, input.person, input.jurisdictionCode);
  errors.push(...person.errors);
  if (errors.length > 0) throw invalid(errors);

  const facts = arrivalFacts(input, known, person.personId, originCode);
  const timeZone = await effectiveTimeZone(tx, input.jurisdictionCode, ctx.config.defaultTimeZone);
  // Issue 12 Deliver 5: no plan means a reason and the CDC's review list, never nothing.
  const { plan: planned, review } = await planningFor(
    ctx,
    tx,
    input.jurisdictionCode,
    factsOf(facts, timeZone),
  );
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO arrivals (jurisdiction_code, person_id, channel, source_ref, origin, origin_division_code,
       origin_name, origin_country, left_origin_at, arrived_at, entered_at, port_isolation_days, contact,
       returnee, truck_crew, home_isolation_conditions, negative_nat_at, green_health_code,
       origin_risk, origin_district_risk, status, created_by, origin_finer_risk, origin_override_name, review_detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)
     RETURNING id`,
    [
      input.jurisdictionCode,
      person.personId,
      input.channel,
      input.sourceRef ?? null,
      input.origin,
      originCode,
      input.originName ?? null,
      input.originCountry ?? null,
      leftOriginAt,
      input.arrivedAt,
      facts.enteredAt,
      facts.portIsolationDays,
      facts.contact,
      facts.returnee,
      facts.truckCrew,
      facts.homeIsolationConditions,
      facts.negativeNatAt,
      facts.greenHealthCode,
      facts.originRisk,
      facts.originDistrictRisk,
      review?.reason ?? 'planned',
      actor?.userId ?? null,
      facts.originFinerRisk,
      facts.originOverrideName,
      review ? JSON.stringify(review) : null,
    ],
  );
  const row = firstRow(rows, 'INSERT INTO arrivals');
  const arrival = { ...facts, id: row.id };
  if (planned) await storePlan(tx, arrival, planned, ctx.now());
  else if (review) await openReview(tx, arrival, review, ctx.now());
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'arrival',
    entityId: arrival.id,
    jurisdictionCode: arrival.jurisdictionCode,
    after: {
      channel: input.channel,
      origin: input.origin,
      originDivisionCode: originCode,
      originRisk: arrival.originRisk,
      originDistrictRisk: arrival.originDistrictRisk,
      arrivedAt: input.arrivedAt.toISOString(),
      plan: planned ? `${planned.packId}@${planned.packVersion}/${planned.protocolId}` : null,
      review: review?.reason ?? null,
    },
  });
  return { arrivalId: arrival.id, personId: person.personId, created: true, plan: planned ?? null };
}
