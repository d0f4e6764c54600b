import { Type } from 'typebox';
import { JurisdictionCode, SafeText, Uuid } from '../../api/common.js';
import { createUser, listUsers, updateUser } from '../../platform/access/accounts.js';
import { withScope } from '../../platform/access/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { TypedApp } from '../../platform/http/app.js';
import { actorOf } from '../../platform/http/auth.js';
import { ROLES } from '../../rules/roles.js';

const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  scopes: Type.Array(Type.String()),
  active: Type.Boolean(),
  locked: Type.Boolean(),
});
const RoleName = Type.Union(ROLES.map((role) => Type.Literal(role)));
const Roles = Type.Array(RoleName, { minItems: 1, maxItems: ROLES.length });
const Scopes = Type.Array(JurisdictionCode, { minItems: 1, maxItems: 20 });
const Password = Type.String({ minLength: 1, maxLength: 256 });
const tags = ['users'];

export function userRoutes(api: TypedApp, ctx: AppContext) {
  api.get(
    '/users',
    {
      config: { permission: 'user.read' },
      schema: {
        tags,
        summary: 'Accounts administered within your jurisdiction',
        response: { 200: Type.Array(User) },
      },
    },
    (request) => withScope(ctx.db, actorOf(request), (tx) => listUsers(tx)),
  );

  api.post(
    '/users',
    {
      config: { permission: 'user.admin' },
      schema: {
        tags,
        summary: 'Create an account with roles within subtrees of your own',
        body: Type.Object(
          {
            username: Type.String({ pattern: '^[a-z0-9_.-]{3,32}$' }),
            displayName: SafeText(50, { minLength: 1 }),
            password: Password,
            roles: Roles,
            scopes: Scopes,
          },
          { additionalProperties: false },
        ),
        response: { 201: User },
      },
    },
    async (request, reply) => {
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
        summary: 'Change roles, scopes, password, or disable an account',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            displayName: Type.Optional(SafeText(50, { minLength: 1 })),
            roles: Type.Optional(Roles),
            scopes: Type.Optional(Scopes),
            active: Type.Optional(Type.Boolean()),
            password: Type.Optional(Password),
          },
          { additionalProperties: false },
        ),
        response: { 200: User },
      },
    },
    (request) =>
      withScope(ctx.db, actorOf(request), (tx) =>
        updateUser(tx, actorOf(request), request.params.id, request.body),
      ),
  );
}
