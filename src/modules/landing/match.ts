import type { Candidate } from '../../api/landing.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeCondition, withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { fieldError, invalid } from '../../platform/errors.js';
import { registerArrival } from '../arrivals/index.js';
import { auditExactSearch, type ExactTerms, guardExactSearch, mayUnmask } from '../persons/index.js';
import { getReport } from './queue.js';
import type { ReportView } from './view.js';

/**
 * B of "Safe by default": a self-report is tied to a person only by staff, after the community has
 * verified it. The candidates are the persons of the staff's own jurisdiction with the reported ID
 * number, found by its keyed hash; what differs from the report (another name, another phone, filed
 * elsewhere) is flagged for the staff to see before they choose.
 */
interface Claim {
  idHash: Buffer;
  phoneHash: Buffer | null;
  personName: string;
}

async function claimOf(tx: Queryable, id: string): Promise<Claim> {
  const [claim] = await tx.query<Claim>(
    `SELECT id_hash AS "idHash", phone_hash AS "phoneHash", person_name AS "personName"
     FROM landing_reports WHERE id = $1`,
    [id],
  );
  if (!claim) throw new Error('a report read a moment ago has gone');
  return claim;
}

/** What a claim says about a person, as far as the match needs it: hashes, never the numbers. */
export interface ClaimedIdentity {
  idHash: Buffer;
  phoneHash: Buffer | null;
  name: string;
  /** Where the claim places them (the destination): a candidate filed elsewhere is flagged. */
  jurisdictionCode: string;
}

/**
 * The persons within `scopes` whose ID number is the claimed one (by its keyed hash), and what
 * differs from the claim. Used for landing reports and truck crews alike.
 */
export function candidatesFor(
  tx: Queryable,
  scopes: readonly string[],
  claim: ClaimedIdentity,
): Promise<Candidate[]> {
  const params: unknown[] = [claim.idHash, claim.name, claim.phoneHash, claim.jurisdictionCode];
  const scope = scopeCondition('p.jurisdiction_code', scopes, params);
  return tx.query<Candidate>(
    `SELECT p.id AS "personId", p.name, p.id_masked AS "idNumberMasked", p.phone_masked AS "phoneMasked",
       p.jurisdiction_code AS "jurisdictionCode",
       (SELECT j.name FROM jurisdictions j WHERE j.code = p.jurisdiction_code) AS "jurisdictionName",
       p.name <> $2 AS "nameDiffers", p.phone_hash IS DISTINCT FROM $3::bytea AS "phoneDiffers",
       p.jurisdiction_code <> $4 AS "jurisdictionDiffers"
     FROM persons p WHERE p.id_hash = $1 AND ${scope} ORDER BY p.id`,
    params,
  );
}

/** The persons within the actor's scope whose ID number is the one reported. */
async function matchCandidates(tx: Queryable, actor: Actor, report: ReportView): Promise<Candidate[]> {
  const claim = await claimOf(tx, report.id);
  return candidatesFor(tx, actor.scopes, {
    idHash: claim.idHash,
    phoneHash: claim.phoneHash,
    name: claim.personName,
    jurisdictionCode: report.destinationCode,
  });
}

/**
 * The candidates as the staff read them before verifying. A report staff entered themselves carries
 * a typed ID number and phone, and its candidates (with "other phone") answer whether they are a
 * person's: for a caller who cannot unmask, each read is an exact search (DESIGN "Safe by default"),
 * counted before the reading transaction (the limiter has its own) and audited by keyed hash. The
 * flags stay: verifying staff need them, and every guess they could test costs one counted read.
 */
export async function readCandidates(ctx: AppContext, actor: Actor, id: string): Promise<Candidate[]> {
  const terms = await countClaimSearch(ctx, actor, id);
  return withScope(ctx.db, actor, async (tx) => {
    const candidates = await matchCandidates(tx, actor, await getReport(tx, actor, id));
    if (terms) await auditExactSearch(tx, actor, terms, { found: candidates.length });
    return candidates;
  });
}

/**
 * For a caller who cannot unmask, a look-up by the claim's ID number and phone (a candidates list,
 * or "register new", refused when the number is already registered here) tells whether a guessed
 * number is a masked record's: it counts as an exact search (limited, audited by keyed hash) before
 * it runs, outside the request's transaction. Returns the terms to audit, or undefined for a caller
 * who may unmask.
 */
