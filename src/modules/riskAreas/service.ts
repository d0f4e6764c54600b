import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { fieldError, forbidden, invalid, notFound } from '../../platform/errors.js';
import { type AreaLevel, canonicalDivisionCode } from '../../rules/riskClassification.js';
import { type AreaInput, checkArea } from './fields.js';
import { applyAreas, type Outcome } from './store.js';
import { type AreaRow, areaView, areaViewSql, auditArea, type RiskAreaView } from './view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reference data has no owner: writes need the permission; the audit entry is filed in the actor's scope. */
export function requireWriter(actor: Actor | undefined): void {
  if (actor && !actor.permissions.has('risk_area.write')) throw forbidden();
}

export const auditJurisdiction = (actor: Actor | undefined, code: string) => actor?.scopes[0] ?? code;

async function getArea(tx: Queryable, id: string, at: Date): Promise<RiskAreaView> {
  if (!UUID.test(id)) throw notFound();
  const [row] = await tx.query<AreaRow>(`SELECT ${areaViewSql()} FROM risk_areas WHERE id = $2`, [
    at.toISOString(),
    id,
  ]);
  if (!row) throw notFound();
  return areaView(row);
}

/**
 * Registers one published area (ZON-5). Idempotent: the same publication again returns the
 * stored record (`created` false), lifting it if a lift time is given. A later publication for
 * the same area lifts the earlier one at its own publication time.
 */
export async function createArea(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  input: AreaInput,
): Promise<{ area: RiskAreaView; outcome: Outcome }> {
  requireWriter(actor);
  const { fields, errors } = checkArea(input);
  if (!fields) throw invalid(errors);
  const { results, superseded } = await applyAreas(tx, actor?.userId ?? null, [fields]);
  // biome-ignore lint/style/noNonNullAssertion: applyAreas returns one result per candidate, in order.
  const result = results[0]!;
  if ('errors' in result) throw invalid(result.errors);
  const area = await getArea(tx, result.id, ctx.now());
  if (result.outcome !== 'unchanged') {
    await recordAudit(tx, actor, {
      action: result.outcome === 'created' ? 'create' : 'lift',
      entity: 'risk_area',
      entityId: area.id,
      jurisdictionCode: auditJurisdiction(actor, area.divisionCode),
      after: auditArea(area),
      ...(superseded.length > 0 ? { detail: { superseded } } : {}),
    });
  }
  return { area, outcome: result.outcome };
}

/** Lifts an area at `liftedAt` (default now); an area already lifted no later is left as it is. */
export async function liftArea(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  id: string,
  liftedAt: Date = ctx.now(),
): Promise<RiskAreaView> {
  requireWriter(actor);
  const before = await getArea(tx, id, ctx.now());
  if (liftedAt <= new Date(before.publishedAt))
    throw invalid([fieldError('liftedAt', 'lifted_before_published')]);
  if (before.liftedAt && new Date(before.liftedAt) <= liftedAt) return before;
  await tx.query('UPDATE risk_areas SET lifted_at = $2 WHERE id = $1', [id, liftedAt.toISOString()]);
  const after = await getArea(tx, id, ctx.now());
  await recordAudit(tx, actor, {
    action: 'lift',
    entity: 'risk_area',
    entityId: id,
    jurisdictionCode: auditJurisdiction(actor, after.divisionCode),
    before: auditArea(before),
    after: auditArea(after),
  });
  return after;
}

export interface AreaFilter {
  level?: AreaLevel;
  /** The instant "in force" refers to; default now. */
  at?: Date;
  /** Include records not in force at `at` (lifted, or not yet published). */
  history?: boolean;
  /** A division code prefix (GB/T 2260 padding removed). */
  code?: string;
  /** Part of the area, district, city or province name. */
  q?: string;
}

/** The areas in force at a time (or their whole history), newest publication first. */
export async function listAreas(
  ctx: AppContext,
  tx: Queryable,
  filter: AreaFilter,
  page: number,
  pageSize: number,
): Promise<{ items: RiskAreaView[]; total: number; at: string }> {
  const at = filter.at ?? ctx.now();
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (!filter.history) {
    const instant = param(at.toISOString());
    where.push(`published_at <= ${instant} AND (lifted_at IS NULL OR lifted_at > ${instant})`);
  }
  if (filter.level) where.push(`level = ${param(filter.level)}`);
  if (filter.code) {
    const prefix = canonicalDivisionCode(filter.code) ?? filter.code;
    where.push(`division_code >= ${param(prefix)} AND division_code < ${param(`${prefix}:`)}`);
  }
  if (filter.q) {
    where.push(
      `strpos(concat_ws(' ', province_name, city_name, district_name, area_name), ${param(filter.q)}) > 0`,
    );
  }
  const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const [count] = await tx.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM risk_areas ${condition}`,
    params,
  );
  const instant = param(at.toISOString());
  const rows = await tx.query<AreaRow>(
    `SELECT ${areaViewSql(`${instant}::timestamptz`)} FROM risk_areas ${condition}
     ORDER BY published_at DESC, division_code, area_name
     LIMIT ${param(pageSize)} OFFSET ${param((page - 1) * pageSize)}`,
    params,
  );
  return { items: rows.map(areaView), total: count?.total ?? 0, at: at.toISOString() };
}
