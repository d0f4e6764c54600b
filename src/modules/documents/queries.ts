import type { DocumentDetail, DocumentSummary } from '../../api/documents.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { citationCounts, documentCitations } from './citations.js';

const SUMMARY_SQL = `id, title, short_title AS "shortTitle", issuer, number,
  to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", assumed, assumption_reason AS "assumptionReason",
  to_char(loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "loadedAt"`;

type Row = Omit<DocumentSummary, 'citationCount'>;

export async function listDocuments(tx: Queryable): Promise<DocumentSummary[]> {
  const rows = await tx.query<Row>(`SELECT ${SUMMARY_SQL} FROM source_documents ORDER BY id`);
  const counts = await citationCounts(tx);
  return rows.map((row) => ({ ...row, citationCount: counts.get(row.id) ?? 0 }));
}

export async function documentDetail(tx: Queryable, id: string): Promise<DocumentDetail> {
  const [row] = await tx.query<Row & { fullText: string }>(
    `SELECT ${SUMMARY_SQL}, full_text AS "fullText" FROM source_documents WHERE id = $1`,
    [id],
  );
  if (!row) throw notFound();
  const citations = await documentCitations(tx, id, row.fullText);
  return { ...row, citationCount: citations.length, citations };
}
