import type { Database } from '../../src/platform/db/types.js';
import { readinessShortfalls } from '../../src/rules/hospitalReadiness.js';

/**
 * The treatment tile's figures (CAS-3, CAS-4) counted straight from the base tables: the hospitals
 * serving `root` (its own and those above it), and its cases awaiting transfer. None when the tile
 * is hidden (neither a hospital nor a case awaiting transfer).
 */
export async function expectedHospitalFigures(db: Database, root: string): Promise<Map<string, number>> {
  const hospitals = await db.query<{
    id: string;
    kind: 'designated' | 'fever_clinic' | 'mobile_cabin';
    status: 'in_use' | 'standby';
    isCountyHospital: boolean;
    beds: number;
    icuBeds: number;
    negativePressureBeds: number;
    supplyDays: number;
    owing: boolean;
    inHospital: number;
  }>(
    `SELECT h.id, h.kind, h.status, h.is_county_hospital AS "isCountyHospital", h.beds, h.icu_beds AS "icuBeds",
       h.negative_pressure_beds AS "negativePressureBeds", h.supply_days AS "supplyDays",
       (h.emptying_owed_at IS NOT NULL AND h.emptied_at IS NULL) AS owing,
       (SELECT count(*) FROM hospital_stays s WHERE s.hospital_id = h.id AND s.status = 'admitted')::int AS "inHospital"
     FROM hospitals h WHERE h.jurisdiction_code LIKE $1 OR $2 LIKE h.jurisdiction_code || '%'`,
    [`${root}%`, root],
  );
  const [awaiting] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases c WHERE c.jurisdiction_code LIKE $1 AND c.status <> 'discarded'
       AND c.classification IN ('confirmed', 'asymptomatic')
       AND NOT EXISTS (SELECT 1 FROM hospital_stays s WHERE s.case_id = c.id AND s.status <> 'cancelled')`,
    [`${root}%`],
  );
  const expected = new Map<string, number>();
  if (hospitals.length === 0 && awaiting!.n === 0) return expected;
  const designated = hospitals.filter((h) => h.kind === 'designated');
  expected.set('hospitals.treatment.designated', designated.length);
  expected.set(
    'hospitals.treatment.shortfalls',
    hospitals.filter((h) => readinessShortfalls(h).length > 0).length,
  );
  expected.set('hospitals.treatment.emptying', hospitals.filter((h) => h.owing).length);
  expected.set('hospitals.treatment.awaiting', awaiting!.n);
  return expected;
}
