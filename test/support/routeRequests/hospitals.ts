import type { Build, World } from '../routeRequests.js';
import { COUNTY_A } from '../world.js';
import { HOSPITAL_A, ON_THE_WAY_A, TREAT_CASE_A } from '../worldHospitals.js';

/** Client-given ids of county A's registered fever clinic and of the transfer the requests make. */
const CLINIC_A = '4059a000-0000-4000-8000-0000000000f1';
const STAY_A = '4059a000-0000-4000-8000-0000000000e1';

/**
 * One well-formed request per route of the hospitals module, aimed at the first county's data (see
 * seedWorld and worldHospitals.ts), in workflow order: register, read, transfer, depart, admit,
 * discharge; the cancel route cancels the world's transfer on its way; the emptied route answers
 * the world's hospital's 48-hour obligation.
 */
export function hospitalsRequests(_world: World): Record<string, Build> {
  return {
    'POST /api/hospitals': () => ({
      url: '/api/hospitals',
      payload: {
        id: CLINIC_A,
        jurisdictionCode: COUNTY_A,
        name: '盘山县人民医院发热门诊',
        kind: 'fever_clinic',
        isCountyHospital: false,
        status: 'in_use',
        beds: 10,
        icuBeds: 0,
        negativePressureBeds: 2,
        supplyDays: 30,
      },
    }),
    'GET /api/hospitals': () => ({ url: `/api/hospitals?jurisdiction=${COUNTY_A}` }),
    'GET /api/hospitals/awaiting-transfer': () => ({
      url: `/api/hospitals/awaiting-transfer?jurisdiction=${COUNTY_A}`,
    }),
    'POST /api/hospitals/evaluate': () => ({
      url: '/api/hospitals/evaluate',
      payload: { jurisdiction: COUNTY_A },
    }),
    'GET /api/hospitals/:id': () => ({ url: `/api/hospitals/${HOSPITAL_A}` }),
    'PUT /api/hospitals/:id': () => ({
      url: `/api/hospitals/${HOSPITAL_A}`,
      payload: {
        name: '盘山县定点医院',
        kind: 'designated',
        isCountyHospital: false,
        status: 'in_use',
        beds: 100,
        icuBeds: 10,
        negativePressureBeds: 10,
        supplyDays: 30,
      },
    }),
    'POST /api/hospitals/:id/transfers': () => ({
      url: `/api/hospitals/${HOSPITAL_A}/transfers`,
      payload: {
        id: STAY_A,
        caseId: TREAT_CASE_A,
        fromPlace: '盘山县人民医院发热门诊',
        vehicle: '负压救护车',
      },
    }),
    'POST /api/hospital-stays/:id/depart': () => ({
      url: `/api/hospital-stays/${STAY_A}/depart`,
      payload: {},
    }),
    'POST /api/hospital-stays/:id/admit': () => ({ url: `/api/hospital-stays/${STAY_A}/admit`, payload: {} }),
    'POST /api/hospital-stays/:id/discharge': () => ({
      url: `/api/hospital-stays/${STAY_A}/discharge`,
      payload: { note: '治愈出院' },
    }),
    'POST /api/hospital-stays/:id/cancel': () => ({
      url: `/api/hospital-stays/${ON_THE_WAY_A}/cancel`,
      payload: { reason: '改送市级定点医院' },
    }),
    'POST /api/hospitals/:id/emptied': () => ({ url: `/api/hospitals/${HOSPITAL_A}/emptied`, payload: {} }),
  };
}
