import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, forbidden } from '../../platform/errors.js';
import { type SiteKind, WEEKLY_SAMPLE_KINDS } from '../../rules/sentinels.js';

interface SiteView {
  id: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  kind: SiteKind;
  name: string;
  enrolled: number | null;
  weeklySample: boolean;
  active: boolean;
}

const SITE_SQL = `SELECT s.id, s.jurisdiction_code, j.name AS jurisdiction_name, s.kind, s.name, s.enrolled,
    s.weekly_sample, s.active
  FROM sentinel_sites s JOIN jurisdictions j ON j.code = s.jurisdiction_code`;

interface SiteRow {
  id: string;
  jurisdiction_code: string;
  jurisdiction_name: string;
  kind: SiteKind;
  name: string;
  enrolled: number | null;
  weekly_sample: boolean;
  active: boolean;
}

const toView = (r: SiteRow): SiteView => ({
  id: r.id,
  jurisdictionCode: r.jurisdiction_code,
  jurisdictionName: r.jurisdiction_name,
  kind: r.kind,
  name: r.name,
  enrolled: r.enrolled,
  weeklySample: r.weekly_sample,
  active: r.active,
});

/** The sites in the caller's scope (row-level security), optionally of some kinds, by name. */
export async function listSites(tx: Queryable, kinds?: readonly SiteKind[]): Promise<SiteView[]> {
  const rows = await tx.query<SiteRow>(
    `${SITE_SQL} WHERE ($1::text[] IS NULL OR s.kind = ANY ($1::text[])) ORDER BY s.kind, s.name LIMIT 2000`,
    [kinds && kinds.length > 0 ? kinds : null],
  );
  return rows.map(toView);
}

interface SiteInput {
  jurisdictionCode: string;
  kind: SiteKind;
  name: string;
  enrolled?: number | null;
  weeklySample?: boolean;
}

/**
 * Registers a sentinel site (MON-1, MON-3). The registry is the CDC's: a caller who reads the feeds
 * and reports to them (the CDC epidemiologist, an administrator). Registering a name already used
 * in the jurisdiction returns the site (a retried form), updated with what was sent.
 */
export async function registerSite(tx: Queryable, actor: Actor, input: SiteInput): Promise<SiteView> {
  if (!(actor.permissions.has('sentinel.read') && actor.permissions.has('sentinel.report')))
    throw forbidden();
  const [place] = await tx.query<{ code: string }>('SELECT code FROM jurisdictions WHERE code = $1', [
    input.jurisdictionCode,
  ]);
  // Another subtree is refused as every route refuses it (CMD-1), before saying whether the code exists.
  if (!actor.scopes.some((scope) => input.jurisdictionCode.startsWith(scope))) throw forbidden();
  if (!place) throw new AppError('validation', [fieldError('jurisdictionCode', 'jurisdiction_unknown')]);
  const weekly = input.weeklySample ?? WEEKLY_SAMPLE_KINDS.includes(input.kind);
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO sentinel_sites (jurisdiction_code, kind, name, enrolled, weekly_sample, created_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (jurisdiction_code, name) DO UPDATE
       SET kind = EXCLUDED.kind, enrolled = EXCLUDED.enrolled, weekly_sample = EXCLUDED.weekly_sample
     RETURNING id`,
    [input.jurisdictionCode, input.kind, input.name.trim(), input.enrolled ?? null, weekly, actor.userId],
  );
  // biome-ignore lint/style/noNonNullAssertion: INSERT … RETURNING returns its row.
  const id = row!.id;
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'sentinel_site',
    entityId: id,
    jurisdictionCode: input.jurisdictionCode,
    after: { kind: input.kind, name: input.name, enrolled: input.enrolled ?? null, weeklySample: weekly },
  });
  const [view] = await tx.query<SiteRow>(`${SITE_SQL} WHERE s.id = $1`, [id]);
  // biome-ignore lint/style/noNonNullAssertion: the site was just written in this transaction.
  return toView(view!);
}
