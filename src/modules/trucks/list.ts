import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import { checkPlate, type TruckStatus } from '../../rules/truckReport.js';
import type { TruckReportSummary } from './schemas.js';
import { readTruckReport, TRUCK_SUMMARY_SQL } from './view.js';

export interface TruckFilter {
  jurisdiction?: string | undefined;
  status?: TruckStatus | undefined;
  late?: boolean | undefined;
  plate?: string | undefined;
}

/** The reports on the lists of the caller's communities (ARR-12), next arrivals first. */
export async function listTruckReports(
  tx: Queryable,
  actor: Actor,
  filter: TruckFilter,
  page: number,
  pageSize: number,
): Promise<{ items: TruckReportSummary[]; total: number }> {
  if (filter.jurisdiction && !inScope(filter.jurisdiction, actor.scopes)) {
    throw new AppError('forbidden', [fieldError('jurisdiction', 'jurisdiction_out_of_scope')]);
  }
  const params: unknown[] = [];
  const where = [
    scopeCondition('r.jurisdiction_code', filter.jurisdiction ? [filter.jurisdiction] : actor.scopes, params),
  ];
  if (filter.status) {
    params.push(filter.status);
    where.push(`r.status = $${params.length}`);
  }
  if (filter.late !== undefined) {
    params.push(filter.late);
    where.push(`r.late = $${params.length}`);
  }
  if (filter.plate) {
    const plate = checkPlate(filter.plate);
    params.push(plate.ok ? plate.normalized : filter.plate.trim().toUpperCase());
    where.push(`r.plate = $${params.length}`);
  }
  const condition = where.join(' AND ');
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM truck_reports r WHERE ${condition}`,
    params,
  );
  const items = await tx.query<TruckReportSummary>(
    `SELECT ${TRUCK_SUMMARY_SQL} FROM truck_reports r WHERE ${condition}
     ORDER BY (r.status IN ('left')), r.planned_arrival_at, r.id
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { items, total: count?.n ?? 0 };
}

/** A crew member's full ID number and phone for a permitted user (to call the driver); audited. */
export async function unmaskCrew(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
  position: number,
  reason: string,
): Promise<{ idNumber: string; phone: string }> {
  const report = await readTruckReport(tx, actor.scopes, id);
  const [row] = await tx.query<{ idCipher: Uint8Array; phoneCipher: Uint8Array }>(
    `SELECT id_cipher AS "idCipher", phone_cipher AS "phoneCipher" FROM truck_report_crew
     WHERE report_id = $1 AND position = $2`,
    [id, position],
  );
  if (!row) throw notFound();
  await recordAudit(tx, actor, {
    action: 'unmask',
    entity: 'truck_report',
    entityId: id,
    jurisdictionCode: report.jurisdictionCode,
    detail: { reason, crewPosition: position, fields: ['idNumber', 'phone'] },
  });
  return { idNumber: ctx.cipher.decrypt(row.idCipher), phone: ctx.cipher.decrypt(row.phoneCipher) };
}
