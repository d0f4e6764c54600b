import type { OutletKind } from '../../api/drugSales.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';

/** A pharmacy (online ones included), clinic or health centre that sells the four classes (MON-2). */
export interface Outlet {
  id: string;
  jurisdictionCode: string;
  jurisdictionName: string | null;
  name: string;
  kind: OutletKind;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = `o.id, o.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = o.jurisdiction_code) AS "jurisdictionName", o.name, o.kind`;

/** The outlet, or 404 when it does not exist or lies outside the caller's scope. */
export async function getOutlet(tx: Queryable, actor: Actor, id: string): Promise<Outlet> {
  if (!UUID.test(id)) throw notFound();
  const [row] = await tx.query<Outlet>(`SELECT ${COLUMNS} FROM drug_outlets o WHERE o.id = $1 AND o.active`, [
    id,
  ]);
  if (!row || !inScope(row.jurisdictionCode, actor.scopes)) throw notFound();
  return row;
}

/** The outlets within `jurisdiction` (default: all of the caller's), by place and name. */
export async function listOutlets(tx: Queryable, actor: Actor, jurisdiction?: string): Promise<Outlet[]> {
  if (jurisdiction && !inScope(jurisdiction, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  return tx.query<Outlet>(
    `SELECT ${COLUMNS} FROM drug_outlets o WHERE o.active AND ($1::text IS NULL OR o.jurisdiction_code ^@ $1)
     ORDER BY o.jurisdiction_code, o.name LIMIT 2000`,
    [jurisdiction ?? null],
  );
}

/**
 * Registers an outlet. A client may supply the id so that a retry after a lost answer creates
 * nothing new: the same id with the same name and place returns the stored outlet.
 */
export async function createOutlet(
  tx: Queryable,
  actor: Actor,
  input: { id?: string | undefined; name: string; kind: OutletKind; jurisdictionCode: string },
): Promise<{ outlet: Outlet; created: boolean }> {
  const name = input.name.trim();
  if (name === '') throw invalid([fieldError('name', 'required')]);
  if (!inScope(input.jurisdictionCode, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  const [place] = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1', [input.jurisdictionCode]);
  if (!place) throw invalid([fieldError('jurisdictionCode', 'jurisdiction_unknown')]);
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO drug_outlets (id, jurisdiction_code, name, kind, created_by)
     VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
    [input.id ?? null, input.jurisdictionCode, name, input.kind, actor.userId],
  );
  if (!row) {
    const [same] = input.id
      ? await tx.query<Outlet>(`SELECT ${COLUMNS} FROM drug_outlets o WHERE o.id = $1`, [input.id])
      : [];
    if (
      same &&
      same.name === name &&
      same.jurisdictionCode === input.jurisdictionCode &&
      same.kind === input.kind
    )
      return { outlet: same, created: false };
    if (same) throw new AppError('validation', [fieldError('id', 'duplicate_id')]);
    throw new AppError('validation', [fieldError('name', 'duplicate_name')]);
  }
  const outlet = await getOutlet(tx, actor, row.id);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'drug_outlet',
    entityId: outlet.id,
    jurisdictionCode: outlet.jurisdictionCode,
    after: { name: outlet.name, kind: outlet.kind },
  });
  return { outlet, created: true };
}
