import type {
  SiteBody,
  SiteDetail,
  SiteList,
  SiteListItem,
  SiteListQuery,
  SitePatchBody,
  StaffView,
} from '../../api/isolationSites.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, type FieldError, fieldError, invalid, notFound } from '../../platform/errors.js';
import {
  matchesHospital,
  oneInUseOneStandby,
  READINESS_ITEMS,
  READINESS_LABELS,
  type ReadinessItem,
  type SiteStatus,
  statusBlockedBy,
} from '../../rules/isolationSites.js';
import { inScope } from '../../rules/roles.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SITE_SQL = `s.id, s.name, s.kind, s.purposes, s.status, s.active, s.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = s.jurisdiction_code) AS "jurisdictionName", s.address,
  to_char(s.contracted_on, 'YYYY-MM-DD') AS "contractedOn", to_char(s.contract_until, 'YYYY-MM-DD') AS "contractUntil",
  (SELECT json_build_object('total', count(*), 'ready', count(*) FILTER (WHERE r.state = 'ready'),
     'occupied', count(*) FILTER (WHERE r.state = 'occupied'), 'cleaning', count(*) FILTER (WHERE r.state = 'cleaning'),
     'outOfService', count(*) FILTER (WHERE r.state = 'out_of_service'))
   FROM isolation_rooms r WHERE r.site_id = s.id) AS rooms,
  (SELECT count(*)::int FROM isolation_stays st WHERE st.site_id = s.id AND st.status IN ('allocated', 'in_room')) AS occupants,
  (SELECT count(*)::int FROM isolation_site_readiness x WHERE x.site_id = s.id AND x.in_place) AS "inPlace",
  EXISTS (SELECT 1 FROM isolation_site_staff f WHERE f.site_id = s.id AND f.active AND f.role = 'point_leader') AS "hasPointLeader",
  s.version`;

type SiteRow = Omit<SiteListItem, 'readiness' | 'rooms'> & {
  rooms: Record<keyof SiteListItem['rooms'], number | string>;
  inPlace: number;
  version: number;
};

function present(row: SiteRow): SiteListItem & { version: number } {
  const { inPlace, rooms, ...rest } = row;
  return {
    ...rest,
    rooms: {
      total: Number(rooms.total),
      ready: Number(rooms.ready),
      occupied: Number(rooms.occupied),
      cleaning: Number(rooms.cleaning),
      outOfService: Number(rooms.outOfService),
    },
    readiness: { inPlace, of: 5 },
  };
}

/** A jurisdiction asked for beyond the caller's scope reads as nothing there (another county → 404). */
function checkJurisdiction(actor: Actor, jurisdiction: string | undefined): void {
  if (jurisdiction && !inScope(jurisdiction, actor.scopes)) throw notFound();
}

/**
 * ISO-1: the sites over a jurisdiction with their rooms by state, occupants, readiness (x/5) and
 * point leader, filtered by purpose, status or flag; and per county the one-in-use-one-standby check.
 */
export async function listSites(tx: Queryable, actor: Actor, query: SiteListQuery): Promise<SiteList> {
  checkJurisdiction(actor, query.jurisdiction);
  const root = query.jurisdiction ?? null;
  const rows = await tx.query<SiteRow>(
    `SELECT ${SITE_SQL} FROM isolation_sites s
     WHERE ($1::text IS NULL OR s.jurisdiction_code ^@ $1)
       AND ($2::text IS NULL OR $2 = ANY (s.purposes)) AND ($3::text IS NULL OR s.status = $3)
       AND ($4 OR s.active)
     ORDER BY s.jurisdiction_code, CASE s.status WHEN 'in_use' THEN 0 WHEN 'standby' THEN 1 ELSE 2 END, s.name
     LIMIT 1000`,
    [root, query.purpose ?? null, query.status ?? null, query.includeInactive === true],
  );
  let items = rows.map(present);
  if (query.flag === 'not_ready') items = items.filter((s) => s.active && s.readiness.inPlace < 5);
  if (query.flag === 'no_point_leader') items = items.filter((s) => s.active && !s.hasPointLeader);
  const coverage = await coverageOf(tx, actor, root);
  if (query.flag === 'coverage') {
    const short = coverage.filter((c) => !c.ok).map((c) => c.code);
    items = items.filter((s) => short.some((code) => s.jurisdictionCode.startsWith(code)));
  }
  return { items: items.map(({ version: _v, ...item }) => item), coverage };
}

/** ISO-1 per county in (or above) the jurisdiction that the caller may read. */
async function coverageOf(tx: Queryable, actor: Actor, root: string | null) {
  const counties = (
    await tx.query<{ code: string; name: string }>(
      `SELECT code, name FROM jurisdictions
       WHERE level = 'county' AND ($1::text IS NULL OR code ^@ $1 OR $1 ^@ code) ORDER BY code`,
      [root],
    )
  ).filter((c) => inScope(c.code, actor.scopes));
  if (counties.length === 0) return [];
  const sites = await tx.query<{
    jurisdictionCode: string;
    status: SiteStatus;
    active: boolean;
    purposes: string[];
  }>(
    `SELECT jurisdiction_code AS "jurisdictionCode", status, active, purposes FROM isolation_sites
     WHERE active AND left(jurisdiction_code, 6) = ANY ($1::text[])`,
    [counties.map((c) => c.code)],
  );
  return oneInUseOneStandby(counties, sites);
}

/** The site as the caller may read it; 404 beyond the caller's scope. */
export async function siteRow(tx: Queryable, actor: Actor, id: string) {
  if (!UUID.test(id)) throw notFound();
  const [row] = await tx.query<SiteRow>(`SELECT ${SITE_SQL} FROM isolation_sites s WHERE s.id = $1`, [id]);
  if (!row || !inScope(row.jurisdictionCode, actor.scopes)) throw notFound();
  return present(row);
}

async function readinessRows(tx: Queryable, siteId: string) {
  return tx.query<{
    item: ReadinessItem;
    inPlace: boolean;
    evidence: string | null;
    checkedOn: string | null;
    checkedByName: string | null;
  }>(
    `SELECT item, in_place AS "inPlace", evidence, to_char(checked_on, 'YYYY-MM-DD') AS "checkedOn",
       checked_by_name AS "checkedByName"
     FROM isolation_site_readiness WHERE site_id = $1`,
    [siteId],
  );
}

const STAFF_ORDER = `CASE f.role WHEN 'liaison_leader' THEN 0 WHEN 'point_leader' THEN 1 WHEN 'medical' THEN 2
  WHEN 'police' THEN 3 WHEN 'service' THEN 4 WHEN 'cleaning' THEN 5 WHEN 'security' THEN 6 ELSE 7 END`;
export const STAFF_SQL = `f.id, f.site_id AS "siteId", f.role, f.name, f.unit, f.phone_masked AS "phoneMasked",
  to_char(f.from_date, 'YYYY-MM-DD') AS "fromDate", to_char(f.until_date, 'YYYY-MM-DD') AS "untilDate", f.active`;

/** One site with its readiness checklist (five items in the clause's order), staff ledger and room facts. */
export async function getSite(tx: Queryable, actor: Actor, id: string): Promise<SiteDetail> {
  const site = await siteRow(tx, actor, id);
  const checked = new Map((await readinessRows(tx, id)).map((r) => [r.item, r]));
  const staff = await tx.query<StaffView>(
    `SELECT ${STAFF_SQL} FROM isolation_site_staff f WHERE f.site_id = $1
     ORDER BY f.active DESC, ${STAFF_ORDER}, f.name, f.id`,
    [id],
  );
  const floors = await tx.query<{ floor: number }>(
    'SELECT DISTINCT floor FROM isolation_rooms WHERE site_id = $1 ORDER BY floor',
    [id],
  );
  return {
    ...site,
    readinessItems: READINESS_ITEMS.map((item) => {
      const row = checked.get(item);
      return {
        item,
        label: READINESS_LABELS[item],
        inPlace: row?.inPlace ?? false,
        evidence: row?.evidence ?? null,
        checkedOn: row?.checkedOn ?? null,
        checkedByName: row?.checkedByName ?? null,
      };
    }),
    roomFacts: { total: site.rooms.total, floors: floors.map((f) => f.floor) },
    staff,
  };
}

/** ISO-2 (002 §25): a site that names a registered hospital of its county is refused. */
async function refuseHospital(
  tx: Queryable,
  jurisdictionCode: string,
  site: { name: string; address?: string | null | undefined },
): Promise<void> {
  const hospitals = await tx.query<{ name: string; address: string | null }>(
    'SELECT name, address FROM hospitals WHERE jurisdiction_code ^@ $1',
    [jurisdictionCode.slice(0, 6)],
  );
  const match = matchesHospital(site, hospitals);
  if (match) throw invalid([fieldError(match.field, 'site_is_hospital')]);
}

/** ISO-3: refuses in use / standby unless all five are in place, naming the items missing. */
function refuseUnready(status: SiteStatus, items: ReadonlyArray<{ item: string; inPlace: boolean }>): void {
  const missing = statusBlockedBy(status, items);
  if (missing.length === 0) return;
  const fields: FieldError[] = [
    fieldError('status', 'readiness_incomplete'),
    ...missing.map((item) => fieldError(`readiness.${item}`, 'readiness_not_in_place')),
  ];
  throw new AppError('validation', fields, {
    missing: missing.map((item) => ({ item, ...READINESS_LABELS[item] })),
  });
}

async function nameTaken(tx: Queryable, jurisdictionCode: string, name: string, except: string | null) {
  const rows = await tx.query(
    'SELECT 1 FROM isolation_sites WHERE jurisdiction_code = $1 AND name = $2 AND ($3::uuid IS NULL OR id <> $3)',
    [jurisdictionCode, name, except],
  );
  return rows.length > 0;
}

function checkContract(from: string | null | undefined, until: string | null | undefined): void {
  if (from && until && until < from) throw invalid([fieldError('contractUntil', 'ends_before_start')]);
}

/** ISO-1: registers a contracted site, not ready until its five items are in place (ISO-3). */
export async function createSite(
  tx: Queryable,
  actor: Actor,
  input: SiteBody,
): Promise<{ site: SiteDetail; created: boolean }> {
  const name = input.name.trim();
  if (name === '') throw invalid([fieldError('name', 'required')]);
  if (!inScope(input.jurisdictionCode, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  const [place] = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1', [input.jurisdictionCode]);
  if (!place) throw invalid([fieldError('jurisdictionCode', 'jurisdiction_unknown')]);
  if (input.id && UUID.test(input.id)) {
    const [again] = await tx.query<{ name: string; jurisdictionCode: string }>(
      'SELECT name, jurisdiction_code AS "jurisdictionCode" FROM isolation_sites WHERE id = $1',
      [input.id],
    );
    if (again) {
      if (again.name === name && again.jurisdictionCode === input.jurisdictionCode)
        return { site: await getSite(tx, actor, input.id), created: false };
      throw new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
    }
  }
  checkContract(input.contractedOn, input.contractUntil);
  const address = input.address?.trim() || null;
  await refuseHospital(tx, input.jurisdictionCode, { name, address });
  const status = input.status ?? 'not_ready';
  refuseUnready(status, []);
  if (await nameTaken(tx, input.jurisdictionCode, name, null))
    throw new AppError('name_taken', [fieldError('name', 'duplicate_name')]);
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO isolation_sites (id, jurisdiction_code, name, kind, purposes, status, address, contracted_on,
       contract_until, updated_by)
     VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5::text[], $6, $7, $8, $9, $10)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      input.id ?? null,
      input.jurisdictionCode,
      name,
      input.kind,
      input.purposes,
      status,
      address,
      input.contractedOn ?? null,
      input.contractUntil ?? null,
      actor.userId,
    ],
  );
  if (!row) throw new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'isolation_site',
    entityId: row.id,
    jurisdictionCode: input.jurisdictionCode,
    after: { name, kind: input.kind, purposes: input.purposes, status, address },
  });
  return { site: await getSite(tx, actor, row.id), created: true };
}

/**
 * Edits a site. In use or on standby needs all five in place (ISO-3); not ready or deactivated is
 * refused while people are in its rooms (site_has_occupants).
 */
export async function patchSite(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: SitePatchBody,
  now: Date,
): Promise<SiteDetail> {
  const before = await siteRow(tx, actor, id);
  await tx.query('SELECT id FROM isolation_sites WHERE id = $1 FOR UPDATE', [id]);
  const name = input.name?.trim() ?? before.name;
  if (name === '') throw invalid([fieldError('name', 'required')]);
  const address = input.address === undefined ? before.address : input.address?.trim() || null;
  const contractedOn = input.contractedOn === undefined ? before.contractedOn : input.contractedOn;
  const contractUntil = input.contractUntil === undefined ? before.contractUntil : input.contractUntil;
  checkContract(contractedOn, contractUntil);
  if (name !== before.name || address !== before.address)
    await refuseHospital(tx, before.jurisdictionCode, { name, address });
  const status = input.status ?? before.status;
  const active = input.active ?? before.active;
  if (status !== before.status) refuseUnready(status, await readinessRows(tx, id));
  const emptying = (status === 'not_ready' && before.status !== 'not_ready') || (!active && before.active);
  if (emptying) {
    const [n] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM isolation_stays WHERE site_id = $1 AND status IN ('allocated', 'in_room')`,
      [id],
    );
    if ((n?.n ?? 0) > 0) throw new AppError('site_has_occupants');
  }
  if (name !== before.name && (await nameTaken(tx, before.jurisdictionCode, name, id)))
    throw new AppError('name_taken', [fieldError('name', 'duplicate_name')]);
  const kind = input.kind ?? before.kind;
  const purposes = input.purposes ?? before.purposes;
  await tx.query(
    `UPDATE isolation_sites SET name = $2, kind = $3, purposes = $4::text[], status = $5, address = $6,
       contracted_on = $7, contract_until = $8, active = $9, updated_at = $10, updated_by = $11, version = version + 1
     WHERE id = $1`,
    [id, name, kind, purposes, status, address, contractedOn, contractUntil, active, now, actor.userId],
  );
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'isolation_site',
    entityId: id,
    jurisdictionCode: before.jurisdictionCode,
    before: {
      name: before.name,
      kind: before.kind,
      purposes: before.purposes,
      status: before.status,
      address: before.address,
      active: before.active,
    },
    after: { name, kind, purposes, status, address, active },
  });
  return getSite(tx, actor, id);
}
