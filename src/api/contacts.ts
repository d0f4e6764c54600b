import { type Static, Type } from 'typebox';
import { DateTime, JurisdictionCode, Nullable, Page, SafeText, Uuid } from './common.js';

/** Contacts of a case (EPI-4): close, secondary close and general, pushed to control by a plan. */

const CONTACT_CLASSES = ['close', 'secondary_close', 'general'] as const;
const ContactClassSchema = Type.Enum(CONTACT_CLASSES);
const CONTACT_STATUSES = ['identified', 'under_control', 'released', 'discarded'] as const;
const EXPOSURE_KINDS = ['venue', 'checkpoint', 'household', 'workplace', 'transport', 'other'] as const;

const Text = Type.Object({ zh: Type.String(), en: Type.String() });
const IdHashHex = Type.String({ pattern: '^[0-9a-fA-F]{64}$', maxLength: 64 });

/** Where and when the contact met the case (or, for a secondary close contact, the close contact). */
export const ExposureBody = Type.Object(
  {
    kind: Type.Enum(EXPOSURE_KINDS),
    venueId: Type.Optional(Uuid),
    checkpointId: Type.Optional(Uuid),
    place: Type.Optional(SafeText(200)),
    at: DateTime,
    overlapMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);

/** Contract 3: co-exposure results made contacts in one action. */
export const BatchBody = Type.Object(
  {
    caseId: Uuid,
    class: ContactClassSchema,
    reason: SafeText(500, { minLength: 1 }),
    /** Secondary close contacts: the close contact they met (contacts of contacts). */
    sourceContactId: Type.Optional(Uuid),
    candidates: Type.Array(
      Type.Object(
        {
          /** The keyed hash of the ID number as the co-exposure search gives it (hex)… */
          idHash: Type.Optional(IdHashHex),
          /** …or a registered person (a household member, a derived candidate). */
          personId: Type.Optional(Uuid),
          exposure: ExposureBody,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

const Named = Type.Object({ contactId: Uuid, name: Type.String() });
export const BatchResult = Type.Object({
  created: Type.Array(Named),
  existing: Type.Array(Named),
  rejected: Type.Array(Type.Object({ index: Type.Integer(), code: Type.String(), message: Text })),
});

/** One contact typed by hand: a registered person, or name + ID number + phone + residence. */
export const CreateBody = Type.Object(
  {
    caseId: Uuid,
    class: ContactClassSchema,
    reason: SafeText(500, { minLength: 1 }),
    sourceContactId: Type.Optional(Uuid),
    personId: Type.Optional(Uuid),
    name: Type.Optional(SafeText(50, { minLength: 1 })),
    idNumber: Type.Optional(Type.String({ pattern: '^[0-9]{17}[0-9Xx]$', maxLength: 18 })),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^1[0-9]{10}$', maxLength: 11 }))),
    jurisdictionCode: Type.Optional(JurisdictionCode),
    exposure: ExposureBody,
  },
  { additionalProperties: false },
);

export const ReclassifyBody = Type.Object(
  { class: ContactClassSchema, reason: SafeText(500, { minLength: 1 }) },
  { additionalProperties: false },
);
export const ReasonBody = Type.Object(
  { reason: SafeText(500, { minLength: 1 }) },
  { additionalProperties: false },
);

export const ContactQuery = Type.Object({
  caseId: Type.Optional(Uuid),
  class: Type.Optional(ContactClassSchema),
  status: Type.Optional(Type.Enum(CONTACT_STATUSES)),
  jurisdiction: Type.Optional(JurisdictionCode),
  /** Only contacts whose transfer or hand-over is open (due or overdue). */
  open: Type.Optional(Type.Boolean()),
});

const DeadlineSummary = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Text,
  dueAt: DateTime,
  ownerRole: Type.String(),
  jurisdictionCode: Type.String(),
  state: Type.Union([
    Type.Literal('open'),
    Type.Literal('overdue'),
    Type.Literal('done'),
    Type.Literal('cancelled'),
  ]),
  doneAt: Nullable(DateTime),
});

export const ContactItem = Type.Object({
  id: Uuid,
  caseId: Uuid,
  class: ContactClassSchema,
  status: Type.Enum(CONTACT_STATUSES),
  /** Null when the person is outside the caller's scope (a contact handed to another county). */
  personName: Nullable(Type.String()),
  personIdMasked: Nullable(Type.String()),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  sourceCode: Type.String(),
  addressUnverified: Type.Boolean(),
  exposureKind: Type.Enum(EXPOSURE_KINDS),
  exposureAt: DateTime,
  identifiedAt: DateTime,
  handoverState: Nullable(Type.Union([Type.Literal('pending'), Type.Literal('accepted')])),
  /** The caller's county works the contact (false: handed to another county, status only). */
  mine: Type.Boolean(),
  /** The first open deadline (the 12-hour transfer, the hand-over, the home isolation). */
  nextDeadline: Nullable(DeadlineSummary),
});
export const ContactPage = Page(ContactItem);

const PlanStep = Type.Object({
  kind: Type.String(),
  withinHours: Type.Optional(Type.Integer()),
  singleRoom: Type.Optional(Type.Boolean()),
  day: Type.Optional(Type.Integer()),
  date: Type.Optional(Type.String()),
  untilDay: Type.Optional(Type.Integer()),
  untilDate: Type.Optional(Type.String()),
  test: Type.Optional(Type.String()),
  title: Text,
  dueAt: DateTime,
  elapsed: Type.Optional(Type.Boolean()),
  catchUp: Type.Optional(Type.Boolean()),
  source: Type.Object({
    document: Type.String(),
    section: Type.String(),
    quote: Type.Optional(Type.String()),
  }),
  /** The cited document's title, for 《title》第N条. */
  documentTitle: Nullable(Type.String()),
  assumption: Type.Optional(Type.Boolean()),
  reason: Type.Optional(Type.String()),
});

export const ContactView = Type.Object({
  ...ContactItem.properties,
  reason: Type.String(),
  sourceContactId: Nullable(Uuid),
  exposure: Type.Object({
    kind: Type.Enum(EXPOSURE_KINDS),
    venueId: Nullable(Uuid),
    checkpointId: Nullable(Uuid),
    place: Nullable(Type.String()),
    at: DateTime,
    overlapMinutes: Nullable(Type.Integer()),
  }),
  identifiedByName: Type.String(),
  plan: Nullable(
    Type.Object({
      packId: Nullable(Type.String()),
      packVersion: Nullable(Type.String()),
      timeZone: Type.String(),
      day0: Type.String(),
      endDate: Type.String(),
      steps: Type.Array(PlanStep),
    }),
  ),
  deadlines: Type.Array(DeadlineSummary),
  events: Type.Array(
    Type.Object({ at: DateTime, actorName: Type.String(), kind: Type.String(), detail: Type.Unknown() }),
  ),
  closeReason: Nullable(Type.String()),
  handoverAcceptedAt: Nullable(DateTime),
  version: Type.Integer(),
});
export type ContactViewT = Static<typeof ContactView>;
export type ContactItemT = Static<typeof ContactItem>;

/** Contacts of contacts: secondary close contact candidates derived from a close contact. */
export const SecondaryCandidates = Type.Object({
  items: Type.Array(
    Type.Object({
      via: Type.Union([Type.Literal('co_exposure'), Type.Literal('household')]),
      idHash: Nullable(Type.String()),
      personId: Nullable(Uuid),
      name: Type.String(),
      idMasked: Nullable(Type.String()),
      at: DateTime,
      place: Nullable(Type.String()),
      venueId: Nullable(Uuid),
      overlapMinutes: Nullable(Type.Integer()),
      alreadyContact: Type.Boolean(),
    }),
  ),
  coExposureAvailable: Type.Boolean(),
});

export type ContactPageT = Static<typeof ContactPage>;
export type ContactClassT = Static<typeof ContactClassSchema>;
export type BatchBodyT = Static<typeof BatchBody>;
export type BatchResultT = Static<typeof BatchResult>;
export type CreateBodyT = Static<typeof CreateBody>;
export type SecondaryCandidatesT = Static<typeof SecondaryCandidates>;
