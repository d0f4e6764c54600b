import type { Build, World } from '../routeRequests.js';
import { COUNTY_A } from '../world.js';

/** One well-formed request per route of the isolationDemand routes, aimed at the first county's data (see seedWorld). */
export function isolationDemandRequests(_world: World): Record<string, Build> {
  return {
    'GET /api/isolation/demand': () => ({ url: `/api/isolation/demand?jurisdiction=${COUNTY_A}` }),
    'GET /api/isolation/occupancy': () => ({ url: `/api/isolation/occupancy?jurisdiction=${COUNTY_A}` }),
  };
}
