import type { Static } from 'typebox';
import type { HospitalView, Readiness } from '../../api/hospitals.js';
import { sumReadiness } from '../../rules/hospitalReadiness.js';

/**
 * CAS-4 over a list of hospitals: the rule's sums (beds, ICU share, cabins on standby, shortfalls)
 * and the beds in use and free in the hospitals that treat (fever clinics screen and refer).
 */
export function readiness(items: readonly HospitalView[]): Static<typeof Readiness> {
  const treating = items.filter((h) => h.kind !== 'fever_clinic');
  return {
    ...sumReadiness(items),
    inHospital: treating.reduce((n, h) => n + h.inHospital, 0),
    freeBeds: treating.reduce((n, h) => n + h.freeBeds, 0),
  };
}
