import { createHash } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';

let address = 0;

/**
 * ALTCHA's search, done with node:crypto's synchronous hash: the browser's Web Crypto solver the
 * page uses costs each hash a promise, tolerable once in a browser but slow over a test's dozens.
 */
function solve(challenge: {
  algorithm: string;
  challenge: string;
  salt: string;
  maxnumber?: number;
}): number {
  const algorithm = challenge.algorithm.replace('-', '').toLowerCase();
  for (let n = 0; n <= (challenge.maxnumber ?? 1_000_000); n++) {
    if (
      createHash(algorithm)
        .update(challenge.salt + n)
        .digest('hex') === challenge.challenge
    )
      return n;
  }
  throw new Error('the challenge has no solution');
}

/** A solved proof-of-work challenge, as the public pages send it in the x-challenge header. */
export async function solvedChallenge(app: FastifyInstance): Promise<string> {
  const challenge = (
    await app.inject({
      method: 'GET',
      url: '/api/public/challenge',
      remoteAddress: `10.250.0.${++address % 250}`,
    })
  ).json();
  const { maxnumber: _max, ...signed } = challenge;
  return Buffer.from(JSON.stringify({ ...signed, number: solve(challenge) })).toString('base64');
}

/**
 * A public form's POST as the page sends it: when asked for a challenge (428) it solves one and
 * sends again, unless `solve` is false.
 */
export async function publicSubmit(
  app: FastifyInstance,
  options: InjectOptions & { solve?: boolean },
): Promise<Awaited<ReturnType<FastifyInstance['inject']>>> {
  const { solve, ...request } = options;
  const first = await app.inject(request);
  if (first.statusCode !== 428 || solve === false) return first;
  const headers = { ...(request.headers ?? {}), 'x-challenge': await solvedChallenge(app) };
  return app.inject({ ...request, headers });
}
