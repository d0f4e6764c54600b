import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { insertSamplingSite, updateSamplingSite } from '../testing/index.js';
import { SITE_SQL, type SiteView } from './view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SiteInput {
  jurisdictionCode: string;
  name: string;
  address?: string | null | undefined;
  tables: number;
  active?: boolean | undefined;
}
export type SitePatch = Partial<Omit<SiteInput, 'jurisdictionCode'>>;

/**
 * Where a sample taken by `actor` at a site of `siteCode` belongs (TST-1: to whoever took it): the
 * site's own jurisdiction when the caller's scope covers it; at a site set up above them (a town's
 * site serves its villages), the caller's own jurisdiction under it. Undefined when the site
 * neither lies in nor serves the caller's scope.
 */
export function samplingJurisdiction(siteCode: string, scopes: readonly string[]): string | undefined {
  if (inScope(siteCode, scopes)) return siteCode;
  return scopes.find((scope) => scope.startsWith(siteCode));
}

/** A site the caller manages (in their scope); `served` also admits one set up above them, to read. */
export async function getSite(
  tx: Queryable,
  actor: Actor,
  id: string,
  options: { served?: boolean } = {},
): Promise<SiteView> {
  if (!UUID.test(id)) throw notFound();
  const [site] = await tx.query<SiteView>(`SELECT ${SITE_SQL} FROM sampling_sites s WHERE s.id = $1`, [id]);
  const visible =
    site &&
    (options.served
      ? samplingJurisdiction(site.jurisdictionCode, actor.scopes) !== undefined
      : inScope(site.jurisdictionCode, actor.scopes));
  if (!site || !visible) throw notFound();
  return site;
}

/**
 * The sampling sites that serve `jurisdiction` (default: all of the caller's), by place and name:
 * those within it and those set up above it (a town's or county's site serves its whole subtree).
 */
export async function listSites(
  tx: Queryable,
  actor: Actor,
  filter: { jurisdiction?: string | undefined; active?: boolean | undefined },
): Promise<SiteView[]> {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  // Row-level security shows the caller's subtree and the sites above it, no others.
  return tx.query<SiteView>(
    `SELECT ${SITE_SQL} FROM sampling_sites s
     WHERE ($1::text IS NULL OR s.jurisdiction_code ^@ $1 OR $1 ^@ s.jurisdiction_code)
       AND ($2::boolean IS NULL OR s.active = $2)
     ORDER BY s.jurisdiction_code, s.name LIMIT 1000`,
    [filter.jurisdiction ?? null, filter.active ?? null],
  );
}

async function checkJurisdiction(tx: Queryable, actor: Actor, code: string) {
  if (!inScope(code, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  const [row] = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1', [code]);
  if (!row) throw invalid([fieldError('jurisdictionCode', 'jurisdiction_unknown')]);
}

async function refuseDuplicateName(tx: Queryable, code: string, name: string, exceptId: string | null) {
  const [row] = await tx.query(
    'SELECT 1 FROM sampling_sites WHERE jurisdiction_code = $1 AND name = $2 AND id IS DISTINCT FROM $3::uuid',
    [code, name, exceptId],
  );
  if (row) throw new AppError('name_taken', [fieldError('name', 'duplicate_name')]);
}

const trimmed = (value: string | null | undefined) => value?.trim() || null;

export async function createSite(tx: Queryable, actor: Actor, input: SiteInput): Promise<SiteView> {
  const name = input.name.trim();
  if (!name) throw invalid([fieldError('name', 'required')]);
  await checkJurisdiction(tx, actor, input.jurisdictionCode);
  await refuseDuplicateName(tx, input.jurisdictionCode, name, null);
  const id = await insertSamplingSite(tx, {
    jurisdictionCode: input.jurisdictionCode,
    name,
    address: trimmed(input.address),
    tables: input.tables,
    active: input.active ?? true,
  });
  const site = await getSite(tx, actor, id);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'sampling_site',
    entityId: site.id,
    jurisdictionCode: site.jurisdictionCode,
    after: { ...site },
  });
  return site;
}

export async function updateSite(
  tx: Queryable,
  actor: Actor,
  id: string,
  patch: SitePatch,
): Promise<SiteView> {
  const before = await getSite(tx, actor, id);
  const name = patch.name === undefined ? before.name : patch.name.trim();
  if (!name) throw invalid([fieldError('name', 'required')]);
  if (name !== before.name) await refuseDuplicateName(tx, before.jurisdictionCode, name, id);
  await updateSamplingSite(tx, id, {
    name,
    address: patch.address === undefined ? before.address : trimmed(patch.address),
    tables: patch.tables ?? before.tables,
    active: patch.active ?? before.active,
  });
  const after = await getSite(tx, actor, id);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'sampling_site',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: { ...before },
    after: { ...after },
  });
  return after;
}
