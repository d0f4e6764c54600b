import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { cancelDeadlinesByKey } from '../../platform/deadlines/service.js';
import { AppError, fieldError, invalid, notFound } from '../../platform/errors.js';
import { inScope } from '../../rules/roles.js';
import {
  caseReportKind,
  correctTubeResult,
  liftControlsOfTube,
  PERSON_SUBJECT,
  resampleKind,
} from '../testing/index.js';
import { checkBarcode, type LabResult } from './input.js';
import type { LabRef } from './lab.js';
import { type PropagationNote, propagate } from './propagate.js';

export interface CorrectionInput {
  barcode: string;
  result: LabResult;
  reason: string;
}

export interface CorrectionReport {
  barcode: string;
  previousResult: LabResult;
  result: LabResult;
  correctedAt: string;
  controlsLifted: number;
  tasksCancelled: number;
  controlsOpened: number;
  controlsCleared: number;
  notes: PropagationNote[];
}

const MIN_REASON = 2;
const MAX_REASON = 500;

/**
 * Corrects a posted result (TST-1, TST-3) and makes the people in the tube stand as if the
 * corrected result had been posted: a positive that was not lifts the controls it opened and
 * cancels their re-sampling and case-report tasks; a result corrected to positive opens them as a
 * new positive would (due from the correction, the moment the positive became known). The
 * correction, its reason and what it did are recorded and audited in the same transaction.
 */
export async function correctResult(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  input: CorrectionInput,
): Promise<CorrectionReport> {
  const reason = input.reason.trim();
  if (reason.length < MIN_REASON) throw invalid([fieldError('reason', reason ? 'too_short' : 'required')]);
  if (reason.length > MAX_REASON) throw invalid([fieldError('reason', 'too_long')]);
  const checked = checkBarcode(input.barcode);
  if ('problem' in checked) throw invalid([fieldError('barcode', checked.problem)]);
  const [tube] = await tx.query<{
    id: string;
    jurisdictionCode: string;
    result: LabResult | null;
    labId: string | null;
    labName: string | null;
    labCode: string | null;
  }>(
    `SELECT t.id, t.jurisdiction_code AS "jurisdictionCode", t.result, t.lab_id AS "labId", l.name AS "labName",
       l.jurisdiction_code AS "labCode"
     FROM tubes t LEFT JOIN labs l ON l.id = t.lab_id WHERE t.barcode = $1`,
    [checked.barcode],
  );
  if (!tube || !inScope(tube.jurisdictionCode, actor.scopes)) throw notFound();
  if (tube.result === null) throw invalid([fieldError('barcode', 'tube_not_resulted')]);
  if (tube.result === input.result) throw invalid([fieldError('result', 'result_unchanged')]);
  const corrected = await correctTubeResult(tx, tube.id, input.result);
  // Another correction got there first: the caller reloads and decides again.
  if (!corrected) throw new AppError('conflict');
  const now = ctx.now();
  await tx.query(
    `INSERT INTO lab_result_corrections (jurisdiction_code, tube_id, previous_result, result, reason, corrected_by,
       corrected_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [tube.jurisdictionCode, tube.id, corrected.previousResult, corrected.result, reason, actor.userId, now],
  );
  const undone = { controlsLifted: 0, tasksCancelled: 0 };
  if (corrected.previousResult === 'positive') {
    undone.controlsLifted = (await liftControlsOfTube(tx, tube.id, now)).length;
    const members = await tx.query<{ personId: string }>(
      'SELECT person_id AS "personId" FROM samples WHERE tube_id = $1',
      [tube.id],
    );
    const keys = members.flatMap((m) =>
      [resampleKind(tube.id), caseReportKind(tube.id)].map((kind) => ({
        subjectType: PERSON_SUBJECT,
        subjectId: m.personId,
        kind,
      })),
    );
    undone.tasksCancelled = await cancelDeadlinesByKey(tx, keys, 'result_corrected', now);
  }
  const lab: LabRef = {
    id: tube.labId ?? '',
    name: tube.labName ?? '',
    jurisdictionCode: tube.labCode ?? tube.jurisdictionCode,
  };
  const effects = await propagate(tx, actor, lab, [{ ...corrected, resultedAt: now }], now);
  const report: CorrectionReport = {
    barcode: corrected.barcode,
    previousResult: corrected.previousResult,
    result: corrected.result,
    correctedAt: now.toISOString(),
    ...undone,
    controlsOpened: effects.controlsOpened,
    controlsCleared: effects.controlsCleared,
    notes: effects.notes,
  };
  await recordAudit(tx, actor, {
    action: 'lab_result_corrected',
    entity: 'tube',
    entityId: tube.id,
    jurisdictionCode: tube.jurisdictionCode,
    before: { result: corrected.previousResult },
    after: { result: corrected.result },
    detail: {
      reason,
      controlsLifted: report.controlsLifted,
      tasksCancelled: report.tasksCancelled,
      controlsOpened: report.controlsOpened,
      controlsCleared: report.controlsCleared,
    },
  });
  return report;
}
