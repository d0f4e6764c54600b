import type { Build, World } from '../routeRequests.js';

/** The case county A's requests report (see ./cases.ts), searched after it is reported. */
const CASE_A = 'ca5e0000-0000-4000-8000-0000000000a1';

import { VENUE_A } from '../worldCoExposure.js';

/** One well-formed request per route of the coExposure routes, aimed at the first county's data (see seedWorld). */
export function coExposureRequests(_world: World): Record<string, Build> {
  return {
    'GET /api/co-exposure/case/:caseId': () => ({
      url: `/api/co-exposure/case/${CASE_A}?windowMinutes=60&days=14&limit=100`,
    }),
    'POST /api/co-exposure/venue': () => ({
      url: '/api/co-exposure/venue',
      payload: {
        venueId: VENUE_A,
        from: '2026-11-23T00:00:00Z',
        to: '2026-11-24T00:00:00Z',
        windowMinutes: 30,
      },
    }),
  };
}
