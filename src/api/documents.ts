import { type Static, Type } from 'typebox';
import { IsoDate, Nullable, SafeText } from './common.js';

/** Source documents that policy packs cite (issue 12, Deliver 2), and the citations into each. */

const AssumedField = Type.Union([Type.Literal('issuer'), Type.Literal('issuedOn')]);

/** A registered document without its text. */
export const DocumentSummaryView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  /** The name a citation tag shows, where the title is too long for one. */
  shortTitle: Nullable(Type.String()),
  issuer: Type.String(),
  number: Nullable(Type.String()),
  issuedOn: Nullable(Type.String()),
  /** Fields the document does not state, assumed for the reason given. */
  assumed: Type.Array(AssumedField),
  assumptionReason: Nullable(Type.String()),
  loadedAt: Type.String(),
  /** Citations into it by the loaded pack versions. */
  citationCount: Type.Integer(),
});

const Span = Type.Object({ start: Type.Integer(), end: Type.Integer() });
const Text = Type.Object({ zh: Type.String(), en: Type.String() });

/** One citation of a loaded pack version into the document, and where its quoted words are. */
export const CitationView = Type.Object({
  packId: Type.String(),
  packVersion: Type.String(),
  packTitle: Text,
  /** Where the citation sits in the pack: `protocols[0].tests[1].source`. */
  path: Type.String(),
  /** The protocol it belongs to, if any, and what it cites for: `tests`, `phases`, `source` (the pack's own). */
  protocolTitle: Nullable(Text),
  item: Type.String(),
  section: Type.String(),
  quote: Nullable(Type.String()),
  /** Whether every part of the quote is in the text (packs loaded before the check may fail it). */
  found: Type.Boolean(),
  /** Each found part of the quote: [start, end) in UTF-16 units of `fullText`. */
  spans: Type.Array(Span),
});

export const DocumentDetailView = Type.Object({
  ...DocumentSummaryView.properties,
  fullText: Type.String(),
  citations: Type.Array(CitationView),
});

/** Longest text accepted: the five shipped documents have 5,000 to 12,000 characters each. */
export const MAX_DOCUMENT_CHARACTERS = 200_000;

export const RegisterDocumentBody = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
    title: SafeText(200, { minLength: 1 }),
    shortTitle: Type.Optional(Nullable(SafeText(60, { minLength: 1 }))),
    issuer: SafeText(200, { minLength: 1 }),
    number: Type.Optional(Nullable(SafeText(100, { minLength: 1 }))),
    issuedOn: Type.Optional(Nullable(IsoDate)),
    assumed: Type.Optional(Type.Array(AssumedField, { maxItems: 2, uniqueItems: true })),
    assumptionReason: Type.Optional(Nullable(SafeText(1000, { minLength: 1 }))),
    /** Line breaks and tabs are kept; other control characters are refused (documents_text_control). */
    fullText: Type.String({ minLength: 1, maxLength: MAX_DOCUMENT_CHARACTERS }),
  },
  { additionalProperties: false },
);

export type DocumentSummary = Static<typeof DocumentSummaryView>;
export type DocumentDetail = Static<typeof DocumentDetailView>;
export type Citation = Static<typeof CitationView>;
export type RegisterDocument = Static<typeof RegisterDocumentBody>;
