import { signVenueCode, venueCodeKeys } from '../../../src/modules/venues/index.js';
import { TEST_SECRET } from '../context.js';
import { multipartFile } from '../multipart.js';
import type { Build, World } from '../routeRequests.js';
import { COUNTY_A, PERSON_A, VILLAGE_A } from '../world.js';

/** Client-given id of county A's venue, registered by the first request below. */
export const VENUE_A = '7e0e0000-0000-4000-8000-0000000000a1';
/** Its signed code, as the test context's secret signs it. */
export const venueCodeA = () => signVenueCode(VENUE_A, venueCodeKeys(TEST_SECRET).privateKey);

/** One well-formed request per route of the venues routes, aimed at the first county's data (see seedWorld). */
export function venuesRequests(_world: World): Record<string, Build> {
  return {
    'POST /api/venues': () => ({
      url: '/api/venues',
      payload: {
        id: VENUE_A,
        name: '盘山县影剧院',
        kind: 'theatre',
        jurisdictionCode: VILLAGE_A,
        capacity: 200,
        responsibleName: '王经理',
        responsiblePhone: '13600136000',
      },
    }),
    'GET /api/venues': () => ({ url: `/api/venues?jurisdiction=${COUNTY_A}` }),
    'GET /api/venues/supervision': () => ({ url: `/api/venues/supervision?jurisdiction=${COUNTY_A}` }),
    'POST /api/venues/check-ins/feed': () => ({
      url: '/api/venues/check-ins/feed',
      payload: {
        rows: [
          {
            venueId: VENUE_A,
            at: '2026-11-24 09:30',
            name: PERSON_A.name,
            idNumber: PERSON_A.idNumber,
            phone: PERSON_A.phone,
          },
        ],
      },
    }),
    'POST /api/venues/check-ins/import': () => ({
      url: '/api/venues/check-ins/import',
      ...multipartFile(
        'file',
        'check-ins.csv',
        `场所编号,登记时间,姓名,证件号码,手机号\n${VENUE_A},2026-11-24 09:40,${PERSON_A.name},${PERSON_A.idNumber},${PERSON_A.phone}\n`,
      ),
    }),
    'GET /api/venues/:id': () => ({ url: `/api/venues/${VENUE_A}` }),
    'PATCH /api/venues/:id': () => ({
      url: `/api/venues/${VENUE_A}`,
      payload: { version: 1, capacity: 220 },
    }),
    'GET /api/venues/:id/code': () => ({ url: `/api/venues/${VENUE_A}/code` }),
    'GET /api/public/venue-code-key': () => ({ url: '/api/public/venue-code-key' }),
    'GET /api/public/check-in/:code': () => ({ url: `/api/public/check-in/${venueCodeA()}` }),
    'POST /api/public/check-in/:code': () => ({
      url: `/api/public/check-in/${venueCodeA()}`,
      payload: { name: PERSON_A.name, idNumber: PERSON_A.idNumber, phone: PERSON_A.phone },
    }),
  };
}
