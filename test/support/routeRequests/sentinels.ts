import type { Build, World } from '../routeRequests.js';

/** One well-formed request per route of the sentinels module, aimed at the first county's data (see seedWorld). */
export function sentinelsRequests(_world: World): Record<string, Build> {
  return {};
}
