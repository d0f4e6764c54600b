import { Type } from 'typebox';
import { SafeText } from '../../api/common.js';
import { ApiTokenView, MeView } from '../../api/session.js';
import { createApiToken, signIn, signOut } from '../../platform/access/authenticate.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf, SESSION_COOKIE } from '../../platform/http/auth.js';
import { cookiesSecure } from '../../platform/http/publicUrl.js';

const Credentials = Type.Object(
  { username: SafeText(64, { minLength: 1 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export function sessionRoutes(api: TypedApp, ctx: AppContext) {
  api.post(
    '/session',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        summary: 'Sign in; sets an HTTP-only session cookie',
        body: Credentials,
        response: { 200: MeView },
      },
    },
    async (request, reply) => {
      const { token, actor, expiresAt } = await signIn(
        ctx.db,
        ctx.config,
        request.body.username,
        request.body.password,
        ctx.now(),
      );
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: cookiesSecure(request, ctx.config),
        expires: expiresAt,
      });
      return {
        ...actor,
        permissions: [...actor.permissions],
        roles: [...actor.roles],
        scopes: [...actor.scopes],
      };
    },
  );

  api.get(
    '/session',
    { schema: { tags: ['session'], summary: 'The signed-in user', response: { 200: MeView } } },
    async (request) => {
      const actor = actorOf(request);
      return {
        ...actor,
        permissions: [...actor.permissions],
        roles: [...actor.roles],
        scopes: [...actor.scopes],
      };
    },
  );

  api.delete(
    '/session',
    { schema: { tags: ['session'], summary: 'Sign out', response: { 204: Type.Null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(ctx.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/session/tokens',
    {
      schema: {
        tags: ['session'],
        summary: 'Create a bearer API token for a system acting as the signed-in user; shown once',
        body: Type.Object({ name: SafeText(100, { minLength: 1 }) }, { additionalProperties: false }),
        response: { 201: ApiTokenView },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(ctx.db, actorOf(request), request.body.name);
      return reply.status(201).send(created);
    },
  );
}
