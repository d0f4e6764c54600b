import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { type FieldError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { canonicalDivisionCode, type OverrideLevel } from '../../rules/riskClassification.js';
import { isSafeText } from '../../rules/safeText.js';
import { overrideId } from './naturalId.js';
import { auditJurisdiction, requireWriter } from './service.js';
import { OVERRIDE_VIEW_SQL, type OverrideRow, type OverrideView, overrideView } from './view.js';

export interface OverrideInput {
  divisionCode: string;
  name: string;
  treatAs?: OverrideLevel;
  validFrom: Date;
  validUntil?: Date | null;
  reason: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function getOverride(tx: Queryable, id: string, at: Date): Promise<OverrideView> {
  if (!UUID.test(id)) throw notFound();
  const [row] = await tx.query<OverrideRow>(
    `SELECT ${OVERRIDE_VIEW_SQL} FROM risk_area_overrides WHERE id = $2`,
    [at.toISOString(), id],
  );
  if (!row) throw notFound();
  return overrideView(row);
}

/** The overrides in force at `at` (default now), or all of them, newest first. */
export async function listOverrides(
  ctx: AppContext,
  tx: Queryable,
  options: { at?: Date; all?: boolean },
): Promise<OverrideView[]> {
  const at = (options.at ?? ctx.now()).toISOString();
  const rows = await tx.query<OverrideRow>(
    `SELECT ${OVERRIDE_VIEW_SQL} FROM risk_area_overrides
     WHERE $2 OR (valid_from <= $1 AND (valid_until IS NULL OR valid_until > $1))
     ORDER BY valid_from DESC, division_prefix LIMIT 1000`,
    [at, options.all ?? false],
  );
  return rows.map(overrideView);
}

function checkOverride(input: OverrideInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!canonicalDivisionCode(input.divisionCode))
    errors.push(fieldError('divisionCode', 'division_code_format'));
  for (const field of ['name', 'reason'] as const) {
    if (!input[field].trim()) errors.push(fieldError(field, 'required'));
    else if (!isSafeText(input[field])) errors.push(fieldError(field, 'unsafe_text'));
  }
  if (input.validUntil && input.validUntil <= input.validFrom) {
    errors.push(fieldError('validUntil', 'ends_before_start'));
  }
  return errors;
}

/**
 * ARR-9: treats a whole division as high (or medium) risk from `validFrom` until `validUntil` or
 * until ended. Idempotent on (division, start): the same override again returns the stored one.
 */
export async function createOverride(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  input: OverrideInput,
): Promise<{ override: OverrideView; created: boolean }> {
  requireWriter(actor);
  const errors = checkOverride(input);
  const prefix = canonicalDivisionCode(input.divisionCode);
  if (errors.length > 0 || !prefix) throw invalid(errors);
  const treatAs = input.treatAs ?? 'high';
  const id = overrideId(prefix, input.validFrom);
  const [stored] = await tx.query<{ treatAs: string }>(
    'SELECT treat_as AS "treatAs" FROM risk_area_overrides WHERE division_prefix = $1 AND valid_from = $2',
    [prefix, input.validFrom.toISOString()],
  );
  if (stored && stored.treatAs !== treatAs) throw invalid([fieldError('treatAs', 'override_conflict')]);
  if (stored) {
    const override = input.validUntil ? await endOverride(ctx, tx, actor, id, input.validUntil) : null;
    return { override: override ?? (await getOverride(tx, id, ctx.now())), created: false };
  }
  await tx.query(
    `INSERT INTO risk_area_overrides (id, division_prefix, name, treat_as, valid_from, valid_until, reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      prefix,
      input.name.trim(),
      treatAs,
      input.validFrom.toISOString(),
      input.validUntil?.toISOString() ?? null,
      input.reason.trim(),
      actor?.userId ?? null,
    ],
  );
  const override = await getOverride(tx, id, ctx.now());
  const { inForce: _i, createdAt: _c, ...after } = override;
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'risk_area_override',
    entityId: id,
    jurisdictionCode: auditJurisdiction(actor, prefix),
    after,
  });
  return { override, created: true };
}

/** Ends an override at `until` (default now); one already ended no later is left as it is. */
export async function endOverride(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  id: string,
  until: Date = ctx.now(),
): Promise<OverrideView> {
  requireWriter(actor);
  const before = await getOverride(tx, id, ctx.now());
  if (until <= new Date(before.validFrom)) throw invalid([fieldError('validUntil', 'ends_before_start')]);
  if (before.validUntil && new Date(before.validUntil) <= until) return before;
  await tx.query('UPDATE risk_area_overrides SET valid_until = $2 WHERE id = $1', [id, until.toISOString()]);
  const after = await getOverride(tx, id, ctx.now());
  await recordAudit(tx, actor, {
    action: 'end',
    entity: 'risk_area_override',
    entityId: id,
    jurisdictionCode: auditJurisdiction(actor, after.divisionPrefix),
    before: { validUntil: before.validUntil },
    after: { validUntil: after.validUntil },
  });
  return after;
}
