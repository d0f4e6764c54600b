import { type Static, Type } from 'typebox';
import { JurisdictionCode, Nullable, OptionalNullable, SafeText, Uuid } from './common.js';

/** Investigation teams (EPI-6, 003 §3.4.6): field teams, the big-data working group, the reserve. */
export const EPI_TEAM_KINDS = ['field', 'big_data', 'reserve'] as const;
export const EPI_TEAM_ROLES = ['lead', 'investigator', 'analyst', 'assistant'] as const;
export const EpiTeamKind = Type.Enum(EPI_TEAM_KINDS);
export const EpiTeamRole = Type.Enum(EPI_TEAM_ROLES);

export const EpiTeamMemberView = Type.Object({
  id: Type.String(),
  teamId: Type.String(),
  /** An account's id, or null for a reserve person without an account. */
  userId: Nullable(Type.String()),
  displayName: Type.String(),
  role: EpiTeamRole,
  /** The village/community a reserve assistant stands ready for. */
  villageCode: Nullable(Type.String()),
  villageName: Nullable(Type.String()),
  /** A reserve person's phone, always masked; the whole number only through the audited reveal. */
  phoneMasked: Nullable(Type.String()),
  active: Type.Boolean(),
});

export const EpiTeamView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: EpiTeamKind,
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  active: Type.Boolean(),
  members: Type.Array(EpiTeamMemberView),
});

export const EpiTeamListView = Type.Object({
  items: Type.Array(EpiTeamView),
  /** EPI-6: counties in the jurisdiction without an active big-data working group (大数据工作组). */
  countiesWithoutBigData: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});

export const EpiTeamBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    name: SafeText(60, { minLength: 1 }),
    kind: EpiTeamKind,
    jurisdictionCode: JurisdictionCode,
  },
  { additionalProperties: false },
);

export const EpiTeamPatchBody = Type.Object(
  {
    name: Type.Optional(SafeText(60, { minLength: 1 })),
    /** false deactivates the team (its members leave the reserve counts); true restores it. */
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** A member: an account (userId), or a reserve person by name and phone. */
export const EpiTeamMemberBody = Type.Object(
  {
    /** Given by the client to retry safely; the same id again returns the stored member. */
    id: Type.Optional(Uuid),
    userId: OptionalNullable(Uuid),
    name: OptionalNullable(SafeText(50, { minLength: 1 })),
    phone: OptionalNullable(SafeText(20)),
    role: EpiTeamRole,
    villageCode: OptionalNullable(JurisdictionCode),
  },
  { additionalProperties: false },
);

export const EpiTeamMemberPatchBody = Type.Object(
  {
    role: Type.Optional(EpiTeamRole),
    villageCode: OptionalNullable(JurisdictionCode),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const RevealBody = Type.Object(
  { reason: SafeText(200, { minLength: 2 }) },
  { additionalProperties: false },
);
export const RevealedPhoneView = Type.Object({ phone: Nullable(Type.String()) });

/** EPI-6: the reserve of epi assistants per village/community against 3–5, and per town. */
export const ReserveStatus = Type.Enum(['short', 'ready', 'over']);
export const ReserveView = Type.Object({
  jurisdictionCode: Type.String(),
  min: Type.Integer(),
  max: Type.Integer(),
  villages: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      townCode: Nullable(Type.String()),
      townName: Nullable(Type.String()),
      count: Type.Integer(),
      missing: Type.Integer(),
      status: ReserveStatus,
    }),
  ),
  towns: Type.Array(
    Type.Object({
      townCode: Nullable(Type.String()),
      townName: Nullable(Type.String()),
      villages: Type.Integer(),
      short: Type.Integer(),
      over: Type.Integer(),
      assistants: Type.Integer(),
    }),
  ),
  summary: Type.Object({
    villages: Type.Integer(),
    short: Type.Integer(),
    ready: Type.Integer(),
    over: Type.Integer(),
  }),
});

/** Accounts in the jurisdiction that may be added to a team. */
export const EpiTeamAccountView = Type.Object({
  items: Type.Array(
    Type.Object({ userId: Type.String(), displayName: Type.String(), jurisdictionCode: Type.String() }),
  ),
});

export type EpiTeamKind = Static<typeof EpiTeamKind>;
export type EpiTeamRole = Static<typeof EpiTeamRole>;
export type EpiTeam = Static<typeof EpiTeamView>;
export type EpiTeamMember = Static<typeof EpiTeamMemberView>;
export type EpiTeamList = Static<typeof EpiTeamListView>;
export type EpiTeamBody = Static<typeof EpiTeamBody>;
export type EpiTeamPatchBody = Static<typeof EpiTeamPatchBody>;
export type EpiTeamMemberBody = Static<typeof EpiTeamMemberBody>;
export type EpiTeamMemberPatchBody = Static<typeof EpiTeamMemberPatchBody>;
export type Reserve = Static<typeof ReserveView>;
export type EpiTeamAccounts = Static<typeof EpiTeamAccountView>;
