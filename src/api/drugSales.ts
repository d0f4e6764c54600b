import { type Static, Type } from 'typebox';
import { DRUG_CLASSES, FOLLOW_UP_OUTCOMES } from '../rules/drugSales.js';
import { DateTime, JurisdictionCode, Nullable, OptionalNullable, SafeText, Uuid } from './common.js';

/** Four-class drug sales (MON-2, 004 §11): outlets, sales with the buyer's identity, follow-ups. */
export const OUTLET_KINDS = ['pharmacy', 'online_pharmacy', 'clinic', 'health_centre'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

export const OutletView = Type.Object({
  id: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  name: Type.String(),
  kind: Type.Enum(OUTLET_KINDS),
});

export const OutletBody = Type.Object(
  {
    id: Type.Optional(Uuid),
    name: SafeText(60, { minLength: 1 }),
    kind: Type.Enum(OUTLET_KINDS),
    jurisdictionCode: JurisdictionCode,
  },
  { additionalProperties: false },
);

/** A sale's fields; `saleId` is the client's id, so a retry never doubles. Values are checked row by row. */
const saleFields = {
  saleId: SafeText(64, { minLength: 1 }),
  idNumber: Type.String({ maxLength: 40 }),
  buyerName: OptionalNullable(Type.String({ maxLength: 50 })),
  phone: OptionalNullable(Type.String({ maxLength: 30 })),
  classes: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 4 }),
  quantity: OptionalNullable(Type.Integer()),
};

/** One sale as a till sends it in a batch, with its time (now when left out). */
const SaleItem = Type.Object(
  { ...saleFields, soldAt: OptionalNullable(DateTime) },
  { additionalProperties: false },
);

/** One sale at the counter (MON-2): sold now, at the outlet the device works at. */
export const SaleBody = Type.Object({ outletId: Uuid, ...saleFields }, { additionalProperties: false });

export const SaleBatchBody = Type.Object(
  { outletId: Uuid, sales: Type.Array(SaleItem, { minItems: 1, maxItems: 5000 }) },
  { additionalProperties: false },
);

const RowErrorSchema = Type.Object({
  line: Type.Integer(),
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
  message_zh: Type.String(),
});

/** What an import or a batch did: rows written, rows already there, rows refused with line and reason. */
export const SaleIngestReport = Type.Object({
  rows: Type.Integer(),
  inserted: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  errors: Type.Array(RowErrorSchema),
});

/** A sale as lists show it: the buyer masked, never linked to a person record. */
export const SaleView = Type.Object({
  id: Type.String(),
  outletId: Type.String(),
  outletName: Type.String(),
  jurisdictionCode: Type.String(),
  jurisdictionName: Nullable(Type.String()),
  soldAt: Type.String(),
  classes: Type.Array(Type.Enum(DRUG_CLASSES)),
  quantity: Nullable(Type.Integer()),
  buyerNameMasked: Nullable(Type.String()),
  idNumberMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  followUp: Nullable(
    Type.Object({
      outcome: Type.Enum(FOLLOW_UP_OUTCOMES),
      contacted: Type.Boolean(),
      note: Nullable(Type.String()),
      at: Type.String(),
    }),
  ),
  /** When the follow-up is due (MON-2): 24 hours after the first sale of its outlet and day awaiting it. */
  dueAt: Nullable(Type.String()),
});

export const CounterSaleReply = Type.Object({ sale: SaleView, created: Type.Boolean() });

export const SaleIdentity = Type.Object({
  buyerName: Nullable(Type.String()),
  idNumber: Type.String(),
  phone: Nullable(Type.String()),
});

export const FollowUpBody = Type.Object(
  {
    saleIds: Type.Array(Uuid, { minItems: 1, maxItems: 500 }),
    contacted: Type.Boolean(),
    outcome: Type.Enum(FOLLOW_UP_OUTCOMES),
    note: OptionalNullable(SafeText(500)),
  },
  { additionalProperties: false },
);

export const FollowUpReply = Type.Object({
  recorded: Type.Integer(),
  alreadyDone: Type.Integer(),
  deadlinesClosed: Type.Integer(),
});

export type OutletViewType = Static<typeof OutletView>;
export type OutletInput = Static<typeof OutletBody>;
export type SaleViewType = Static<typeof SaleView>;
export type CounterSaleInput = Static<typeof SaleBody>;
export type CounterSaleResult = Static<typeof CounterSaleReply>;
export type FollowUpInput = Static<typeof FollowUpBody>;
export type FollowUpResult = Static<typeof FollowUpReply>;
export type SaleIdentityType = Static<typeof SaleIdentity>;
