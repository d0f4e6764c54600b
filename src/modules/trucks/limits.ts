import type { PublicLimit } from '../../platform/challenge/index.js';
import type { AppContext } from '../../platform/context.js';
import { idHash } from '../../platform/pii/seal.js';
import type { TruckReportBody } from './schemas.js';

/**
 * Persisted limits on public truck pre-reports (ARR-12; DESIGN "Safe by default"). A consignee's
 * office files a few trucks a day, and a driver is on a few trucks a week; a community takes some
 * dozens a day. Past half of a limit the form must solve a proof-of-work challenge.
 */
const PER_ADDRESS = { name: 'trucks.report.address', max: 10, windowSeconds: 60 } as const;
const PER_ID_NUMBER = { name: 'trucks.report.id', max: 6, windowSeconds: 3600 } as const;
const PER_DESTINATION = { name: 'trucks.report.destination', max: 200, windowSeconds: 3600 } as const;

export const TRUCK_REPORT_LIMITS = { PER_ADDRESS, PER_ID_NUMBER, PER_DESTINATION };

/** Half of a limit, and one more: where the challenge starts. */
const nearing = (max: number) => Math.ceil(max / 2) + 1;

/** Every attempt, well-formed or not, counts against its client address. */
export const attemptLimits = (address: string): PublicLimit[] => [
  { rule: PER_ADDRESS, key: address, challengeFrom: nearing(PER_ADDRESS.max) },
];

/** A report that passes its checks counts against each crew member's ID number and the destination. */
export function acceptedLimits(ctx: AppContext, body: TruckReportBody): PublicLimit[] {
  const ids = new Set(body.crew.map((member) => member.idNumber.trim().toUpperCase()));
  return [
    ...[...ids].map((idNumber) => ({
      rule: PER_ID_NUMBER,
      key: idHash(ctx.cipher, idNumber).toString('hex'),
      challengeFrom: nearing(PER_ID_NUMBER.max),
    })),
    { rule: PER_DESTINATION, key: body.jurisdictionCode, challengeFrom: nearing(PER_DESTINATION.max) },
  ];
}
