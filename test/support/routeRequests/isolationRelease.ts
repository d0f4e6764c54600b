import type { Build, World } from '../routeRequests.js';
import { COUNTY_A } from '../world.js';
import { RELEASE_HOSPITAL_STAY_A, RELEASE_STAY_A } from '../worldIsolationRelease.js';

/** One well-formed request per route of the isolationRelease routes, aimed at the first county's data (see seedWorld). */
export function isolationReleaseRequests(_world: World): Record<string, Build> {
  return {
    'POST /api/isolation/stays/:id/tests': () => ({
      url: `/api/isolation/stays/${RELEASE_HOSPITAL_STAY_A}/tests`,
      payload: { kind: 'nat', reagents: 1, result: 'negative', sampledAt: '2026-11-24T01:00:00Z' },
    }),
    'GET /api/isolation/stays/:id/release-check': () => ({
      url: `/api/isolation/stays/${RELEASE_STAY_A}/release-check`,
    }),
    'GET /api/isolation/release-queue': () => ({
      url: `/api/isolation/release-queue?jurisdiction=${COUNTY_A}`,
    }),
    'POST /api/isolation/stays/:id/release': () => ({
      url: `/api/isolation/stays/${RELEASE_STAY_A}/release`,
      payload: { reason: '居家隔离期满', toPlace: '盘山县太平街道某小区' },
    }),
    'POST /api/isolation/stays/:id/to-hospital': () => ({
      url: `/api/isolation/stays/${RELEASE_HOSPITAL_STAY_A}/to-hospital`,
      payload: { reason: '核酸检测阳性，转定点医院' },
    }),
  };
}
