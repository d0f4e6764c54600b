import type { Build, World } from '../routeRequests.js';

/** One well-formed request per route of the isolationDemand routes, aimed at the first county's data (see seedWorld). */
export function isolationDemandRequests(_world: World): Record<string, Build> {
  return {};
}
