import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { type InvestigationAct, type InvestigationStatus, mayAct } from '../../rules/investigation.js';
import { readSummaryRow, type SummaryRow } from './view.js';

/**
 * The investigation of a case, locked, when `act` is allowed in its state: 404 outside the caller's
 * scope, 409 investigation_closed once closed (case discarded) or released, 409 wrong_state otherwise.
 */
export async function lockFor(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  act: InvestigationAct,
): Promise<SummaryRow & { status: InvestigationStatus }> {
  await readSummaryRow(tx, actor.scopes, caseId); // 404 before anything is locked
  const row = await readSummaryRow(tx, actor.scopes, caseId, true);
  const status = row.status as InvestigationStatus;
  if (!mayAct(status, act)) {
    if (status === 'closed' || status === 'released') throw new AppError('investigation_closed');
    throw new AppError('wrong_state', [fieldError('status', 'wrong_state')]);
  }
  return { ...row, status };
}

/** The audit's picture of an investigation: its state and people, never personal data. */
export const snapshot = (row: {
  status: string;
  investigatorName: string | null;
  teamId: string | null;
}) => ({
  status: row.status,
  investigator: row.investigatorName,
  teamId: row.teamId,
});
