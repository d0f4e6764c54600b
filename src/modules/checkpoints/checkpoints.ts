import { type CheckpointKind, DEFAULT_NAT_WITHIN_HOURS } from '../../api/checkpoints.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';

export interface Checkpoint {
  id: string;
  jurisdictionCode: string;
  jurisdictionName: string | null;
  name: string;
  kind: CheckpointKind;
  active: boolean;
  natWithinHours: number;
  natWithinHoursSet: boolean;
}

export interface CheckpointInput {
  id?: string | undefined;
  name: string;
  kind: CheckpointKind;
  jurisdictionCode: string;
  natWithinHours?: number | null | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Arrivals logged at a road checkpoint come through channel 'checkpoint'; stations and ports 'station'. */
export const channelOf = (kind: CheckpointKind) => (kind === 'highway' ? 'checkpoint' : 'station');

const COLUMNS = `c.id, c.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = c.jurisdiction_code) AS "jurisdictionName",
  c.name, c.kind, c.active, coalesce(c.nat_within_hours, ${DEFAULT_NAT_WITHIN_HOURS}) AS "natWithinHours",
  c.nat_within_hours IS NOT NULL AS "natWithinHoursSet"`;

export async function getCheckpoint(tx: Queryable, actor: Actor, id: string): Promise<Checkpoint> {
  if (!UUID.test(id)) throw notFound();
  const [row] = await tx.query<Checkpoint>(`SELECT ${COLUMNS} FROM checkpoints c WHERE c.id = $1`, [id]);
  if (!row || !inScope(row.jurisdictionCode, actor.scopes)) throw notFound();
  return row;
}

/** The checkpoints within `jurisdiction` (default: all of the caller's), by name. */
export async function listCheckpoints(
  tx: Queryable,
  actor: Actor,
  jurisdiction?: string,
): Promise<Checkpoint[]> {
  if (jurisdiction && !inScope(jurisdiction, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  return tx.query<Checkpoint>(
    `SELECT ${COLUMNS} FROM checkpoints c WHERE ($1::text IS NULL OR c.jurisdiction_code ^@ $1)
     ORDER BY c.jurisdiction_code, c.name LIMIT 500`,
    [jurisdiction ?? null],
  );
}

/**
 * Creates a checkpoint. A client may supply the id so that a retry after a lost answer creates
 * nothing new: the same id with the same name and place returns the stored checkpoint.
 */
export async function createCheckpoint(
  tx: Queryable,
  actor: Actor,
  input: CheckpointInput,
): Promise<{ checkpoint: Checkpoint; created: boolean }> {
  const name = input.name.trim();
  if (name === '') throw invalid([fieldError('name', 'required')]);
  if (!inScope(input.jurisdictionCode, actor.scopes))
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  const [place] = await tx.query('SELECT 1 FROM jurisdictions WHERE code = $1', [input.jurisdictionCode]);
  if (!place) throw invalid([fieldError('jurisdictionCode', 'jurisdiction_unknown')]);
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO checkpoints (id, jurisdiction_code, name, kind, created_by, nat_within_hours)
     VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
    [input.id ?? null, input.jurisdictionCode, name, input.kind, actor.userId, input.natWithinHours ?? null],
  );
  if (!row) return { checkpoint: await sameAgain(tx, actor, { ...input, name }), created: false };
  const checkpoint = await getCheckpoint(tx, actor, row.id);
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'checkpoint',
    entityId: checkpoint.id,
    jurisdictionCode: checkpoint.jurisdictionCode,
    after: { name: checkpoint.name, kind: checkpoint.kind },
  });
  return { checkpoint, created: true };
}

/** After a refused insert: the same checkpoint sent again, or a clash of id or name. */
async function sameAgain(tx: Queryable, actor: Actor, input: CheckpointInput): Promise<Checkpoint> {
  if (input.id) {
    const [mine] = await tx.query<Checkpoint>(`SELECT ${COLUMNS} FROM checkpoints c WHERE c.id = $1`, [
      input.id,
    ]);
    const same =
      mine?.name === input.name &&
      mine.jurisdictionCode === input.jurisdictionCode &&
      mine.kind === input.kind;
    if (same && inScope(mine.jurisdictionCode, actor.scopes)) return mine;
    if (mine || !(await nameTaken(tx, input)))
      throw new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
  }
  throw new AppError('name_taken', [fieldError('name', 'duplicate_name')]);
}

async function nameTaken(tx: Queryable, input: CheckpointInput): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM checkpoints WHERE jurisdiction_code = $1 AND name = $2', [
    input.jurisdictionCode,
    input.name,
  ]);
  return rows.length > 0;
}

/** HC-3: sets the hours within which a NAT proof must have been sampled (null: the default 48 h). */
export async function setCheckpointNatHours(
  tx: Queryable,
  actor: Actor,
  id: string,
  natWithinHours: number | null,
): Promise<Checkpoint> {
  const before = await getCheckpoint(tx, actor, id);
  await tx.query('UPDATE checkpoints SET nat_within_hours = $2 WHERE id = $1', [id, natWithinHours]);
  const after = await getCheckpoint(tx, actor, id);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'checkpoint',
    entityId: id,
    jurisdictionCode: after.jurisdictionCode,
    before: { natWithinHours: before.natWithinHoursSet ? before.natWithinHours : null },
    after: { natWithinHours },
  });
  return after;
}
