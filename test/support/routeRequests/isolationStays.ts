import type { Build, World } from '../routeRequests.js';
import { COUNTY_A } from '../world.js';
import {
  STAY_ARRIVE_A,
  STAY_CANCEL_A,
  STAYS_CONTACT_A,
  STAYS_GENERAL_A,
  STAYS_SITE_A,
} from '../worldIsolationStays.js';

/** One well-formed request per route of the isolationStays routes, aimed at the first county's data (see seedWorld). */
export function isolationStaysRequests(_world: World): Record<string, Build> {
  return {
    'GET /api/isolation/queue': () => ({
      url: `/api/isolation/queue?jurisdiction=${COUNTY_A}&kind=centralised`,
    }),
    'POST /api/isolation/allocations': () => ({
      url: '/api/isolation/allocations',
      payload: { people: [{ sourceType: 'contact', sourceId: STAYS_CONTACT_A }], siteId: STAYS_SITE_A },
    }),
    'GET /api/isolation/stays': () => ({
      url: `/api/isolation/stays?siteId=${STAYS_SITE_A}&kind=centralised`,
    }),
    'GET /api/isolation/stays/:id': () => ({ url: `/api/isolation/stays/${STAY_ARRIVE_A}` }),
    'POST /api/isolation/stays/:id/arrive': () => ({
      url: `/api/isolation/stays/${STAY_ARRIVE_A}/arrive`,
      payload: { fromPlace: '盘山县太平街道某小区', vehicle: '辽L·20301', escortName: '李护士' },
    }),
    'POST /api/isolation/stays/:id/cancel': () => ({
      url: `/api/isolation/stays/${STAY_CANCEL_A}/cancel`,
      payload: { reason: '核实已在外地集中隔离' },
    }),
    'POST /api/isolation/home-stays': () => ({
      url: '/api/isolation/home-stays',
      payload: { sourceType: 'contact', sourceId: STAYS_GENERAL_A },
    }),
  };
}
