import type { Build, World } from '../routeRequests.js';

/** One well-formed request per route of the isolationRelease routes, aimed at the first county's data (see seedWorld). */
export function isolationReleaseRequests(_world: World): Record<string, Build> {
  return {};
}
