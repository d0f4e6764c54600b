import type { AppContext } from '../../src/platform/context.js';
import { ensureDayRange } from '../../src/platform/db/partitions.js';
import { sealIdentifiers } from '../../src/platform/pii/seal.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';

/**
 * EPI-3 co-exposure world: county A's venue (a supermarket in VILLAGE_A) where the person of the
 * world's case (worldCases.ts) checked in two days before the report, with two visitors near that
 * time and one far outside any window; and county B's venue with a visitor of its own at the same
 * instant (never found from county A). Written as the database's owner, as a feed would leave it.
 */
export const VENUE_A = '0e0e0000-0000-4000-8000-0000000000a1';
export const VENUE_B = '0e0e0000-0000-4000-8000-0000000000b1';
/** County A's highway checkpoint the case's person passed the day before, a traveller 15 minutes later. */
export const CHECKPOINT_A = '0e0e0000-0000-4000-8000-0000000000c1';
export const CASE_PASS_AT = '2026-11-21T08:00:00.000Z';
export const TRAVELLER = { name: '王路平', idNumber: withCheckDigit('21112219800303234') };
/** The case person's visit to VENUE_A. */
export const CASE_VISIT_AT = '2026-11-22T10:00:00.000Z';
/** Visitors near the case at VENUE_A: 5 and 20 minutes after; the third comes six hours later. */
export const NEAR_A = { name: '钱晓燕', idNumber: withCheckDigit('21112219900101123') };
export const NEAR_B = { name: '孙建国', idNumber: withCheckDigit('21112219850505456') };
const FAR = { name: '周大勇', idNumber: withCheckDigit('21112219700707789') };
const OTHER_COUNTY = { name: '吴丽', idNumber: withCheckDigit('15040219920202321') };

export async function seedCoExposure(ctx: AppContext, casePersonId: string) {
  await ensureDayRange(ctx.db, 'check_ins', '2026-11-20', '2026-11-25');
  const at = (minutes: number) => new Date(Date.parse(CASE_VISIT_AT) + minutes * 60_000);
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO venues (id, jurisdiction_code, name, kind, capacity) VALUES
         ($1, '211122001001', '盘山县惠民超市', 'supermarket', 200),
         ($2, '150402001001', '红山区某餐馆', 'restaurant', 80)`,
      [VENUE_A, VENUE_B],
    );
    const [person] = await tx.query<{ id_hash: Buffer }>('SELECT id_hash FROM persons WHERE id = $1', [
      casePersonId,
    ]);
    const visitors = [
      { ...NEAR_A, venue: VENUE_A, code: '211122001001', at: at(5), phone: '13800001111' },
      { ...NEAR_B, venue: VENUE_A, code: '211122001001', at: at(20), phone: null },
      { ...FAR, venue: VENUE_A, code: '211122001001', at: at(360), phone: null },
      { ...OTHER_COUNTY, venue: VENUE_B, code: '150402001001', at: at(0), phone: null },
    ];
    await tx.query(
      `INSERT INTO check_ins (venue_id, jurisdiction_code, checked_in_at, id_hash, source)
       VALUES ($1, '211122001001', $2, $3, 'scan')`,
      [VENUE_A, at(0), person!.id_hash],
    );
    await tx.query(
      `INSERT INTO checkpoints (id, jurisdiction_code, name, kind) VALUES ($1, '211122', '盘山收费站（时空伴随）', 'highway')`,
      [CHECKPOINT_A],
    );
    const [casePerson] = await tx.query<{ name: string; id_cipher: Buffer; id_masked: string }>(
      'SELECT name, id_cipher, id_masked FROM persons WHERE id = $1',
      [casePersonId],
    );
    const traveller = sealIdentifiers(ctx.cipher, TRAVELLER.idNumber, null);
    const passes = [
      {
        name: casePerson!.name,
        cipher: casePerson!.id_cipher,
        hash: person!.id_hash,
        masked: casePerson!.id_masked,
        at: CASE_PASS_AT,
      },
      {
        name: TRAVELLER.name,
        cipher: traveller.id_cipher,
        hash: traveller.id_hash,
        masked: traveller.id_masked,
        at: new Date(Date.parse(CASE_PASS_AT) + 15 * 60_000).toISOString(),
      },
    ];
    for (const p of passes) {
      await tx.query(
        `INSERT INTO checkpoint_passes (checkpoint_id, jurisdiction_code, passed_at, person_name, id_cipher, id_hash, id_masked,
           health_code, temperature, origin, destination_code, outcome)
         VALUES ($1, '211122', $2, $3, $4, $5, $6, 'green', 36.5, 'domestic', '211122', 'pass')`,
        [CHECKPOINT_A, p.at, p.name, p.cipher, p.hash, p.masked],
      );
    }
    for (const v of visitors) {
      const sealed = sealIdentifiers(ctx.cipher, v.idNumber, v.phone);
      await tx.query(
        `INSERT INTO check_ins (venue_id, jurisdiction_code, checked_in_at, id_hash, source) VALUES ($1, $2, $3, $4, 'scan')`,
        [v.venue, v.code, v.at, sealed.id_hash],
      );
      await tx.query(
        `INSERT INTO check_in_identities (jurisdiction_code, id_hash, name, id_cipher, id_masked, phone_cipher, phone_masked)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [
          v.code,
          sealed.id_hash,
          v.name,
          sealed.id_cipher,
          sealed.id_masked,
          sealed.phone_cipher,
          sealed.phone_masked,
        ],
      );
    }
  });
}
