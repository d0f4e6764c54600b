import type { Build, World } from '../routeRequests.js';

/** One well-formed request per route of the chains routes, aimed at the first county's data (see seedWorld). */
export function chainsRequests(_world: World): Record<string, Build> {
  return {};
}
