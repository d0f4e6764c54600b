import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Queryable } from '../../platform/db/types.js';
import { receiveTubesAtLab } from '../testing/index.js';
import { checkBarcode, type RowError, rowError } from './input.js';
import type { LabRef } from './lab.js';

export interface ReceiptReport {
  received: number;
  unchanged: number;
  rejected: number;
  sealed: number;
  errors: RowError[];
}

/**
 * A lab takes tubes in (TST-2: the board tells received from not received). An open tube is sealed
 * on receipt: it left the table. Per item: unknown barcode or a tube of another lab refused, a tube
 * already received by this lab unchanged; everything else in one statement.
 */
export async function receiveTubes(
  tx: Queryable,
  actor: Actor,
  lab: LabRef,
  barcodes: readonly string[],
  now: Date,
): Promise<ReceiptReport> {
  const errors: RowError[] = [];
  const wanted: Array<{ line: number; barcode: string }> = [];
  const seen = new Set<string>();
  barcodes.forEach((raw, index) => {
    const checked = checkBarcode(raw);
    if ('problem' in checked) errors.push(rowError(index + 1, 'barcode', checked.problem));
    else if (!seen.has(checked.barcode)) {
      seen.add(checked.barcode);
      wanted.push({ line: index + 1, barcode: checked.barcode });
    }
  });
  const found = await tx.query<{ barcode: string; labId: string | null; receivedAt: Date | null }>(
    `SELECT t.barcode, t.lab_id AS "labId", t.received_at AS "receivedAt"
     FROM unnest($1::text[]) AS x(b) JOIN tubes t ON t.barcode = x.b COLLATE "C"`,
    [wanted.map((w) => w.barcode)],
  );
  const byBarcode = new Map(found.map((tube) => [tube.barcode, tube]));
  const take: string[] = [];
  let unchanged = barcodes.length - errors.length - wanted.length;
  for (const { line, barcode } of wanted) {
    const tube = byBarcode.get(barcode);
    if (!tube) errors.push(rowError(line, 'barcode', 'barcode_unknown'));
    else if (tube.labId && tube.labId !== lab.id) errors.push(rowError(line, 'barcode', 'tube_other_lab'));
    else if (tube.receivedAt) unchanged++;
    else take.push(barcode);
  }
  const written = await receiveTubesAtLab(tx, lab.id, take, now);
  const report = {
    received: written.length,
    unchanged: unchanged + take.length - written.length,
    rejected: errors.length,
    sealed: written.filter((row) => row.sealedNow).length,
  };
  if (report.received > 0 || report.rejected > 0)
    await recordAudit(tx, actor, {
      action: 'tubes_received',
      entity: 'lab',
      entityId: lab.id,
      jurisdictionCode: lab.jurisdictionCode,
      detail: { ...report, barcodes: take.slice(0, 200) },
    });
  return { ...report, errors: errors.sort((a, b) => a.line - b.line) };
}
