import type { VenueBody, VenuePatchBody, VenueView } from '../../api/venues.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, type FieldError, fieldError, invalid, notFound } from '../../platform/errors.js';
import type { PiiCipher } from '../../platform/pii/cipher.js';
import { maskPhone, normalizePhone } from '../../rules/mask.js';
import { inScope } from '../../rules/roles.js';
import { capacityLimit } from '../../rules/venues.js';

/** The venue registry (HC-2): create, list, edit, deactivate. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS = `v.id, v.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = v.jurisdiction_code) AS "jurisdictionName",
  v.name, v.kind, v.address, v.capacity, v.responsible_name AS "responsibleName",
  v.responsible_phone_masked AS "responsiblePhoneMasked", v.active, v.created_at AS "createdAt", v.version`;

type Row = Omit<VenueView, 'capacityLimit' | 'createdAt'> & { createdAt: Date };

const view = (row: Row): VenueView => ({
  ...row,
  createdAt: new Date(row.createdAt).toISOString(),
  capacityLimit: capacityLimit(row.kind, row.capacity),
});

const isUnique = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

export async function getVenue(tx: Queryable, actor: Actor, id: string): Promise<VenueView> {
  if (!UUID.test(id)) throw notFound();
  const [row] = await tx.query<Row>(`SELECT ${COLUMNS} FROM venues v WHERE v.id = $1`, [id]);
  if (!row || !inScope(row.jurisdictionCode, actor.scopes)) throw notFound();
  return view(row);
}

export interface VenueFilter {
  jurisdiction?: string | undefined;
  kind?: string | undefined;
  active?: boolean | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listVenues(tx: Queryable, actor: Actor, filter: VenueFilter) {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  const params: unknown[] = [];
  const where = [
    scopeCondition('v.jurisdiction_code', filter.jurisdiction ? [filter.jurisdiction] : actor.scopes, params),
  ];
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`v.kind = $${params.length}`);
  }
  if (filter.active !== undefined) {
    params.push(filter.active);
    where.push(`v.active = $${params.length}`);
  }
  if (filter.q?.trim()) {
    params.push(`%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(v.name ILIKE $${params.length} OR coalesce(v.address, '') ILIKE $${params.length})`);
  }
  const sql = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM venues v WHERE ${sql}`,
    params,
  );
  params.push(filter.pageSize, (filter.page - 1) * filter.pageSize);
  const rows = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM venues v WHERE ${sql}
     ORDER BY v.active DESC, v.jurisdiction_code, v.name LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { items: rows.map(view), total: count?.n ?? 0, page: filter.page, pageSize: filter.pageSize };
}

function checkPhone(errors: FieldError[], raw: string | null | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === '') return null;
  const phone = normalizePhone(raw);
  if (!phone) errors.push(fieldError('responsiblePhone', 'phone_format'));
  return phone ?? null;
}

const blankToNull = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim();

export async function createVenue(
  tx: Queryable,
  cipher: PiiCipher,
  actor: Actor,
  input: VenueBody,
  now: Date,
): Promise<{ venue: VenueView; created: boolean }> {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (name === '') errors.push(fieldError('name', 'required'));
  const phone = checkPhone(errors, input.responsiblePhone);
  if (errors.length > 0) throw invalid(errors);
  if (!inScope(input.jurisdictionCode, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  const [place] = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1', [input.jurisdictionCode]);
  if (!place) throw invalid([fieldError('jurisdictionCode', 'jurisdiction_unknown')]);
  if (input.id) {
    const [again] = await tx.query<Row>(`SELECT ${COLUMNS} FROM venues v WHERE v.id = $1`, [input.id]);
    if (again && again.name === name && again.jurisdictionCode === input.jurisdictionCode)
      return { venue: view(again), created: false };
  }
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO venues (id, jurisdiction_code, name, kind, address, capacity, responsible_name,
       responsible_phone_cipher, responsible_phone_masked, created_by, created_at)
     VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      input.id ?? null,
      input.jurisdictionCode,
      name,
      input.kind,
      blankToNull(input.address) ?? null,
      input.capacity ?? null,
      blankToNull(input.responsibleName) ?? null,
      phone ? cipher.encrypt(phone) : null,
      phone ? maskPhone(phone) : null,
      actor.userId,
      now,
    ],
  );
  if (!row) {
    // The id is taken (here or beyond the caller's scope), or the name is in use in that jurisdiction.
    const [byName] = await tx.query('SELECT 1 FROM venues WHERE jurisdiction_code = $1 AND name = $2', [
      input.jurisdictionCode,
      name,
    ]);
    throw byName
      ? new AppError('name_taken', [fieldError('name', 'duplicate_name')])
      : new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
  }
  const id = row.id;
  const venue = await getVenue(tx, actor, id);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'venue',
    entityId: id,
    jurisdictionCode: venue.jurisdictionCode,
    after: {
      name: venue.name,
      kind: venue.kind,
      capacity: venue.capacity,
      responsiblePhone: venue.responsiblePhoneMasked,
    },
  });
  return { venue, created: true };
}

export async function updateVenue(
  tx: Queryable,
  cipher: PiiCipher,
  actor: Actor,
  id: string,
  input: VenuePatchBody,
): Promise<VenueView> {
  const before = await getVenue(tx, actor, id);
  const errors: FieldError[] = [];
  if (input.name !== undefined && input.name.trim() === '') errors.push(fieldError('name', 'required'));
  const phone = checkPhone(errors, input.responsiblePhone);
  if (errors.length > 0) throw invalid(errors);
  if (before.version !== input.version) throw new AppError('conflict', [fieldError('version', 'range')]);
  const sets: string[] = [];
  const params: unknown[] = [id, input.version];
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (input.name !== undefined) set('name', input.name.trim());
  if (input.kind !== undefined) set('kind', input.kind);
  if (input.address !== undefined) set('address', blankToNull(input.address));
  if (input.capacity !== undefined) set('capacity', input.capacity);
  if (input.responsibleName !== undefined) set('responsible_name', blankToNull(input.responsibleName));
  if (phone !== undefined) {
    set('responsible_phone_cipher', phone ? cipher.encrypt(phone) : null);
    set('responsible_phone_masked', phone ? maskPhone(phone) : null);
  }
  if (input.active !== undefined) set('active', input.active);
  if (sets.length === 0) return before;
  try {
    const updated = await tx.query(
      `UPDATE venues SET ${sets.join(', ')}, version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    if (updated.length === 0) throw new AppError('conflict', [fieldError('version', 'range')]);
  } catch (error) {
    if (isUnique(error)) throw new AppError('name_taken', [fieldError('name', 'duplicate_name')]);
    throw error;
  }
  const after = await getVenue(tx, actor, id);
  const pick = (v: VenueView) => ({
    name: v.name,
    kind: v.kind,
    address: v.address,
    capacity: v.capacity,
    responsibleName: v.responsibleName,
    responsiblePhone: v.responsiblePhoneMasked,
    active: v.active,
  });
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'venue',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: pick(before),
    after: pick(after),
  });
  return after;
}

/** The venue a verified code names, read as the database owner (a public scan has no scope yet). */
export async function venueForCode(
  db: Queryable,
  venueId: string,
): Promise<
  { id: string; name: string; kind: string; jurisdictionCode: string; active: boolean } | undefined
> {
  const [row] = await db.query<{
    id: string;
    name: string;
    kind: string;
    jurisdictionCode: string;
    active: boolean;
  }>('SELECT id, name, kind, jurisdiction_code AS "jurisdictionCode", active FROM venues WHERE id = $1', [
    venueId,
  ]);
  return row;
}
