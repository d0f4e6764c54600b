import type { Build, World } from '../routeRequests.js';

/** One well-formed request per route of the isolationSites routes, aimed at the first county's data (see seedWorld). */
export function isolationSitesRequests(_world: World): Record<string, Build> {
  return {};
}
