import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { Challenge } from 'altcha-lib/v1/types';
import type { Queryable } from '../db/types.js';
import { type LimitRule, takeHit } from '../limits/index.js';
import type { PiiCipher } from '../pii/cipher.js';

/**
 * A self-hosted proof-of-work challenge (ALTCHA's format, altcha-lib): the server signs a random
 * salt and a hidden number; the browser finds the number by trying SHA-256 hashes, which costs a
 * person's browser a fraction of a second and a script sending thousands of reports the same for
 * each one. No outside service is asked anything.
 */

/** Up to this many hashes: about 50,000 tried on average, well under a second in a phone's browser. */
const MAX_NUMBER = 100_000;
/** A challenge is solved within seconds; ten minutes leave room for a slow form. */
const CHALLENGE_MINUTES = 10;
/** A solution is spent once: its signature is remembered for a day (fixed window, longer than expiry). */
const SPENT: LimitRule = { name: 'challenge.spent', max: 1, windowSeconds: 24 * 3600 };

/** The signing key, derived from the deployment's secret, so every process signs and checks alike. */
const keyOf = (cipher: PiiCipher) => cipher.lookupHash('challenge', 'altcha-hmac').toString('hex');

export type { Challenge };

export function issueChallenge(cipher: PiiCipher, now: Date): Promise<Challenge> {
  return createChallenge({
    hmacKey: keyOf(cipher),
    maxNumber: MAX_NUMBER,
    expires: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
  });
}

interface Solved {
  signature?: unknown;
}

function decode(payload: string): Solved | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `payload` (base64 JSON, as ALTCHA clients send it) solves a challenge this server issued,
 * not yet expired by `now` (the application's clock) and not spent before; spends it.
 */
export async function acceptSolution(
  db: Queryable,
  cipher: PiiCipher,
  payload: string,
  now: Date,
): Promise<boolean> {
  if (payload.length > 2000) return false;
  const solved = decode(payload);
  if (!solved || typeof solved.signature !== 'string') return false;
  // Expiry is checked against the application's clock below, not the machine's.
  const valid = await verifySolution(payload, keyOf(cipher), false).catch(() => false);
  if (!valid) return false;
  const expires = Number(extractParams(payload).expires);
  if (!Number.isFinite(expires) || expires * 1000 <= now.getTime()) return false;
  const spent = await takeHit(db, SPENT, solved.signature, now);
  return spent.allowed;
}
