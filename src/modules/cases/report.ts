import { randomUUID } from 'node:crypto';
import type { CaseView, PrefillView, ReportInput } from '../../api/cases.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, type FieldError, fieldError, invalid } from '../../platform/errors.js';
import { checkCardTimes, reviewDueAt } from '../../rules/caseReporting.js';
import { inScope } from '../../rules/roles.js';
import { CASE_REPORT_HOURS } from '../../rules/testingDeadlines.js';
import { localDate } from '../../rules/time.js';
import { checkTubeBarcode } from '../../rules/tubeBarcode.js';
import { findOrRegister, validatePerson } from '../persons/index.js';
import { insertChange } from './changes.js';
import { caseSnapshot, readCase } from './view.js';
import { closeCaseReportItems, openReviewDeadline } from './work.js';

const HOUR = 3_600_000;

const isPrimaryKeyClash = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === '23505' &&
  (error as { constraint?: unknown }).constraint === 'cases_pkey';

interface PositiveTube {
  tubeId: string;
  barcode: string;
  resultedAt: Date;
  sampledAt: Date;
  labName: string | null;
  personId: string;
  personName: string;
  personIdNumberMasked: string;
  personJurisdiction: string;
  jurisdictionName: string;
}

const POSITIVE_SQL = `SELECT t.id AS "tubeId", t.barcode, t.resulted_at AS "resultedAt", s.sampled_at AS "sampledAt",
       (SELECT l.name FROM labs l WHERE l.id = t.lab_id) AS "labName", p.id AS "personId", p.name AS "personName",
       p.id_masked AS "personIdNumberMasked", p.jurisdiction_code AS "personJurisdiction",
       coalesce((SELECT j.name FROM jurisdictions j WHERE j.code = p.jurisdiction_code), '') AS "jurisdictionName"
     FROM tubes t JOIN samples s ON s.tube_id = t.id JOIN persons p ON p.id = s.person_id`;

/** A positive individual result in the caller's scope (its tube and its one person), or undefined. */
async function positiveTube(
  tx: Queryable,
  actor: Actor,
  ref: { barcode?: string | undefined; tubeId?: string | undefined },
): Promise<PositiveTube | undefined> {
  const barcode = ref.barcode ? checkTubeBarcode(ref.barcode) : undefined;
  if (barcode && !barcode.ok) return undefined;
  const [row] = await tx.query<PositiveTube>(
    `${POSITIVE_SQL} WHERE ${barcode ? 't.barcode = $1' : 't.id = $1::uuid'} AND t.result = 'positive' AND t.member_count = 1`,
    [barcode ? barcode.barcode : ref.tubeId],
  );
  return row && inScope(row.personJurisdiction, actor.scopes) ? row : undefined;
}

/**
 * CAS-2: the person's earliest positive individual result that no report covers yet (none names its
 * tube, none was open when it came out) — the result the board counts as overdue or concealed. A card
 * naming only the person reports that result: it links the tube and is found when the result came out,
 * so a late or concealed positive cannot be hidden behind a found time typed as "now".
 */
async function uncoveredPositive(tx: Queryable, personId: string): Promise<PositiveTube | undefined> {
  const [row] = await tx.query<PositiveTube>(
    `${POSITIVE_SQL}
     WHERE s.person_id = $1 AND t.result = 'positive' AND t.member_count = 1 AND t.resulted_at IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = s.person_id
         AND (c.tube_id = t.id OR c.discarded_at IS NULL OR c.discarded_at > t.resulted_at))
     ORDER BY t.resulted_at, t.id LIMIT 1`,
    [personId],
  );
  return row;
}

const iso = (at: Date | null | undefined) => (at ? at.toISOString().replace(/\.\d{3}Z$/, 'Z') : null);

/** The person's case that is not discarded (CAS-1: one open case per person), if any. */
async function openCaseOf(tx: Queryable, personId: string): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    "SELECT id FROM cases WHERE person_id = $1 AND status <> 'discarded'",
    [personId],
  );
  return row?.id ?? null;
}

