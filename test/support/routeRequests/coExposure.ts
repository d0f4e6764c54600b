import type { Build, World } from '../routeRequests.js';

/** One well-formed request per route of the coExposure routes, aimed at the first county's data (see seedWorld). */
export function coExposureRequests(_world: World): Record<string, Build> {
  return {};
}
