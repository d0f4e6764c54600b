import { lookAt, submitReport } from '../../src/modules/landing/index.js';
import { fileTruckReport } from '../../src/modules/trucks/index.js';
import type { Actor } from '../../src/platform/access/actor.js';
import { publicActor } from '../../src/platform/access/actor.js';
import { withScope } from '../../src/platform/access/scope.js';
import type { AppContext } from '../../src/platform/context.js';
import { withCheckDigit } from '../../src/rules/idNumber.js';

/** Client-given ids of county A's public claims (B5): a landing report to set aside, truck reports to verify and reject. */
export const LANDING_CLAIM_A = '0a11d000-0000-4000-8000-0000000000c1';
export const TRUCK_CLAIM_A = '7a0c0000-0000-4000-8000-0000000000c1';
export const TRUCK_CLAIM_B = '7a0c0000-0000-4000-8000-0000000000c2';

/**
 * County A's claims from the public forms, for the routes that work on claims (set aside, verify,
 * reject, call off): a landing report already looked at (so no look stays due), and two truck
 * pre-reports awaiting verification (they owe nothing yet).
 */
export async function seedClaims(ctx: AppContext, admin: Actor, county: string, village: string) {
  await withScope(ctx.db, publicActor(county, 'landing_code'), (tx) =>
    submitReport(
      ctx,
      tx,
      undefined,
      county,
      {
        name: '落地丙',
        idNumber: withCheckDigit('21112219770707003'),
        phone: '13700137003',
        origin: 'domestic',
        originDivisionCode: '110105',
        leftOriginAt: '2026-11-23T20:00:00.000Z',
        arrivedAt: '2026-11-24T01:00:00.000Z',
        destinationCode: village,
        address: '兴盛路3号',
        homeIsolationConditions: true,
        itineraryStar: false,
        truckDriver: false,
      },
      LANDING_CLAIM_A,
    ),
  );
  await withScope(ctx.db, admin, (tx) => lookAt(ctx, tx, admin, LANDING_CLAIM_A));
  for (const [id, plate] of [
    [TRUCK_CLAIM_A, '辽L23456'],
    [TRUCK_CLAIM_B, '辽L34567'],
  ] as const) {
    await withScope(ctx.db, publicActor(village, 'truck_report'), (tx) =>
      fileTruckReport(
        ctx,
        tx,
        undefined,
        {
          id,
          unitName: '盘山县物流有限公司',
          unitCreditCode: '91110000600037341L',
          plate,
          plannedArrivalAt: '2026-11-25T08:00:00Z',
          jurisdictionCode: village,
          originDivisionCode: '130203',
          starred: true,
          crew: [{ name: '李师傅', idNumber: withCheckDigit('13020319810202002'), phone: '13700137004' }],
        },
        [village],
      ),
    );
  }
}