/**
 * A report card pre-filled from a positive individual result (CAS-2): the person, the sampling and
 * result times, and the lab as the finder. 404 for a tube that is not such a result in scope.
 */
export async function prefillFromTube(
  tx: Queryable,
  actor: Actor,
  ref: { barcode?: string | undefined; tubeId?: string | undefined },
): Promise<PrefillView> {
  const tube = await positiveTube(tx, actor, ref);
  if (!tube) throw new AppError('not_found', [fieldError('tube', 'case_tube_not_positive')]);
  return {
    tubeBarcode: tube.barcode,
    personId: tube.personId,
    personName: tube.personName,
    personIdNumberMasked: tube.personIdNumberMasked,
    jurisdictionName: tube.jurisdictionName,
    sampledAt: iso(tube.sampledAt),
    foundAt: iso(tube.resultedAt) ?? '',
    reportingInstitution: tube.labName ?? '',
    openCaseId: await openCaseOf(tx, tube.personId),
    reportDueAt: iso(new Date(tube.resultedAt.getTime() + CASE_REPORT_HOURS * HOUR)) ?? '',
  };
}

const at = (value: string | null | undefined) => (value ? new Date(value) : null);

/** Who the card is about: the tube's person, a registered person, or one found or registered now. */
async function identify(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  input: ReportInput,
  errors: FieldError[],
): Promise<{ personId: string; jurisdictionCode: string; tube?: PositiveTube } | undefined> {
  if (input.tubeBarcode) {
    const tube = await positiveTube(tx, actor, { barcode: input.tubeBarcode });
    // Another subtree's result does not exist for the caller: 404, as for any record out of scope.
    if (!tube) throw new AppError('not_found', [fieldError('tubeBarcode', 'case_tube_not_positive')]);
    if (input.personId && input.personId !== tube.personId)
      errors.push(fieldError('personId', 'case_person_not_tube'));
    else return { personId: tube.personId, jurisdictionCode: tube.personJurisdiction, tube };
    return undefined;
  }
  if (input.personId) {
    const [row] = await tx.query<{ jurisdictionCode: string }>(
      'SELECT jurisdiction_code AS "jurisdictionCode" FROM persons WHERE id = $1',
      [input.personId],
    );
    if (row && inScope(row.jurisdictionCode, actor.scopes))
      return { personId: input.personId, jurisdictionCode: row.jurisdictionCode };
    throw new AppError('not_found', [fieldError('personId', 'person_unknown')]);
  }
  if (!input.person) {
    errors.push(fieldError('personId', 'required'));
    return undefined;
  }
  if (!inScope(input.person.jurisdictionCode, actor.scopes)) {
    errors.push(fieldError('person.jurisdictionCode', 'jurisdiction_out_of_scope'));
    return undefined;
  }
  const today = localDate(ctx.now(), ctx.config.defaultTimeZone);
  const { fields, errors: personErrors } = validatePerson(input.person, today);
  if (!fields) {
    errors.push(...personErrors.map((e) => fieldError(`person.${e.field}`, e.code)));
    return undefined;
  }
  const personId = await findOrRegister(ctx, tx, actor, fields, 'case');
  return { personId, jurisdictionCode: fields.jurisdictionCode };
}

/**
 * Files a report card (CAS-1) and starts its CDC review (CAS-2). The report time is now; a card
 * naming a positive result, or a person with a positive result no report covers yet, links that
 * result and is found when it came out. The report closes the 2-hour report
 * items of the person's positive results. A second report of a person with an open case is refused
 * (409 `case_open`, naming the case); the same `id` again returns the stored card.
 */