export async function countClaimSearch(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ExactTerms | undefined> {
  if (mayUnmask(actor)) return undefined;
  const terms = await withScope(ctx.db, actor, async (tx) => {
    const claim = await claimOf(tx, (await getReport(tx, actor, id)).id);
    // Read back from the database, the hashes may be plain byte arrays.
    return {
      idHash: Buffer.from(claim.idHash),
      phoneHash: claim.phoneHash ? Buffer.from(claim.phoneHash) : undefined,
    };
  });
  await guardExactSearch(ctx, actor, terms);
  return terms;
}

export interface MatchChoice {
  personId?: string | null | undefined;
  registerNew?: boolean | undefined;
}

interface ClaimFacts {
  name: string;
  idType: string;
  idCipher: Uint8Array;
  phoneCipher: Uint8Array | null;
  origin: 'domestic' | 'overseas';
  originDivisionCode: string | null;
  originName: string | null;
  originCountry: string | null;
  leftOriginAt: Date;
  arrivedAt: Date;
  enteredAt: Date | null;
  portIsolationDays: number | null;
  homeIsolationConditions: boolean | null;
  negativeNatAt: Date | null;
  truckDriver: boolean;
}

async function factsOf(tx: Queryable, id: string): Promise<ClaimFacts> {
  const [row] = await tx.query<ClaimFacts>(
    `SELECT person_name AS name, id_type AS "idType", id_cipher AS "idCipher", phone_cipher AS "phoneCipher",
       origin, origin_division_code AS "originDivisionCode", origin_name AS "originName",
       origin_country AS "originCountry", left_origin_at AS "leftOriginAt", arrived_at AS "arrivedAt",
       entered_at AS "enteredAt", port_isolation_days AS "portIsolationDays",
       home_isolation_conditions AS "homeIsolationConditions", negative_nat_at AS "negativeNatAt",
       truck_driver AS "truckDriver"
     FROM landing_reports WHERE id = $1`,
    [id],
  );
  if (!row) throw new Error('a report read a moment ago has gone');
  return row;
}

/** The staff's choice, checked: exactly one of a candidate or a new person. */
async function checkedChoice(tx: Queryable, actor: Actor, report: ReportView, choice: MatchChoice) {
  if (Boolean(choice.personId) === Boolean(choice.registerNew)) {
    throw invalid([fieldError('personId', 'landing_match_required')]);
  }
  const candidates = await matchCandidates(tx, actor, report);
  if (choice.personId) {
    if (!candidates.some((c) => c.personId === choice.personId)) {
      throw invalid([fieldError('personId', 'landing_match_not_candidate')]);
    }
    return { personId: choice.personId };
  }
  // A person of this jurisdiction already has the number: choose them, do not register a twin.
  if (candidates.length > 0) throw invalid([fieldError('registerNew', 'duplicate_id')]);
  return undefined;
}

/**
 * Ties a verified report to the person the staff chose, or registers one from the report, and only
 * now registers the arrival with its plan and the plan’s work (ARR-11).
 */
export async function attachClaim(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  report: ReportView,
  choice: MatchChoice,
): Promise<void> {
  const chosen = await checkedChoice(tx, actor, report, choice);
  const facts = await factsOf(tx, report.id);
  const person = chosen ?? {
    name: facts.name,
    idType: facts.idType,
    idNumber: ctx.cipher.decrypt(facts.idCipher),
    phone: facts.phoneCipher ? ctx.cipher.decrypt(facts.phoneCipher) : null,
  };
  const registered = await registerArrival(ctx, tx, actor, {
    person,
    jurisdictionCode: report.destinationCode,
    channel: 'landing_code',
    sourceRef: report.id,
    origin: facts.origin,
    originDivisionCode: facts.originDivisionCode,
    originName: facts.originName,
    originCountry: facts.originCountry,
    leftOriginAt: new Date(facts.leftOriginAt),
    arrivedAt: new Date(facts.arrivedAt),
    enteredAt: facts.enteredAt && new Date(facts.enteredAt),
    portIsolationDays: facts.portIsolationDays,
    truckCrew: facts.truckDriver,
    homeIsolationConditions: facts.homeIsolationConditions,
    negativeNatAt: facts.negativeNatAt && new Date(facts.negativeNatAt),
  });
  await tx.query(
    `UPDATE landing_reports SET arrival_id = $2, person_id = $3, match = $4, matched_at = $5, matched_by = $6
     WHERE id = $1`,
    [
      report.id,
      registered.arrivalId,
      registered.personId,
      chosen ? 'existing' : 'registered',
      ctx.now(),
      actor.userId,
    ],
  );
}
