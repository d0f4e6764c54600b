import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import { firstRow } from '../../platform/db/rows.js';
import type { Queryable } from '../../platform/db/types.js';
import { getLab } from './service.js';

/** TST-10 quality-control records [002 §31]; dual_reagent is ARR-1's two reagents in parallel. */
type QcKind = 'internal_qc' | 'external_eqa' | 'dual_reagent' | 'biosafety';

export type QcInput = {
  qcDate: string;
  kind: QcKind;
  outcome: 'pass' | 'fail';
  notes?: string | null | undefined;
};

export type QcRecord = Omit<QcInput, 'notes'> & {
  id: string;
  labId: string;
  jurisdictionCode: string;
  notes: string | null;
};

const COLUMNS = `id, lab_id AS "labId", jurisdiction_code AS "jurisdictionCode",
  to_char(qc_date, 'YYYY-MM-DD') AS "qcDate", kind, outcome, notes`;

export async function listQc(tx: Queryable, actor: Actor, labId: string): Promise<QcRecord[]> {
  await getLab(tx, actor, labId);
  return tx.query<QcRecord>(
    `SELECT ${COLUMNS} FROM lab_qc_records WHERE lab_id = $1 ORDER BY qc_date DESC, created_at DESC`,
    [labId],
  );
}

export async function addQc(tx: Queryable, actor: Actor, labId: string, input: QcInput): Promise<QcRecord> {
  const lab = await getLab(tx, actor, labId);
  const rows = await tx.query<QcRecord>(
    `INSERT INTO lab_qc_records (lab_id, jurisdiction_code, qc_date, kind, outcome, notes, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [labId, lab.jurisdictionCode, input.qcDate, input.kind, input.outcome, input.notes ?? null, actor.userId],
  );
  const row = firstRow(rows, 'INSERT INTO lab_qc_records');
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'lab_qc_record',
    entityId: row.id,
    jurisdictionCode: lab.jurisdictionCode,
    after: row,
  });
  return row;
}
