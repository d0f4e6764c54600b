import type { Build, World } from '../routeRequests.js';
import { CHAIN_A1, CHAIN_A2, CHAIN_LINK_A } from '../worldChains.js';

/**
 * One well-formed request per route of the chains routes (EPI-5), aimed at the first county's data
 * (see seedWorld and worldChains.ts), in the order they are registered: link, remove, recompute, read.
 */
export function chainsRequests(_world: World): Record<string, Build> {
  return {
    'POST /api/chains/links': () => ({
      url: '/api/chains/links',
      payload: {
        infectorCaseId: CHAIN_A1,
        infecteeCaseId: CHAIN_A2,
        certainty: 'probable',
        evidenceKind: 'household',
        evidence: '同住家庭成员，发病前共同就餐',
      },
    }),
    'POST /api/chains/links/:id/remove': () => ({
      url: `/api/chains/links/${CHAIN_LINK_A}/remove`,
      payload: { reason: '基因测序结果不支持' },
    }),
    'POST /api/chains/recompute': () => ({ url: '/api/chains/recompute' }),
    'GET /api/chains': () => ({ url: '/api/chains' }),
    'GET /api/chains/case/:caseId': () => ({ url: `/api/chains/case/${CHAIN_A1}` }),
    'GET /api/chains/:clusterId': () => ({ url: `/api/chains/${CHAIN_A2}` }),
  };
}
