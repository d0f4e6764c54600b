import { Type } from 'typebox';
import { Uuid } from '../../api/common.js';
import { ApiTokenRecordView } from '../../api/session.js';
import { NewUserBody, UserPatchBody, UserView } from '../../api/users.js';
import {
  changesNeedSession,
  createUser,
  listUsers,
  managedUser,
  updateUser,
} from '../../platform/access/accounts.js';
import { listTokensOfUser, requireSession, revokeTokenOfUser } from '../../platform/access/apiTokens.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf, SESSION_COOKIE } from '../../platform/http/auth.js';

const tags = ['users'];

export function userRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/users',
    {
      config: { permission: 'user.read' },
      schema: {
        tags,
        summary: 'Accounts administered within your jurisdiction',
        response: { 200: Type.Array(UserView) },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        listUsers(tx, { secret: ctx.config.secret, now: ctx.now() }),
      ),
  );

  api.post(
    '/users',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Create an account with roles within subtrees of your own',
        body: NewUserBody,
        response: { 201: UserView },
      },
    },
    async (request, reply) => {
      // Refusals of token callers are audited before the transaction, whose rollback would drop them.
      await requireSession(ctx.db, actorOf(request), 'user_create_refused');
      const user = await withScope(ctx.db, actorOf(request), (tx) =>
        createUser(tx, actorOf(request), request.body),
      );
      return reply.status(201).send(user);
    },
  );

  api.patch(
    '/users/:id',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary:
          'Change roles, scopes, password, or disable an account. A new password ends the account’s sessions ' +
          '(the caller’s own stays); disabling ends them and revokes its API tokens for good',
        params: Type.Object({ id: Uuid }),
        body: UserPatchBody,
        response: { 200: UserView },
      },
    },
    async (request) => {
      if (changesNeedSession(request.body))
        await requireSession(ctx.db, actorOf(request), 'user_update_refused', { userId: request.params.id });
      return withScope(ctx.db, actorOf(request), (tx) =>
        updateUser(tx, actorOf(request), request.params.id, request.body, {
          secret: ctx.config.secret,
          now: ctx.now(),
          currentSession: request.cookies[SESSION_COOKIE],
        }),
      );
    },
  );

  api.get(
    '/users/:id/tokens',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'The API tokens of an account you administer: names, expiry, use, revocation',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Array(ApiTokenRecordView) },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), async (tx) => {
        const user = await managedUser(tx, actorOf(request), request.params.id);
        return listTokensOfUser(tx, user.id, ctx.now());
      }),
  );

  api.delete(
    '/users/:id/tokens/:tokenId',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Revoke an API token of an account you administer, at once and for good',
        params: Type.Object({ id: Uuid, tokenId: Uuid }),
        response: { 200: ApiTokenRecordView },
      },
    },
    async (request) => {
      await requireSession(ctx.db, actorOf(request), 'revoke_refused', { userId: request.params.id });
      return withScope(ctx.db, actorOf(request), async (tx) => {
        const user = await managedUser(tx, actorOf(request), request.params.id);
        return revokeTokenOfUser(tx, actorOf(request), user, request.params.tokenId, ctx.now());
      });
    },
  );
}
