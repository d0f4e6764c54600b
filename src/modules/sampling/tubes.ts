import { TZDate } from '@date-fns/tz';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { endOfLocalDay, localDate } from '../../rules/time.js';
import { checkTubeBarcode } from '../../rules/tubeBarcode.js';
import { sealOpenTube } from '../testing/index.js';
import { getSite } from './sites.js';
import { iso, type TubeDetail } from './view.js';

type TubeRow = Omit<TubeDetail, 'members' | 'full'> & { jurisdictionCode: string };

/** One tube by barcode with its members (ID numbers masked), for the sampling table page (TST-1). */
export async function getTube(tx: Queryable, actor: Actor, rawBarcode: string): Promise<TubeDetail> {
  const check = checkTubeBarcode(rawBarcode);
  if (!check.ok) throw notFound();
  const [tube] = await tx.query<TubeRow>(
    `SELECT t.id, t.barcode, t.jurisdiction_code AS "jurisdictionCode", t.site_id AS "siteId",
       t.table_no AS "tableNo", t.campaign_id AS "campaignId", t.category, t.capacity,
       t.member_count AS "memberCount", t.sealed_at IS NOT NULL AS sealed, ${iso('t.due_at')} AS "dueAt",
       ${iso('t.opened_at')} AS "openedAt", ${iso('t.sealed_at')} AS "sealedAt", t.result
     FROM tubes t WHERE t.barcode = $1`,
    [check.barcode],
  );
  if (!tube || !inScope(tube.jurisdictionCode, actor.scopes)) throw notFound();
  const members = await tx.query<TubeDetail['members'][number]>(
    `SELECT s.person_id AS "personId", p.name, p.id_masked AS "idNumberMasked", ${iso('s.sampled_at')} AS "sampledAt"
     FROM samples s JOIN persons p ON p.id = s.person_id WHERE s.tube_id = $1 ORDER BY s.sampled_at, s.id`,
    [tube.id],
  );
  const { jurisdictionCode: _code, ...rest } = tube;
  return { ...rest, full: tube.memberCount >= tube.capacity, members };
}

/** Seals an open partial pool, e.g. the table's last tube of the day (TST-1). */
export async function sealTube(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  barcode: string,
): Promise<TubeDetail> {
  const before = await getTube(tx, actor, barcode);
  if (before.result) throw new AppError('sample_refused', [fieldError('barcode', 'tube_resulted')]);
  if (before.sealed) throw new AppError('sample_refused', [fieldError('barcode', 'tube_sealed')]);
  if (before.memberCount === 0) throw new AppError('sample_refused', [fieldError('barcode', 'tube_empty')]);
  const sealed = await sealOpenTube(tx, before.id, ctx.now());
  if (!sealed) throw new AppError('sample_refused', [fieldError('barcode', 'tube_sealed')]);
  const after = await getTube(tx, actor, barcode);
  const sites = await tx.query<{ code: string }>(
    'SELECT jurisdiction_code AS code FROM tubes WHERE id = $1',
    [before.id],
  );
  const site = firstRow(sites, 'SELECT a sealed tube');
  await recordAudit(tx, actor, {
    action: 'tube.seal',
    entity: 'tube',
    entityId: before.id,
    jurisdictionCode: site.code,
    before: { barcode: before.barcode, memberCount: before.memberCount, sealed: false },
    after: { barcode: after.barcode, memberCount: after.memberCount, sealed: true, sealedAt: after.sealedAt },
  });
  return after;
}

export interface TodayCounts {
  date: string;
  tableNo: number | null;
  people: number;
  tubes: number;
  openTube: string | null;
}

/** The instant a local calendar date begins in a zone (its midnight). */
function startOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, timeZone).getTime());
}

/**
 * Today's work of a site or one of its tables, for the page header: people sampled and tubes
 * opened on the local day (configured zone), counted by the day each tube was opened, and the
 * table's tube still open, so a reloaded page resumes it.
 */
export async function todayCounts(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  siteId: string,
  tableNo: number | null,
): Promise<TodayCounts> {
  const site = await getSite(tx, actor, siteId, { served: true });
  const zone = ctx.config.defaultTimeZone;
  const date = localDate(ctx.now(), zone);
  const [row] = await tx.query<Omit<TodayCounts, 'date' | 'tableNo'>>(
    `SELECT coalesce(sum(t.member_count), 0)::int AS people, count(*)::int AS tubes,
       (SELECT o.barcode FROM tubes o WHERE o.jurisdiction_code ^@ $1 AND o.site_id = $2
          AND ($3::int IS NULL OR o.table_no = $3) AND o.sealed_at IS NULL AND o.result IS NULL
          AND o.opened_at >= $4 ORDER BY o.opened_at DESC LIMIT 1) AS "openTube"
     FROM tubes t WHERE t.jurisdiction_code ^@ $1 AND t.site_id = $2 AND ($3::int IS NULL OR t.table_no = $3)
       AND t.opened_at >= $4 AND t.opened_at < $5`,
    [site.jurisdictionCode, site.id, tableNo, startOfLocalDay(date, zone), endOfLocalDay(date, zone)],
  );
  return { date, tableNo, people: row?.people ?? 0, tubes: row?.tubes ?? 0, openTube: row?.openTube ?? null };
}
