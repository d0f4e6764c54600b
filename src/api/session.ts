import { type Static, Type } from 'typebox';
import { ROLES } from '../rules/roles.js';

/** The signed-in user as the API sends it: roles, the permissions they grant, and the subtrees. */
export const MeView = Type.Object({
  userId: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.Enum(ROLES)),
  permissions: Type.Array(Type.String()),
  scopes: Type.Array(Type.String()),
});

/** A bearer API token, shown once. */
export const ApiTokenView = Type.Object({ id: Type.String(), token: Type.String() });

export type Me = Static<typeof MeView>;
export type ApiToken = Static<typeof ApiTokenView>;
