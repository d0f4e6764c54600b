import type { Database } from '../../src/platform/db/types.js';

/**
 * Campaign test data written straight in SQL (as the database owner, past row-level security):
 * synthetic persons and pooled tubes with their samples, set-based so that the same helpers load
 * a handful of rows for a test and millions for a benchmark.
 */

/** `count` synthetic persons registered at `jurisdictionCode`, named `${tag}0001`…; returns nothing. */
export async function insertPersons(db: Database, jurisdictionCode: string, count: number, tag: string) {
  await db.query(
    `INSERT INTO persons (jurisdiction_code, name, id_type, id_cipher, id_hash, id_masked)
     SELECT $1, $3 || lpad(g::text, 7, '0'), 'resident_id', '\\x00'::bytea,
       decode(md5($3 || $1 || g::text), 'hex'), '211122********' || lpad((g % 10000)::text, 4, '0')
     FROM generate_series(1, $2::int) AS g`,
    [jurisdictionCode, count, tag],
  );
}

export interface CampaignSamples {
  campaignId: string;
  /** The sampling site's jurisdiction (the samples' and tubes' jurisdiction). */
  siteJurisdiction: string;
  /** Persons sampled, in order; or every person of a subtree (up to `limit`). */
  persons: { ids: readonly string[] } | { under: string; limit: number };
  poolSize: number;
  barcodePrefix: string;
  sampledAt: Date;
  /** Seconds between one person's sample and the next (spreads the hourly series). */
  secondsApart?: number;
  /** The tubes' result (all of them), or none yet. */
  result?: 'negative' | 'positive' | 'invalid' | null;
}

/** Pools the persons into tubes of `poolSize` in order and records one campaign sample each. */
export async function insertCampaignSamples(db: Database, spec: CampaignSamples): Promise<number> {
  const picked =
    'ids' in spec.persons
      ? {
          sql: 'SELECT u.id, u.ord - 1 AS rn FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, ord)',
          param: spec.persons.ids,
        }
      : {
          sql: `SELECT p.id, row_number() OVER (ORDER BY p.id) - 1 AS rn FROM persons p
                WHERE p.jurisdiction_code >= $1 AND p.jurisdiction_code < $1 || ':' LIMIT ${spec.persons.limit}`,
          param: spec.persons.under,
        };
  const result = spec.result ?? null;
  return db.transaction(async (tx) => {
    await tx.query(`CREATE TEMP TABLE picked ON COMMIT DROP AS ${picked.sql}`, [picked.param]);
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM picked');
    const opened = spec.sampledAt.toISOString();
    await tx.query(
      `INSERT INTO tubes (barcode, jurisdiction_code, campaign_id, category, capacity, member_count,
         opened_at, sealed_at, due_at, result, resulted_at)
       SELECT $1 || t, $2, $3, 'general', $4, least($4, $5 - t * $4), $6, $6, $6::timestamptz + interval '12 hours',
         $7, CASE WHEN $7::text IS NULL THEN NULL ELSE $6::timestamptz + interval '6 hours' END
       FROM generate_series(0, ceil($5::numeric / $4)::int - 1) AS t`,
      [spec.barcodePrefix, spec.siteJurisdiction, spec.campaignId, spec.poolSize, n, opened, result],
    );
    await tx.query(
      `INSERT INTO samples (tube_id, person_id, jurisdiction_code, campaign_id, purpose, sampled_at)
       SELECT t.id, p.id, $2, $3, 'campaign', $5::timestamptz + (p.rn * $6::float8) * interval '1 second'
       FROM picked p JOIN tubes t ON t.barcode = $1 || (p.rn / $4)`,
      [
        spec.barcodePrefix,
        spec.siteJurisdiction,
        spec.campaignId,
        spec.poolSize,
        opened,
        spec.secondsApart ?? 0,
      ],
    );
    return n;
  });
}
