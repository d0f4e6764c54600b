import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mayChangeState } from '../../rules/requestOrigin.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

/** The one header from which auth.ts takes the caller instead of the session cookie. */
const carriesApiToken = (request: FastifyRequest) =>
  request.headers.authorization?.startsWith('Bearer ') ?? false;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Cross-site request forgery: a foreign page can make a signed-in user's browser send a write
 * with the session cookie (a form posting text/plain or multipart needs no preflight). So every
 * POST, PUT, PATCH and DELETE must come from the platform's own pages, by the Origin header (or
 * Sec-Fetch-Site, or Referer; see rules/requestOrigin.ts), before the caller is even looked up.
 *
 * - A request carrying a bearer API token is exempt: a browser never adds that header on its own,
 *   and with it auth.ts ignores the session cookie.
 * - Public routes are checked alike: the public landing and truck forms are pages of this same
 *   origin, so they pass; sign-in from a foreign page is refused (it would sign a victim's browser
 *   into the attacker's account); and a public form posted from another site is refused too.
 * - The platform's own origin is the host the browser addressed, or FANGKONG_PUBLIC_URL.
 */
export function registerSameOriginCheck(app: FastifyInstance, config: Config) {
  // No route reads text/plain, and it is a body any page may post without a preflight: refused
  // (415) by every route, body-less ones included, whatever the origin.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request) => {
    if (carriesApiToken(request)) return;
    const allowed = mayChangeState({
      method: request.method,
      origin: single(request.headers.origin),
      secFetchSite: single(request.headers['sec-fetch-site']),
      referer: single(request.headers.referer),
      host: request.host,
      publicUrl: config.publicUrl,
    });
    if (!allowed) throw new AppError('cross_origin');
  });
}
