import type { ReadinessBody, SiteDetail } from '../../api/isolationSites.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { fieldError, invalid, notFound } from '../../platform/errors.js';
import { READINESS_ITEMS, type ReadinessItem } from '../../rules/isolationSites.js';
import { localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { getSite, siteRow } from './siteRegistry.js';

/**
 * ISO-3 (004 §18 五到位): records one readiness item of a site as in place or not, with its evidence,
 * the local date checked (today unless given, never in the future) and who checked. An item falling
 * out of place takes a site in use or on standby back to not ready when nobody is in it; a site with
 * people in it keeps its status and shows the item missing (the people are not moved by a checklist).
 */
export async function setReadiness(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  siteId: string,
  item: string,
  input: ReadinessBody,
): Promise<SiteDetail> {
  if (!(READINESS_ITEMS as readonly string[]).includes(item)) throw notFound();
  const site = await siteRow(tx, actor, siteId);
  await tx.query('SELECT id FROM isolation_sites WHERE id = $1 FOR UPDATE', [siteId]);
  const now = ctx.now();
  const timeZone = await effectiveTimeZone(tx, site.jurisdictionCode, ctx.config.defaultTimeZone);
  const today = localDate(now, timeZone);
  const checkedOn = input.checkedOn ?? today;
  if (checkedOn > today) throw invalid([fieldError('checkedOn', 'in_future')]);
  const evidence = input.evidence?.trim() || null;
  const [before] = await tx.query<{ inPlace: boolean; evidence: string | null }>(
    'SELECT in_place AS "inPlace", evidence FROM isolation_site_readiness WHERE site_id = $1 AND item = $2',
    [siteId, item],
  );
  await tx.query(
    `INSERT INTO isolation_site_readiness (site_id, jurisdiction_code, item, in_place, evidence, checked_on,
       checked_by, checked_by_name, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (site_id, item) DO UPDATE SET in_place = EXCLUDED.in_place, evidence = EXCLUDED.evidence,
       checked_on = EXCLUDED.checked_on, checked_by = EXCLUDED.checked_by,
       checked_by_name = EXCLUDED.checked_by_name, updated_at = EXCLUDED.updated_at`,
    [
      siteId,
      site.jurisdictionCode,
      item,
      input.inPlace,
      evidence,
      checkedOn,
      actor.userId,
      actor.displayName,
      now,
    ],
  );
  let status = site.status;
  if (!input.inPlace && site.status !== 'not_ready' && site.occupants === 0) {
    status = 'not_ready';
    await tx.query(
      `UPDATE isolation_sites SET status = 'not_ready', updated_at = $2, updated_by = $3, version = version + 1
       WHERE id = $1`,
      [siteId, now, actor.userId],
    );
  }
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'isolation_site_readiness',
    entityId: siteId,
    jurisdictionCode: site.jurisdictionCode,
    before: {
      item,
      inPlace: before?.inPlace ?? false,
      evidence: before?.evidence ?? null,
      status: site.status,
    },
    after: { item: item as ReadinessItem, inPlace: input.inPlace, evidence, checkedOn, status },
  });
  return getSite(tx, actor, siteId);
}
