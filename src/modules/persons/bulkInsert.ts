import type { Queryable } from '../../platform/db/types.js';
import type { SealedPerson } from './seal.js';

/**
 * Inserts many sealed persons in one statement (arrays unnested server-side). A person whose ID
 * number is already registered is left as it is: re-loading the same rows changes nothing.
 * Returns the number of rows actually inserted.
 */
export async function insertSealedPersons(tx: Queryable, rows: readonly SealedPerson[]): Promise<number> {
  if (rows.length === 0) return 0;
  const hex = (value: Buffer | null) => (value ? value.toString('hex') : null);
  const inserted = await tx.query<{ n: number }>(
    `WITH added AS (
       INSERT INTO persons (jurisdiction_code, name, id_type, id_cipher, id_hash, id_masked, phone_cipher, phone_hash,
         phone_masked, sex, birth_date, address, employer, household_code, key_groups)
       SELECT j, n, t, decode(ic, 'hex'), decode(ih, 'hex'), im, decode(pc, 'hex'), decode(ph, 'hex'), pm, s, b::date,
         a, e, h, coalesce(string_to_array(nullif(k, ''), ','), '{}')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
         AS r(j, n, t, ic, ih, im, pc, ph, pm, s, b, a, e, h, k)
       ON CONFLICT (id_hash) DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM added`,
    [
      rows.map((r) => r.jurisdiction_code),
      rows.map((r) => r.name),
      rows.map((r) => r.id_type),
      rows.map((r) => hex(r.id_cipher)),
      rows.map((r) => hex(r.id_hash)),
      rows.map((r) => r.id_masked),
      rows.map((r) => hex(r.phone_cipher)),
      rows.map((r) => hex(r.phone_hash)),
      rows.map((r) => r.phone_masked),
      rows.map((r) => r.sex),
      rows.map((r) => r.birth_date),
      rows.map((r) => r.address),
      rows.map((r) => r.employer),
      rows.map((r) => r.household_code),
      rows.map((r) => r.key_groups.join(',')),
    ],
  );
  return inserted[0]?.n ?? 0;
}
