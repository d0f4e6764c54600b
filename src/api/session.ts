import { type Static, Type } from 'typebox';
import { ROLES } from '../rules/roles.js';
import { DateTime, Nullable, SafeText } from './common.js';

/** The signed-in user as the API sends it: roles, the permissions they grant, and the subtrees. */
export const MeView = Type.Object({
  userId: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.Enum(ROLES)),
  permissions: Type.Array(Type.String()),
  scopes: Type.Array(Type.String()),
});

/** A bearer API token, shown once, with the moment it stops working. */
export const ApiTokenView = Type.Object({ id: Type.String(), token: Type.String(), expiresAt: DateTime });

/** The longest lifetime a token may be given, in days, and the one it gets when none is chosen. */
export const API_TOKEN_MAX_DAYS = 365;
export const API_TOKEN_DEFAULT_DAYS = 90;

export const NewApiTokenBody = Type.Object(
  {
    name: SafeText(100, { minLength: 1 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: API_TOKEN_MAX_DAYS })),
  },
  { additionalProperties: false },
);

/** A token as its owner sees it in the list: never the token itself, only what it is and how it was used. */
export const ApiTokenRecordView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: DateTime,
  expiresAt: DateTime,
  firstUsedAt: Nullable(DateTime),
  lastUsedAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
  revokedReason: Nullable(Type.Union([Type.Literal('revoked'), Type.Literal('user_deactivated')])),
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
});

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

/** How many other sessions the change signed out. */
export const PasswordChangeView = Type.Object({ endedSessions: Type.Integer() });

export type Me = Static<typeof MeView>;
export type ApiToken = Static<typeof ApiTokenView>;
export type NewApiToken = Static<typeof NewApiTokenBody>;
export type ApiTokenRecord = Static<typeof ApiTokenRecordView>;
export type PasswordChange = Static<typeof PasswordChangeBody>;
export type PasswordChangeResult = Static<typeof PasswordChangeView>;
