import type { RegisterDocument } from '../../api/documents.js';
import type { Queryable } from '../../platform/db/types.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { CitedDocument } from '../../rules/policy/citations.js';

/** A document as registered: every field given, null where the document has none. */
export type SourceDocument = Required<{
  [K in keyof RegisterDocument]: Exclude<RegisterDocument[K], undefined>;
}>;

export function completeDocument(input: RegisterDocument): SourceDocument {
  return {
    id: input.id,
    title: input.title,
    shortTitle: input.shortTitle ?? null,
    issuer: input.issuer,
    number: input.number ?? null,
    issuedOn: input.issuedOn ?? null,
    assumed: input.assumed ?? [],
    assumptionReason: input.assumptionReason ?? null,
    fullText: input.fullText,
  };
}

const COLUMNS = `id, title, short_title AS "shortTitle", issuer, number,
  to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", assumed, assumption_reason AS "assumptionReason",
  full_text AS "fullText"`;

const same = (a: SourceDocument, b: SourceDocument) =>
  (Object.keys(a) as (keyof SourceDocument)[]).every(
    (key) => JSON.stringify(a[key]) === JSON.stringify(b[key]),
  );

/**
 * Registers a document. The same document again changes nothing; a different one under an id already
 * registered is refused: packs were checked against its text, so a registered document never changes.
 */
export async function storeDocument(
  tx: Queryable,
  document: SourceDocument,
  loadedBy: string | null,
): Promise<'stored' | 'unchanged'> {
  const [existing] = await tx.query<SourceDocument>(`SELECT ${COLUMNS} FROM source_documents WHERE id = $1`, [
    document.id,
  ]);
  if (existing) {
    if (same(existing, document)) return 'unchanged';
    throw new AppError('document_exists', [fieldError('id', 'document_exists')]);
  }
  await tx.query(
    `INSERT INTO source_documents
       (id, title, short_title, issuer, number, issued_on, assumed, assumption_reason, full_text, loaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      document.id,
      document.title,
      document.shortTitle,
      document.issuer,
      document.number,
      document.issuedOn,
      document.assumed,
      document.assumptionReason,
      document.fullText,
      loadedBy,
    ],
  );
  return 'stored';
}

/** The registered documents among `ids`, with the title and text a citation check needs. */
export async function citedDocuments(
  tx: Queryable,
  ids: readonly string[],
): Promise<Map<string, CitedDocument>> {
  const rows = await tx.query<{ id: string; title: string; text: string }>(
    'SELECT id, title, full_text AS text FROM source_documents WHERE id = ANY($1::text[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, { title: row.title, text: row.text }]));
}
