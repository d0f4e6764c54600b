import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, type FieldError, fieldError, invalid } from '../../platform/errors.js';
import { idHash } from '../../platform/pii/seal.js';
import { maskIdNumber, maskPhone } from '../../rules/mask.js';
import { inScope } from '../../rules/roles.js';
import { localDate } from '../../rules/time.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import type { TruckReportInput, TruckReportView } from './schemas.js';
import { type TruckReportFields, validateTruckReport } from './validate.js';
import { readTruckReport, truckSnapshot } from './view.js';
import { openEscortDeadline } from './work.js';

/** The destination must be a known community or village (属地社区/村嘎查): its list gets the report. */
async function checkDestination(tx: Queryable, code: string): Promise<FieldError[]> {
  const [row] = await tx.query<{ level: string }>('SELECT level FROM jurisdictions WHERE code = $1', [code]);
  if (!row) return [fieldError('jurisdictionCode', 'jurisdiction_unknown')];
  return row.level === 'village' ? [] : [fieldError('jurisdictionCode', 'not_community')];
}

async function insertReport(
  ctx: AppContext,
  tx: Queryable,
  fields: TruckReportFields,
  source: 'public' | 'staff',
  actor: Actor | undefined,
  id: string,
): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO truck_reports (id, jurisdiction_code, source, unit_name, unit_credit_code, plate,
       planned_arrival_at, origin_name, origin_division_code, starred, reported_at, late, lead_minutes, created_by,
       status, verified_at, verified_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $14)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      id,
      fields.jurisdictionCode,
      source,
      fields.unitName,
      fields.unitCreditCode,
      fields.plate,
      fields.plannedArrivalAt,
      fields.originName,
      fields.originDivisionCode,
      fields.starred,
      ctx.now(),
      fields.late,
      fields.leadMinutes,
      actor?.userId ?? null,
      // A public report is a claim until staff confirm it; staff filing one have confirmed it.
      source === 'public' ? 'unverified' : 'reported',
      source === 'public' ? null : ctx.now(),
    ],
  );
  if (!row) return undefined;
  for (const member of fields.crew) {
    await tx.query(
      `INSERT INTO truck_report_crew (report_id, position, jurisdiction_code, name, id_cipher, id_hash, id_masked,
         phone_cipher, phone_masked) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        row.id,
        member.position,
        fields.jurisdictionCode,
        member.name,
        ctx.cipher.encrypt(member.idNumber),
        idHash(ctx.cipher, member.idNumber),
        maskIdNumber(member.idNumber),
        ctx.cipher.encrypt(member.phone),
        maskPhone(member.phone),
      ],
    );
  }
  return row.id;
}

export interface Filed {
  report: TruckReportView;
  /** False when `id` named a report already stored: nothing changed. */
  created: boolean;
}

/**
 * Files a truck pre-report (ARR-12) from the public form (`actor` undefined; the transaction's scope
 * is the destination alone) or from staff, and records it in the audit log. A public report is a
 * claim: it stores the report alone, and the escort is owed only once staff have verified it
 * (workflow.ts); a staff-filed report owes its escort at once. All or nothing.
 */
export async function checkTruckReport(ctx: AppContext, tx: Queryable, input: TruckReportInput) {
  const timeZone = await effectiveTimeZone(tx, input.jurisdictionCode, ctx.config.defaultTimeZone);
  const { fields, errors } = validateTruckReport(input, ctx.now(), localDate(ctx.now(), timeZone));
  const destinationErrors = await checkDestination(tx, input.jurisdictionCode);
  if (!fields || destinationErrors.length > 0) throw invalid([...errors, ...destinationErrors]);
  return { fields, timeZone };
}

export async function fileTruckReport(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor | undefined,
  input: TruckReportInput,
  scopes: readonly string[],
): Promise<Filed> {
  if (actor && !inScope(input.jurisdictionCode, actor.scopes)) {
    throw new AppError('forbidden', [fieldError('jurisdictionCode', 'jurisdiction_out_of_scope')]);
  }
  const { fields, timeZone } = await checkTruckReport(ctx, tx, input);
  // The caller's id makes a retried submission idempotent; without one the report gets a fresh id.
  const requested = input.id ?? randomUUID();
  const id = await insertReport(ctx, tx, fields, actor ? 'staff' : 'public', actor, requested);
  if (!id) {
    // A retried submission: the stored report if the caller may see it, else the id is taken.
    const [visible] = await tx.query('SELECT 1 FROM truck_reports WHERE id = $1', [requested]);
    if (!visible) throw new AppError('id_taken', [fieldError('id', 'id_duplicate')]);
    return { report: await readTruckReport(tx, scopes, requested), created: false };
  }
  const report = await readTruckReport(tx, scopes, id);
  if (actor) await openEscortDeadline(tx, report, timeZone, ctx.now());
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'truck_report',
    entityId: id,
    jurisdictionCode: report.jurisdictionCode,
    after: truckSnapshot(report),
    detail: actor ? undefined : { via: 'public_form' },
  });
  return { report, created: true };
}
