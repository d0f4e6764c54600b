import type { EntryInput, ExposureInput, GoodsInput } from '../../api/investigations.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { lockFor } from './lock.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (value: string | null | undefined) => value?.trim() || null;

function checkTimes(input: EntryInput) {
  if (input.toAt && new Date(input.toAt).getTime() < new Date(input.fromAt).getTime())
    throw new AppError('validation', [fieldError('toAt', 'ends_before_start')]);
}

/**
 * Inserts a row with a client-given id (or a new one) into one of the module's child tables;
 * a retried submission of an id already in this investigation is answered with it (created: false),
 * an id used elsewhere is a 409.
 */
async function insertChild(
  tx: Queryable,
  table: 'investigation_entries' | 'investigation_exposures' | 'investigation_goods',
  caseId: string,
  id: string | undefined,
  columns: Record<string, unknown>,
): Promise<{ id: string; created: boolean }> {
  const rowId = id ?? crypto.randomUUID();
  const names = Object.keys(columns);
  const values = Object.values(columns);
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO ${table} (id, investigation_id, jurisdiction_code, ${names.join(', ')})
     SELECT $1, i.id, i.jurisdiction_code, ${names.map((_, n) => `$${n + 3}`).join(', ')}
     FROM investigations i WHERE i.id = $2
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [rowId, caseId, ...values],
  );
  if (inserted.length > 0) return { id: rowId, created: true };
  const [mine] = await tx.query(`SELECT 1 FROM ${table} WHERE id = $1 AND investigation_id = $2`, [
    rowId,
    caseId,
  ]);
  if (mine) return { id: rowId, created: false };
  throw new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
}

/** EPI-2: a place and time the case told the investigator (an interview entry of the timeline). */
export async function addEntry(tx: Queryable, actor: Actor, caseId: string, input: EntryInput) {
  const row = await lockFor(tx, actor, caseId, 'edit');
  checkTimes(input);
  const result = await insertChild(tx, 'investigation_entries', caseId, input.id, {
    place: input.place.trim(),
    from_at: input.fromAt,
    to_at: input.toAt ?? null,
    activity: text(input.activity),
    people_met: text(input.peopleMet),
    created_by: actor.userId,
  });
  if (result.created)
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'investigation_entry',
      entityId: result.id,
      jurisdictionCode: row.jurisdictionCode,
      after: { place: input.place, fromAt: input.fromAt, toAt: input.toAt ?? null },
      detail: { rule: 'EPI-2', investigationId: caseId },
    });
  return result;
}

/** EPI-2: an interview entry corrected. */
export async function updateEntry(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  entryId: string,
  input: EntryInput,
) {
  const row = await lockFor(tx, actor, caseId, 'edit');
  if (!UUID.test(entryId)) throw notFound();
  checkTimes(input);
  const [before] = await tx.query<{ place: string; fromAt: Date; toAt: Date | null }>(
    `SELECT place, from_at AS "fromAt", to_at AS "toAt" FROM investigation_entries WHERE id = $1 AND investigation_id = $2`,
    [entryId, caseId],
  );
  if (!before) throw notFound();
  await tx.query(
    `UPDATE investigation_entries SET place = $3, from_at = $4, to_at = $5, activity = $6, people_met = $7, updated_at = now()
     WHERE id = $1 AND investigation_id = $2`,
    [
      entryId,
      caseId,
      input.place.trim(),
      input.fromAt,
      input.toAt ?? null,
      text(input.activity),
      text(input.peopleMet),
    ],
  );
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'investigation_entry',
    entityId: entryId,
    jurisdictionCode: row.jurisdictionCode,
    before: { place: before.place, fromAt: new Date(before.fromAt).toISOString() },
    after: { place: input.place, fromAt: input.fromAt, toAt: input.toAt ?? null },
    detail: { rule: 'EPI-2', investigationId: caseId },
  });
}

const CHILD_ENTITY = {
  investigation_entries: 'investigation_entry',
  investigation_exposures: 'investigation_exposure',
  investigation_goods: 'investigation_goods',
} as const;

/** Removes an interview entry, an exposure or a traced item typed by mistake (audited). */
export async function deleteChild(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  table: keyof typeof CHILD_ENTITY,
  id: string,
) {
  const row = await lockFor(tx, actor, caseId, 'edit');
  if (!UUID.test(id)) throw notFound();
  const deleted = await tx.query<{ id: string }>(
    `DELETE FROM ${table} WHERE id = $1 AND investigation_id = $2 RETURNING id`,
    [id, caseId],
  );
  if (deleted.length === 0) throw notFound();
  await recordAudit(tx, actor, {
    action: 'delete',
    entity: CHILD_ENTITY[table],
    entityId: id,
    jurisdictionCode: row.jurisdictionCode,
    detail: { investigationId: caseId },
  });
}

/** EPI-2: an exposure or likely source, with its evidence and certainty. */
export async function addExposure(tx: Queryable, actor: Actor, caseId: string, input: ExposureInput) {
  const row = await lockFor(tx, actor, caseId, 'edit');
  const result = await insertChild(tx, 'investigation_exposures', caseId, input.id, {
    kind: input.kind,
    description: input.description.trim(),
    evidence: text(input.evidence),
    certainty: input.certainty,
    likely_source: input.likelySource ?? false,
    created_by: actor.userId,
  });
  if (result.created)
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'investigation_exposure',
      entityId: result.id,
      jurisdictionCode: row.jurisdictionCode,
      after: { kind: input.kind, certainty: input.certainty, likelySource: input.likelySource ?? false },
      detail: { rule: 'EPI-2', investigationId: caseId },
    });
  return result;
}

/** EPI-2 "人""物"同查 (002 §24): goods traced with the people. */
export async function addGoods(tx: Queryable, actor: Actor, caseId: string, input: GoodsInput) {
  const row = await lockFor(tx, actor, caseId, 'edit');
  const result = await insertChild(tx, 'investigation_goods', caseId, input.id, {
    item: input.item.trim(),
    origin: text(input.origin),
    batch: text(input.batch),
    found_at_place: text(input.foundAtPlace),
    sample_result: input.sampleResult ?? 'not_sampled',
    note: text(input.note),
    created_by: actor.userId,
  });
  if (result.created)
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'investigation_goods',
      entityId: result.id,
      jurisdictionCode: row.jurisdictionCode,
      after: { item: input.item, sampleResult: input.sampleResult ?? 'not_sampled' },
      detail: { rule: 'EPI-2', investigationId: caseId },
    });
  return result;
}

/** The report text, saved as the investigator writes it; a stale version is a 409 conflict. */
export async function saveReport(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  report: string,
  version?: number,
) {
  const row = await lockFor(tx, actor, caseId, 'edit');
  if (version !== undefined && version !== row.version) throw new AppError('conflict');
  await tx.query('UPDATE investigations SET report = $2, version = version + 1 WHERE id = $1', [
    caseId,
    report,
  ]);
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'investigation',
    entityId: caseId,
    jurisdictionCode: row.jurisdictionCode,
    after: { reportChars: report.length },
    detail: { rule: 'EPI-2', part: 'report' },
  });
}
