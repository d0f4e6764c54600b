import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, type FieldError, fieldError, invalid } from '../../platform/errors.js';
import type { Plan } from '../../rules/policy/types.js';
import { inScope } from '../../rules/roles.js';
import { effectiveTimeZone } from '../jurisdictions/service.js';
import { type ArrivalRow, arrivalColumns, factsOf } from './facts.js';
import { type PersonRef, resolvePerson } from './person.js';
import { planFor, storePlan } from './plans.js';

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

/** An hour of clock skew between a checkpoint's device and the server is tolerated. */
const FUTURE_TOLERANCE_MS = 3_600_000;

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

async function checkDestination(
  tx: Queryable,
  actor: Actor | undefined,
  code: string,
): Promise<FieldError[]> {
  if (actor && !inScope(code, actor.scopes)) {
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  }
  const [row] = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1', [code]);
  return row ? [] : [fieldError('jurisdictionCode', 'jurisdiction_unknown')];
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
 * the origin as it stood when they left it (ARR-7; a domestic place in no published area is low-risk), plans with the pack governing the destination
 * (ARR-1 … ARR-10), stores the plan and puts its tests and phase ends on the work lists.
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
  const errors = [...checkTimes(ctx, input), ...(await checkDestination(tx, actor, input.jurisdictionCode))];
  const originCode = input.originDivisionCode?.trim() || null;
  if (input.origin === 'domestic' && !originCode)
    errors.push(fieldError('originDivisionCode', 'origin_code_required'));
  else if (originCode && !/^\d{6}(\d{3}){0,2}$/.test(originCode))
    errors.push(fieldError('originDivisionCode', 'format'));
  const person = await resolvePerson(ctx, tx, actor, input.person, input.jurisdictionCode);
  errors.push(...person.errors);
  if (errors.length > 0) throw invalid(errors);

  const leftOriginAt = input.leftOriginAt ?? input.arrivedAt;
  const [row] = await tx.query<ArrivalRow>(
    `INSERT INTO arrivals (jurisdiction_code, person_id, channel, source_ref, origin, origin_division_code,
       origin_name, origin_country, left_origin_at, arrived_at, entered_at, port_isolation_days, contact,
       returnee, truck_crew, home_isolation_conditions, negative_nat_at, green_health_code,
       origin_risk, origin_district_risk, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
       CASE WHEN $6::text IS NULL THEN NULL ELSE coalesce(fangkong_origin_risk($6, $9), 'low') END,
       CASE WHEN $6::text IS NULL THEN NULL ELSE fangkong_origin_district_risk($6, $9) END, $19)
     RETURNING ${arrivalColumns()}`,
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
      input.enteredAt ?? null,
      input.portIsolationDays ?? null,
      input.contact ?? null,
      input.returnee ?? null,
      input.truckCrew ?? false,
      input.homeIsolationConditions ?? null,
      input.negativeNatAt ?? null,
      input.greenHealthCode ?? null,
      actor?.userId ?? null,
    ],
  );
  const arrival = row!;
  const timeZone = await effectiveTimeZone(tx, arrival.jurisdictionCode, ctx.config.defaultTimeZone);
  const planned = await planFor(ctx, tx, arrival.jurisdictionCode, factsOf(arrival, timeZone));
  if (planned) await storePlan(tx, arrival, planned, ctx.now());
  await tx.query('UPDATE arrivals SET status = $2 WHERE id = $1', [
    arrival.id,
    planned ? 'planned' : 'no_protocol',
  ]);
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
    },
  });
  return { arrivalId: arrival.id, personId: person.personId, created: true, plan: planned ?? null };
}
