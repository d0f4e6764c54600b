import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '../../rules/roles.js';
import type { Actor } from '../access/actor.js';
import { API_TOKEN_PREFIX, actorFromApiToken, actorFromSession } from '../access/authenticate.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';

export const SESSION_COOKIE = 'fk_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in; such routes are few and listed by this flag. */
    public?: boolean;
    /** The permission a caller needs; checked before the body is even read. */
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

async function resolveActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | undefined> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice(7).trim();
    return token.startsWith(API_TOKEN_PREFIX) ? actorFromApiToken(ctx.db, token, ctx.now()) : undefined;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? actorFromSession(ctx.db, cookie, ctx.now()) : undefined;
}

/** Every /api route needs a signed-in caller with the route's permission, unless marked public. */
export function registerAuth(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    // The docs pages are public; the API they describe is not.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs') || request.is404) return;
    const config = request.routeOptions.config;
    if (config.public) return;
    const actor = await resolveActor(ctx, request);
    if (!actor) throw new AppError('unauthenticated');
    if (config.permission && !actor.permissions.has(config.permission)) throw new AppError('forbidden');
    request.actor = actor;
  });
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}