export async function reportCase(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  input: ReportInput,
): Promise<{ view: CaseView; created: boolean }> {
  const now = ctx.now();
  if (input.id) {
    const [existing] = await tx.query<{ id: string }>('SELECT id FROM cases WHERE id = $1', [input.id]);
    if (existing) return { view: await readCase(tx, actor.scopes, existing.id), created: false };
  }
  const errors: FieldError[] = [];
  const who = await identify(ctx, tx, actor, input, errors);
  if (who && !who.tube) {
    const tube = await uncoveredPositive(tx, who.personId);
    if (tube) who.tube = tube;
  }
  // A card found by its result is found when the result came out, unless the card names an earlier finding.
  const typed = at(input.foundAt);
  const foundAt = who?.tube
    ? typed && !input.tubeBarcode && typed < who.tube.resultedAt
      ? typed
      : who.tube.resultedAt
    : typed;
  if (!foundAt) errors.push(fieldError('foundAt', 'required'));
  const sampledAt = at(input.sampledAt) ?? who?.tube?.sampledAt ?? null;
  const card = {
    onsetAt: at(input.onsetAt),
    sampledAt,
    foundAt: foundAt ?? now,
    reportedAt: now,
    confirmedAt: at(input.confirmedAt),
  };
  for (const problem of checkCardTimes(card)) errors.push(fieldError(problem.field, problem.code));
  if (input.severity && input.classification !== 'confirmed')
    errors.push(fieldError('severity', 'case_severity_confirmed_only'));
  if (errors.length > 0 || !who) throw invalid(errors);

  const open = await openCaseOf(tx, who.personId);
  if (open) throw new AppError('case_open', [], { caseId: open });
  const id = input.id ?? randomUUID();
  // The open-case index decides a race between two reports of the same person: one gets the 409.
  const inserted = await tx
    .query<{ id: string }>(
      `INSERT INTO cases (id, jurisdiction_code, person_id, classification, severity, origin, onset_at, sampled_at,
       found_at, reported_at, confirmed_at, reporting_institution, reporting_doctor, exposure_summary,
       current_location, tube_id, reported_by, reported_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT (person_id) WHERE status <> 'discarded' DO NOTHING RETURNING id`,
      [
        id,
        who.jurisdictionCode,
        who.personId,
        input.classification,
        input.severity ?? null,
        input.origin ?? 'local',
        card.onsetAt,
        card.sampledAt,
        card.foundAt,
        now,
        // A confirmed card without its own confirmation time is confirmed by what found it.
        card.confirmedAt ?? (input.classification === 'confirmed' ? card.foundAt : null),
        input.reportingInstitution.trim(),
        input.reportingDoctor.trim(),
        input.exposureSummary?.trim() || null,
        input.currentLocation?.trim() || null,
        who.tube?.tubeId ?? null,
        actor.userId,
        `${actor.displayName} (${actor.username})`,
      ],
    )
    .catch((error: unknown) => {
      // The id is taken by a case the caller cannot see (another county's, hidden by row-level
      // security from the look-up above): a 409 of its own, not a server error.
      if (isPrimaryKeyClash(error)) throw new AppError('id_taken', [fieldError('id', 'duplicate_id')]);
      throw error;
    });
  if (inserted.length === 0)
    throw new AppError('case_open', [], { caseId: (await openCaseOf(tx, who.personId)) ?? '' });
  const view = await readCase(tx, actor.scopes, id);
  const dueAt = reviewDueAt(now);
  const changeId = await insertChange(tx, actor, view, {
    kind: 'report',
    from: null,
    to: { classification: view.classification, severity: view.severity },
    reason: null,
    at: now,
    reviewDueAt: dueAt,
  });
  await openReviewDeadline(tx, view, { id: changeId, kind: 'report', dueAt }, now);
  const closed = await closeCaseReportItems(tx, who.personId, now, actor.userId);
  await recordAudit(tx, actor, {
    action: 'case.report',
    entity: 'case',
    entityId: id,
    jurisdictionCode: view.jurisdictionCode,
    after: caseSnapshot(view),
    detail: {
      tubeBarcode: view.tubeBarcode,
      reportItemsClosed: closed,
      reportLateMinutes: view.reportLateMinutes,
    },
  });
  return { view: await readCase(tx, actor.scopes, id), created: true };
}
