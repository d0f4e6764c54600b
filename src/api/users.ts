import { type Static, Type } from 'typebox';
import { ROLES } from '../rules/roles.js';
import { JurisdictionCode, SafeText } from './common.js';

/** Accounts as the API sends them, and the bodies that create and change them. */
export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  scopes: Type.Array(Type.String()),
  active: Type.Boolean(),
  locked: Type.Boolean(),
});

const Roles = Type.Array(Type.Enum(ROLES), { minItems: 1, maxItems: ROLES.length });
const Scopes = Type.Array(JurisdictionCode, { minItems: 1, maxItems: 20 });
const Password = Type.String({ minLength: 1, maxLength: 256 });

export const NewUserBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9_.-]{3,32}$' }),
    displayName: SafeText(50, { minLength: 1 }),
    password: Password,
    roles: Roles,
    scopes: Scopes,
  },
  { additionalProperties: false },
);

/** Change roles, scopes, password, or disable an account. */
export const UserPatchBody = Type.Object(
  {
    displayName: Type.Optional(SafeText(50, { minLength: 1 })),
    roles: Type.Optional(Roles),
    scopes: Type.Optional(Scopes),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);

export type User = Static<typeof UserView>;
export type NewUser = Static<typeof NewUserBody>;
export type UserPatch = Static<typeof UserPatchBody>;
