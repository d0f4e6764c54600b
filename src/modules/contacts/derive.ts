import type { Static } from 'typebox';
import type { SecondaryCandidates } from '../../api/contacts.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import { WINDOW_MINUTES } from '../../rules/coExposure.js';
import { inScope } from '../../rules/roles.js';
import { coExposureSearch, visitsOf } from '../venues/index.js';

type Result = Static<typeof SecondaryCandidates>;

/**
 * EPI-4 contacts of contacts (次密接): from a close contact, the people they may have exposed since
 * their own exposure — those co-exposed with their check-ins after it (EPI-3's search over venues'
 * visitsOf), and their household (persons sharing their household code). Listed for the investigator,
 * who confirms them as secondary close contacts in one action (POST /api/contacts/batch with
 * sourceContactId). The case's own person and people already listed for the case are marked.
 */
export async function secondaryCandidates(
  ctx: AppContext,
  tx: Queryable,
  actor: Actor,
  id: string,
): Promise<Result> {
  const [contact] = await tx.query<{
    caseId: string;
    class: string;
    personId: string;
    jurisdictionCode: string;
    exposureAt: Date;
    idHash: Buffer | null;
    householdCode: string | null;
    casePersonId: string;
  }>(
    `SELECT c.case_id AS "caseId", c.class, c.person_id AS "personId", c.jurisdiction_code AS "jurisdictionCode",
       c.exposure_at AS "exposureAt", p.id_hash AS "idHash", p.household_code AS "householdCode",
       k.person_id AS "casePersonId"
     FROM contacts c LEFT JOIN persons p ON p.id = c.person_id JOIN cases k ON k.id = c.case_id WHERE c.id = $1`,
    [id],
  );
  if (!contact || !inScope(contact.jurisdictionCode, actor.scopes)) throw notFound();
  if (contact.class !== 'close') throw new AppError('wrong_state');
  const listed = new Set(
    (
      await tx.query<{ person_id: string }>(
        `SELECT person_id FROM contacts WHERE case_id = $1 AND status <> 'discarded'`,
        [contact.caseId],
      )
    ).map((r) => r.person_id),
  );
  const items: Result['items'] = [];
  // Their own check-ins from the exposure on: whom they met after they may have caught it.
  const from = new Date(contact.exposureAt);
  if (contact.idHash) {
    const visits = await visitsOf(tx, Buffer.from(contact.idHash), from, ctx.now());
    const found = await coExposureSearch(
      tx,
      {
        visits: visits.map((v) => ({ venueId: v.venueId, at: v.at })),
        windowMinutes: WINDOW_MINUTES.default,
        excludeIdHashes: [Buffer.from(contact.idHash)],
        limit: 200,
      },
      actor,
    );
    for (const f of found) {
      const first = f.exposures[0];
      items.push({
        via: 'co_exposure',
        idHash: f.idHash,
        personId: f.knownPersonId,
        name: f.name,
        idMasked: f.idMasked,
        at: first?.at ?? f.firstAt,
        place: first?.venueName ?? null,
        venueId: first?.venueId ?? null,
        overlapMinutes: Math.round(f.overlapMinutes),
        alreadyContact: f.knownPersonId !== null && listed.has(f.knownPersonId),
      });
    }
  }
  if (contact.householdCode) {
    const household = await tx.query<{ id: string; name: string; id_masked: string; address: string | null }>(
      `SELECT id, name, id_masked, address FROM persons WHERE household_code = $1 AND id <> $2 AND id <> $3
       ORDER BY name LIMIT 50`,
      [contact.householdCode, contact.personId, contact.casePersonId],
    );
    for (const h of household) {
      items.push({
        via: 'household',
        idHash: null,
        personId: h.id,
        name: h.name,
        idMasked: h.id_masked,
        at: from.toISOString(),
        place: h.address,
        venueId: null,
        overlapMinutes: null,
        alreadyContact: listed.has(h.id),
      });
    }
  }
  return {
    items: items.filter((i) => i.personId !== contact.casePersonId),
    coExposureAvailable: contact.idHash !== null,
  };
}
