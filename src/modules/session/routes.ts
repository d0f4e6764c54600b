import { Type } from 'typebox';
import { SafeText, Uuid } from '../../api/common.js';
import {
  ApiTokenRecordView,
  ApiTokenView,
  MeView,
  NewApiTokenBody,
  PasswordChangeBody,
  PasswordChangeView,
} from '../../api/session.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../../platform/access/apiTokens.js';
import { signIn, signOut } from '../../platform/access/authenticate.js';
import { changeOwnPassword } from '../../platform/access/passwordChange.js';
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
    '/session/password',
    {
      // As sign-in: each request may run the password hash and the guessability check.
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['session'],
        summary:
          'Change your own password (signed in with a session, not a token); your other sessions end, this one stays',
        body: PasswordChangeBody,
        response: { 200: PasswordChangeView },
      },
    },
    (request) =>
      changeOwnPassword(
        ctx.db,
        ctx.config,
        actorOf(request),
        { ...request.body, currentSession: request.cookies[SESSION_COOKIE] },
        ctx.now(),
      ),
  );

  api.get(
    '/session/tokens',
    {
      schema: {
        tags: ['session'],
        summary:
          'Your API tokens: names, expiry, first and last use, revocation (never the tokens themselves)',
        response: { 200: Type.Array(ApiTokenRecordView) },
      },
    },
    (request) => listApiTokens(ctx.db, actorOf(request), ctx.now()),
  );

  api.post(
    '/session/tokens',
    {
      schema: {
        tags: ['session'],
        summary:
          'Create a bearer API token for a system acting as the signed-in user; shown once. It expires ' +
          '(90 days unless chosen, at most 365); a token-authenticated request cannot create one',
        body: NewApiTokenBody,
        response: { 201: ApiTokenView },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(ctx.db, actorOf(request), request.body, ctx.now());
      return reply.status(201).send(created);
    },
  );

  api.delete(
    '/session/tokens/:id',
    {
      schema: {
        tags: ['session'],
        summary: 'Revoke one of your API tokens at once and for good',
        params: Type.Object({ id: Uuid }),
        response: { 200: ApiTokenRecordView },
      },
    },
    (request) => revokeApiToken(ctx.db, actorOf(request), request.params.id, ctx.now()),
  );
}
