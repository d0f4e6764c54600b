import type { Build, World } from '../routeRequests.js';
import { COUNTY_A } from '../world.js';

/** One well-formed request per route of the bulletin module, aimed at the first county's data (see seedWorld). */
export function bulletinRequests(_world: World): Record<string, Build> {
  return {
    'GET /api/bulletin': () => ({ url: `/api/bulletin?jurisdiction=${COUNTY_A}&date=2026-11-23` }),
    'GET /api/bulletin/export.xlsx': () => ({
      url: `/api/bulletin/export.xlsx?jurisdiction=${COUNTY_A}&date=2026-11-23`,
    }),
    'GET /api/bulletin/conferences': () => ({ url: `/api/bulletin/conferences?jurisdiction=${COUNTY_A}` }),
    'POST /api/bulletin/conferences': () => ({
      url: '/api/bulletin/conferences',
      payload: {
        jurisdictionCode: COUNTY_A,
        heldAt: '2026-11-23T02:00:00.000Z',
        place: '县政府新闻发布厅',
        spokesperson: '县政府副县长',
      },
    }),
  };
}
