import type { PublicLimit } from '../../platform/challenge/index.js';
import type { AppContext } from '../../platform/context.js';
import { idHash } from '../../platform/pii/seal.js';

/**
 * Persisted limits on landing-code self-reports (ARR-11; DESIGN "Safe by default"), counted before
 * the report is read any further. A traveller reports once, perhaps twice after a typo; a county's
 * busiest community gets a few hundred arrivals a day. Past half of a limit the form must solve a
 * proof-of-work challenge, which a person's browser does unseen and a script pays for each time.
 */
const PER_ADDRESS = { name: 'landing.report.address', max: 10, windowSeconds: 60 } as const;
const PER_ID_NUMBER = { name: 'landing.report.id', max: 6, windowSeconds: 3600 } as const;
const PER_DESTINATION = { name: 'landing.report.destination', max: 300, windowSeconds: 3600 } as const;

export const REPORT_LIMITS = { PER_ADDRESS, PER_ID_NUMBER, PER_DESTINATION };

/** Half of a limit, and one more: where the challenge starts. */
const nearing = (max: number) => Math.ceil(max / 2) + 1;

/** Every attempt, well-formed or not, counts against its client address. */
export const attemptLimits = (address: string): PublicLimit[] => [
  { rule: PER_ADDRESS, key: address, challengeFrom: nearing(PER_ADDRESS.max) },
];

/**
 * A report that passes its checks counts against its ID number (as its keyed hash) and its
 * destination: only those reach the staff.
 */
export function acceptedLimits(ctx: AppContext, idNumber: string, destination: string): PublicLimit[] {
  return [
    {
      rule: PER_ID_NUMBER,
      key: idHash(ctx.cipher, idNumber.trim().toUpperCase()).toString('hex'),
      challengeFrom: nearing(PER_ID_NUMBER.max),
    },
    { rule: PER_DESTINATION, key: destination, challengeFrom: nearing(PER_DESTINATION.max) },
  ];
}
