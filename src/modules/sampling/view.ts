import type { MaskedPerson, Sample, Site, TubeDetail, TubeState } from '../../api/sampling.js';

/** Sampling responses: their schemas are the API contract in src/api/sampling.ts. */
export type { MaskedPerson, Sample as SampleView, Site as SiteView, TubeDetail, TubeState };

/** Timestamps leave the database as ISO-8601 UTC text, so both engines answer alike. */
export const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export const SITE_SQL = `s.id, s.jurisdiction_code AS "jurisdictionCode",
  (SELECT j.name FROM jurisdictions j WHERE j.code = s.jurisdiction_code) AS "jurisdictionName",
  s.name, s.address, s.tables, s.active, ${iso('s.created_at')} AS "createdAt"`;
