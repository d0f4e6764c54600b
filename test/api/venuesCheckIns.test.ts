import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInIdentity, insertCheckIns, visitsOf } from '../../src/modules/venues/index.js';
import { withScope } from '../../src/platform/access/scope.js';
import { idHash } from '../../src/platform/pii/seal.js';
import { COUNTY_A, COUNTY_B, PERSON_A, VILLAGE_A } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * The venues module's contract (issue 15, contract 1; HC-2, EPI-2/EPI-3): check-ins stored through
 * the parent table into day partitions, a person's visits and the identity behind a hash read in
 * the caller's scope only, and a re-sent row changing nothing.
 */
let env: Awaited<ReturnType<typeof openWorldApp>>;
const VENUE_A = '0c0c0c0c-0000-4000-8000-00000000a001';
const VENUE_B = '0c0c0c0c-0000-4000-8000-00000000b001';

beforeAll(async () => {
  env = await openWorldApp();
  await env.db.query(
    `INSERT INTO venues (id, jurisdiction_code, name, kind, capacity) VALUES
       ($1, $2, '盘山县百货大楼', 'mall', 500), ($3, $4, '红山区影城', 'theatre', 200)`,
    [VENUE_A, VILLAGE_A, VENUE_B, '150402001001'],
  );
});
afterAll(() => env.close());

describe('check-ins contract (HC-2, EPI-2)', () => {
  it('stores check-ins once, and visitsOf reads them in scope, oldest first', async () => {
    const hash = idHash(env.ctx.cipher, PERSON_A.idNumber);
    const identity = { name: PERSON_A.name, idNumber: PERSON_A.idNumber, phone: PERSON_A.phone };
    const rows = [
      {
        venueId: VENUE_A,
        jurisdictionCode: VILLAGE_A,
        at: new Date('2026-12-03T10:00:00Z'),
        idHash: hash,
        source: 'feed' as const,
        identity,
      },
      {
        venueId: VENUE_A,
        jurisdictionCode: VILLAGE_A,
        at: new Date('2026-12-01T08:00:00Z'),
        idHash: hash,
        source: 'scan' as const,
        identity,
      },
      {
        venueId: VENUE_B,
        jurisdictionCode: '150402001001',
        at: new Date('2026-12-02T09:00:00Z'),
        idHash: hash,
        source: 'feed' as const,
        identity,
      },
    ];
    const system = { ...env.world.users.a_admin!, scopes: [COUNTY_A, COUNTY_B] };
    expect(await insertCheckIns(env.ctx, system, rows)).toBe(3);
    expect(await insertCheckIns(env.ctx, system, rows)).toBe(0);
    const admin = env.world.users.a_admin!;
    const visits = await withScope(env.db, admin, (tx) =>
      visitsOf(tx, hash, new Date('2026-11-30T00:00:00Z'), new Date('2026-12-05T00:00:00Z')),
    );
    expect(visits.map((v) => [v.venueName, v.at.toISOString(), v.source])).toEqual([
      ['盘山县百货大楼', '2026-12-01T08:00:00.000Z', 'scan'],
      ['盘山县百货大楼', '2026-12-03T10:00:00.000Z', 'feed'],
    ]);
    const who = await withScope(env.db, admin, (tx) => checkInIdentity(tx, hash, env.ctx.cipher));
    expect(who).toEqual({ ...identity, jurisdictionCode: VILLAGE_A });
    const none = await withScope(env.db, admin, (tx) =>
      checkInIdentity(tx, idHash(env.ctx.cipher, '110105199001010000'), env.ctx.cipher),
    );
    expect(none).toBeUndefined();
  });
});
