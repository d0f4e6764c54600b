import type { CrewCandidates, CrewMatch } from '../../api/trucks.js';
import type { Actor } from '../../platform/access/actor.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { type FieldError, fieldError, invalid } from '../../platform/errors.js';
import { phoneHash } from '../../platform/pii/seal.js';
import type { ArrivalInput } from '../arrivals/index.js';
import { candidatesFor } from '../landing/index.js';
import { auditExactSearch, type ExactTerms, guardExactSearch, mayUnmask } from '../persons/index.js';
import type { TruckReportView } from './schemas.js';
import { readTruckReport } from './view.js';

/**
 * A pre-reported crew member is a claim like any public report (DESIGN "Safe by default"): before
 * the crew of a truck that stays over become arrivals, staff say who each one is, a person of their
 * own jurisdiction with the reported ID number (differences flagged) or a new person (ARR-12).
 */
interface CrewSecret {
  position: number;
  name: string;
  idHash: Buffer;
  idCipher: Uint8Array;
  phoneCipher: Uint8Array;
}

async function crewSecrets(tx: Queryable, reportId: string): Promise<CrewSecret[]> {
  return tx.query<CrewSecret>(
    `SELECT position, name, id_hash AS "idHash", id_cipher AS "idCipher", phone_cipher AS "phoneCipher"
     FROM truck_report_crew WHERE report_id = $1 ORDER BY position`,
    [reportId],
  );
}

async function candidatesOf(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  report: TruckReportView,
  member: CrewSecret,
) {
  return candidatesFor(tx, actor.scopes, {
    idHash: member.idHash,
    phoneHash: phoneHash(ctx.cipher, ctx.cipher.decrypt(member.phoneCipher)),
    name: member.name,
    jurisdictionCode: report.jurisdictionCode,
  });
}

/** What one crew member's candidate list tests, as the audit log keeps it. */
const termsOf = (ctx: AppContext, member: CrewSecret): ExactTerms => ({
  idHash: Buffer.from(member.idHash),
  phoneHash: phoneHash(ctx.cipher, ctx.cipher.decrypt(member.phoneCipher)),
});

/**
 * For each crew member, the persons of the caller's jurisdiction with their ID number. A report
 * staff entered carries typed ID numbers and phones, and the list (with "other phone") answers
 * whether they are a person's: for a caller who cannot unmask, each member listed is an exact search
 * (DESIGN "Safe by default"), counted before the reading transaction (the limiter has its own) and
 * audited by keyed hash. The flags stay: each guess they could test costs one counted search.
 */
export async function crewCandidates(ctx: AppContext, actor: Actor, id: string): Promise<CrewCandidates> {
  const counted = await countCrewSearches(ctx, actor, id);
  return withScope(ctx.db, actor, async (tx) => {
    const report = await readTruckReport(tx, actor.scopes, id);
    const result: CrewCandidates = [];
    for (const member of await crewSecrets(tx, report.id)) {
      const candidates = await candidatesOf(ctx, tx, actor, report, member);
      if (counted) await auditExactSearch(tx, actor, termsOf(ctx, member), { found: candidates.length });
      result.push({ position: member.position, candidates });
    }
    return result;
  });
}

/**
 * For a caller who cannot unmask, counts one exact search per crew member before a look-up by their
 * numbers runs (a candidates list, or "register anew", refused when the number is already
 * registered here); false, counting nothing, for a caller who may unmask.
 */
export async function countCrewSearches(ctx: AppContext, actor: Actor, id: string): Promise<boolean> {
  if (mayUnmask(actor)) return false;
  const crew = await withScope(ctx.db, actor, async (tx) =>
    crewSecrets(tx, (await readTruckReport(tx, actor.scopes, id)).id),
  );
  for (const member of crew) await guardExactSearch(ctx, actor, termsOf(ctx, member));
  return true;
}

export interface MatchedMember {
  position: number;
  person: ArrivalInput['person'];
  match: 'existing' | 'registered';
}

/**
 * The staff's choice for every crew member, checked: each position once, a chosen person one of the
 * candidates, a new person only where no candidate exists. Every problem named at once.
 */
export async function checkedCrewMatches(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  report: TruckReportView,
  matches: readonly CrewMatch[] | undefined,
): Promise<MatchedMember[]> {
  const crew = await crewSecrets(tx, report.id);
  const chosen = new Map((matches ?? []).map((m) => [m.position, m.personId]));
  const errors: FieldError[] = [];
  const result: MatchedMember[] = [];
  for (const [index, member] of crew.entries()) {
    if (!chosen.has(member.position)) {
      errors.push(fieldError(`crew.${index}.personId`, 'crew_match_required'));
      continue;
    }
    const personId = chosen.get(member.position) ?? null;
    const candidates = await candidatesOf(ctx, tx, actor, report, member);
    if (personId) {
      if (candidates.some((c) => c.personId === personId))
        result.push({ position: member.position, person: { personId }, match: 'existing' });
      else errors.push(fieldError(`crew.${index}.personId`, 'landing_match_not_candidate'));
    } else if (candidates.length > 0) {
      errors.push(fieldError(`crew.${index}.personId`, 'duplicate_id'));
    } else {
      result.push({
        position: member.position,
        match: 'registered',
        person: {
          name: member.name,
          idNumber: ctx.cipher.decrypt(member.idCipher),
          phone: ctx.cipher.decrypt(member.phoneCipher),
        },
      });
    }
  }
  if ((matches ?? []).some((m) => !crew.some((c) => c.position === m.position)))
    errors.push(fieldError('crew', 'crew_match_required'));
  if (errors.length > 0) throw invalid(errors);
  return result;
}
