import type { Build, World } from '../routeRequests.js';

/** One well-formed request per route of the cases module, aimed at the first county's data (see seedWorld). */
export function casesRequests(_world: World): Record<string, Build> {
  return {};
}
