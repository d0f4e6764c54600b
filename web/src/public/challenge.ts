import type { ChallengeInfo } from '../../../src/api/landing';
import { api, apiRequest } from '../api/client';
import { isApiError } from '../api/problem';

/** Sends the proof that `challenge` was solved, in ALTCHA's payload format (base64 JSON). */
async function solve(challenge: ChallengeInfo): Promise<string> {
  // Loaded only when asked for: most reports are sent without a challenge.
  const { solveChallenge } = await import('altcha-lib/v1');
  const solution = await solveChallenge(
    challenge.challenge,
    challenge.salt,
    challenge.algorithm,
    challenge.maxnumber,
  ).promise;
  if (!solution) throw new Error('the challenge has no solution');
  const { maxnumber: _max, ...signed } = challenge;
  return btoa(JSON.stringify({ ...signed, number: solution.number }));
}

/**
 * Posts a public form. When many reports came from here, for this ID number or this destination
 * lately, the server asks for a solved proof-of-work challenge first (428): the page fetches one,
 * solves it in the browser (a fraction of a second, no outside service) and sends again, unseen.
 */
export async function postWithChallenge<T>(path: string, body: unknown): Promise<T> {
  try {
    return await api.post<T>(path, body);
  } catch (error) {
    if (!isApiError(error) || error.status !== 428) throw error;
  }
  const challenge = await api.get<ChallengeInfo>('/public/challenge');
  return apiRequest<T>('POST', path, body, { 'x-challenge': await solve(challenge) });
}
